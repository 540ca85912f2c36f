import { expect, type Page } from '@playwright/test';

/** A phone, a tablet and a laptop: the widths every step must fit without scrolling sideways. */
export const LAYOUT_WIDTHS = [390, 768, 1280] as const;

/**
 * How far the page is wider than the window, as the user would scroll it, with the elements that stick out
 * furthest; null when it fits. Long values must wrap or scroll inside their own box, so neither the document
 * nor the body may be wider than the window's content area.
 */
function sidewaysOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const visible = root.clientWidth;
    const widest = Math.max(root.scrollWidth, document.body.scrollWidth);
    if (widest <= visible) return null;
    const outside = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > visible + 0.5,
    );
    const innermost = outside.filter((e) => !outside.some((o) => o !== e && e.contains(o)));
    const describe = (e: Element) =>
      `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}> ${Math.round(e.getBoundingClientRect().right)}px "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    return `${widest}px wide in ${visible}px; sticking out: ${innermost.slice(0, 3).map(describe).join('; ')}`;
  });
}

/** Resizes the window to each of {@link LAYOUT_WIDTHS} and expects the current step to fit each one. */
export async function expectNoSidewaysScroll(page: Page, what?: string) {
  const step = what ?? (await page.locator('#step-heading').textContent()) ?? '';
  const height = page.viewportSize()?.height ?? 800;
  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => sidewaysOverflow(page), { message: `${step} at ${width} px` }).toBeNull();
  }
}

/** What the layout checks of the component and end-to-end tests share. */

/** A phone, a tablet and a laptop: the widths every step must fit without scrolling sideways. */
export const LAYOUT_WIDTHS = [390, 768, 1280] as const;

/**
 * Runs in the page: how far the page is wider than the window, as the user would scroll it, with the elements that
 * stick out furthest; null when it fits. Long values must wrap or scroll inside their own box, so neither the
 * document nor the body may be wider than the window's content area. Self-contained, for `page.evaluate`.
 */
export function sidewaysOverflow(): string | null {
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
}

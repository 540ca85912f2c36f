import { expect, type Page } from '@playwright/test';
import { LAYOUT_WIDTHS, sidewaysOverflow } from '../../test-support/sideways-overflow';

/** Resizes the window to each of {@link LAYOUT_WIDTHS} and expects the current step to fit each one. */
export async function expectNoSidewaysScroll(page: Page, what?: string) {
  const step = what ?? (await page.locator('#step-heading').textContent()) ?? '';
  const height = page.viewportSize()?.height ?? 800;
  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height });
    await expect
      .poll(() => page.evaluate(sidewaysOverflow), { message: `${step} at ${width} px` })
      .toBeNull();
  }
}

import type { Page } from '@playwright/test';
import { expect, test } from './support/secret-scan';

/**
 * "Copy link to this setup" puts the page's address, with the choices made so far, on the clipboard; where the
 * browser refuses the clipboard, the link is shown selected, to copy by hand.
 */

const copyLink = (page: Page) =>
  page.getByRole('button', { name: /^(Copy link to this setup|Link copied)$/ });
const fallback = (page: Page) => page.getByRole('textbox', { name: 'Link to this setup' });

test('copies the link to this setup', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?connectors=teams:user&name=Contoso%20Sync');
  await copyLink(page).click();
  await expect(copyLink(page)).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await expect(fallback(page)).toHaveCount(0);
});

test('shows the link selected, to copy by hand, when the browser refuses the clipboard', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  await page.goto('/?connectors=teams:user&name=Contoso%20Sync');
  await copyLink(page).click();

  await expect(page.getByText('Copy the link yourself')).toBeVisible();
  await expect(
    page.getByText(
      'The browser did not let the wizard use the clipboard. The link is selected: press Ctrl+C',
    ),
  ).toBeVisible();
  await expect(fallback(page)).toHaveValue(page.url());
  await expect(fallback(page)).toBeFocused();
  const selection = await fallback(page).evaluate((input: HTMLInputElement) => [
    input.selectionStart,
    input.selectionEnd,
  ]);
  expect(selection).toEqual([0, page.url().length]);
  await expect(
    page.getByRole('status').filter({ hasText: 'Could not copy the link to this setup' }),
  ).toHaveCount(1);
  await expect(copyLink(page)).toHaveText('Copy link to this setup');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(fallback(page)).toHaveCount(0);
  await expect(copyLink(page)).toBeFocused();
});

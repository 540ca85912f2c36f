import type { Page } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { CREDENTIAL_FILE_NAMES as FILE } from '../src/exports/certificate-files';

/** Presses Tab until the focused element matches, like a keyboard user would. */
async function tabTo(page: Page, matches: (el: { role: string; name: string }) => boolean, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { role: '', name: '' };
      const label =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      return { role: el.getAttribute('role') ?? el.tagName.toLowerCase(), name: label.trim() };
    });
    if (matches(focused)) return;
  }
  throw new Error('Never reached the element with Tab');
}

test('the whole offline path works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, (f) => f.name === 'Do it myself');
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('Connectors');
  await expect(page.locator('#step-heading')).toBeFocused();

  // Include OneDrive for Business with Space, then move its mode to Admin accounts with the arrow keys.
  await tabTo(page, (f) => f.name === 'OneDrive for Business');
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.name === 'Non-admin users');
  await page.keyboard.press('ArrowRight');
  const card = page.getByRole('group', { name: 'OneDrive for Business' });
  await expect(card.getByRole('radio', { name: 'Admin accounts' })).toBeChecked();

  await tabTo(page, (f) => f.name === 'Next');
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('App details');
  await tabTo(page, (f) => f.role === 'input' && /Application name/.test(f.name));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard Co');
  await page.keyboard.press('Enter'); // Enter in a field submits the step, as in any form.
  // Admin OneDrive for Business needs a certificate: the step opens with one; save its key with the keyboard.
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
  await expect(page.getByRole('textbox', { name: 'Custom Key Identifier' })).toBeVisible({ timeout: 90_000 });
  await tabTo(page, (f) => f.name === `Download ${FILE.privateKey}`);
  const [key] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(key.suggestedFilename()).toBe('key.pem');
  await tabTo(page, (f) => f.name === 'Next');
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('Review');
  await expect(page.getByText('A multitenant app named "Keyboard Co"')).toBeVisible();
  await tabTo(page, (f) => f.name === 'Create files');
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('Files and portal steps');
  await tabTo(page, (f) => f.name === 'Download manifest.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('manifest.json');
});

import { expect, test } from './support/secret-scan';
import { CREDENTIAL_FILE_NAMES as FILE } from '../src/exports/certificate-files';
import { expectStepFocused, liveStatus, press, tabTo } from './support/keyboard';

test('the whole offline path works with the keyboard alone, and every move between steps focuses the heading', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await press(page, 'Do it myself');
  await expectStepFocused(page, 'Connectors');

  // Include OneDrive for Business with Space, then move its mode to Admin accounts with the arrow keys.
  await tabTo(page, (f) => f.name === 'OneDrive for Business');
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.name === 'Non-admin users');
  await page.keyboard.press('ArrowRight');
  const card = page.getByRole('group', { name: 'OneDrive for Business' });
  await expect(card.getByRole('radio', { name: 'Admin accounts' })).toBeChecked();

  await press(page, 'Next');
  await expectStepFocused(page, 'App details');
  await tabTo(page, (f) => f.role === 'input' && /Application name/.test(f.name));
  // An empty name is refused with a message that is announced at once.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Enter a name for the app registration.');
  await expect(page.getByRole('textbox', { name: /Application name/ })).toBeFocused();
  await page.keyboard.type('Keyboard Co');
  await page.keyboard.press('Enter'); // Enter in a field submits the step, as in any form.

  // Admin OneDrive for Business needs a certificate: the step opens with one, says when it is ready, and its key is
  // saved with the keyboard.
  await expectStepFocused(page, 'Certificate');
  await expect(liveStatus(page)).toHaveText('The certificate is ready. Save its files below.', {
    timeout: 90_000,
  });
  await tabTo(page, (f) => f.name === `Download ${FILE.privateKey}`);
  const [key] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(key.suggestedFilename()).toBe('key.pem');

  // Back, then on again: the heading has the focus each time.
  await press(page, 'Back');
  await expectStepFocused(page, 'App details');
  await press(page, 'Next');
  await expectStepFocused(page, 'Certificate');
  await press(page, 'Next');
  await expectStepFocused(page, 'Review');
  await expect(page.getByText('A multitenant app named "Keyboard Co"')).toBeVisible();

  // The stepper goes back to an earlier step (it comes before the step, so Shift+Tab reaches it).
  await press(page, '2. Connectors', { backwards: true });
  await expectStepFocused(page, 'Connectors');
  for (const title of ['App details', 'Certificate', 'Review']) {
    await press(page, 'Next');
    await expectStepFocused(page, title);
  }

  await press(page, 'Create files');
  await expectStepFocused(page, 'Files and portal steps');
  await tabTo(page, (f) => f.name === 'Download manifest.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('manifest.json');
});

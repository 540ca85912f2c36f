import { serveAutomaticConfig, wizardClient } from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { expectStepFocused, liveStatus, press, signInWithKeyboard, tabTo } from './support/keyboard';
import { driftedMail } from './support/repair';

test.use({ emulatorOptions: wizardClient });

test('automatic mode works with the keyboard alone, in the sign-in windows too', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await tabTo(page, (f) => f.name === 'Sign in and create');
  await signInWithKeyboard(page);
  // The wizard goes on by itself once signed in, and focuses the step it went to.
  await expectStepFocused(page, 'Connectors');

  await tabTo(page, (f) => f.name === 'Outlook Mail');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Outlook Mail' })).toBeChecked();
  await press(page, 'Next');
  await expectStepFocused(page, 'App details');
  await tabTo(page, (f) => f.role === 'input' && /Application name/.test(f.name));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard Mail');
  await page.keyboard.press('Enter');
  await expectStepFocused(page, 'Review');

  // Create opens the permission window; the run then goes on to the credentials by itself.
  await tabTo(page, (f) => f.name === 'Create app registration');
  await signInWithKeyboard(page);
  await expectStepFocused(page, 'Credentials', 120_000);
  await expect(liveStatus(page)).toHaveText('Finished: the app registration is ready.');
  const app = emulator.applications()[0]!;
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(app.appId);

  await press(page, 'Show Client Secret');
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveAttribute('type', 'text');
  await tabTo(page, (f) => f.name === 'Copy Client Secret');
  await page.keyboard.press('Enter');
  await expect(liveStatus(page)).toHaveText('Client Secret copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    emulator.liveSecrets(app.id)[0]!.secretText,
  );

  // Back to the finished run and on again.
  await press(page, 'Back');
  await expectStepFocused(page, 'Create');
  await press(page, 'Show the credentials');
  await expectStepFocused(page, 'Credentials');
});

test('check and repair works with the keyboard alone, in the sign-in windows too', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  emulator.seedApplication(driftedMail);
  await page.goto('/');
  await tabTo(page, (f) => f.name === 'Check a registration');
  await signInWithKeyboard(page);
  await expectStepFocused(page, 'Registration');
  await expect(liveStatus(page)).toHaveText('1 registration you own, listed below.');

  // Tab enters the list of registrations on its first one; Space picks it.
  await tabTo(page, (f) => f.role === 'input' && f.name.startsWith('Kloudless Mail (portal)'));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /Kloudless Mail \(portal\)/ })).toBeChecked();
  await press(page, 'Next');
  await expectStepFocused(page, 'Connectors');

  await tabTo(page, (f) => f.name === 'Outlook Mail');
  await tabTo(page, (f) => f.name === 'Non-admin users');
  await page.keyboard.press('ArrowRight');
  await expect(
    page.getByRole('group', { name: 'Outlook Mail' }).getByRole('radio', { name: 'Admin accounts' }),
  ).toBeChecked();
  await press(page, 'Check registration');
  await expectStepFocused(page, 'Check and repair');
  await expect(liveStatus(page)).toContainText('Kloudless Mail (portal)', { timeout: 60_000 });
  await expect(liveStatus(page)).toContainText(/\d+ errors?, \d+ warnings?\./);

  // Repair asks for the consent permissions in a window, runs, and checks again.
  await tabTo(page, (f) => f.name === 'Repair registration');
  await signInWithKeyboard(page);
  await expect(liveStatus(page)).toContainText('Repair finished. Kloudless Mail (portal)', {
    timeout: 120_000,
  });
  await expect(page.locator('li[data-status="error"]')).toHaveCount(0);

  await press(page, 'Back');
  await expectStepFocused(page, 'Connectors');
});

import { Buffer } from 'node:buffer';
import { pngImage } from '../test-support/logo-images';
import { expect, test } from './support/secret-scan';
import { expectNoViolations } from './support/axe';
import { demoAccountDialog } from './support/demo';
import { certificateReady, fillOfflineIds, next } from './support/wizard';

test('no accessibility violations on any offline step, in the light and dark themes', async ({ page }) => {
  test.setTimeout(240_000); // sixteen full axe scans, and the prepared certificate
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user,teams:user');
  await expectNoViolations(page, 'Start');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  // Open every permission list so its contents are checked too.
  for (const header of await page.getByRole('button', { name: /permissions on/ }).all()) await header.click();
  await expectNoViolations(page, 'Connectors');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: /Application name/ }).fill('');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Enter a name for the app registration.')).toBeVisible();
  await expectNoViolations(page, 'App details with an error');
  await page.getByRole('textbox', { name: /Application name/ }).fill('Contoso');
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
  await certificateReady(page);
  await expectNoViolations(page, 'Certificate generated');
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.getByRole('radio', { name: 'Use my own passphrase' }).check();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await expect(page.getByText(/at least 8 characters/)).toBeVisible();
  await expectNoViolations(page, 'Certificate form with an error');
  await page.getByRole('radio', { name: 'Use my own certificate' }).click();
  await page.getByRole('textbox', { name: 'Or paste the certificate' }).fill('not a certificate');
  await page.getByRole('button', { name: 'Check certificate' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'Bring your own certificate with an error');
  await page.getByRole('radio', { name: 'Generate a new certificate' }).click();
  await page.getByRole('button', { name: 'Keep the current certificate' }).click();
  await next(page);
  await expectNoViolations(page, 'Review');
  await next(page, 'Create files');
  await fillOfflineIds(page);
  await expectNoViolations(page, 'Files and portal steps');
});

test('the config and link problem bars are accessible', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, body: 'nope' }));
  await page.goto('/?connectors=nothing');
  await expect(page.getByText('Parts of this link were ignored')).toBeVisible();
  await expectNoViolations(page, 'Start with problems');
});

test('the demo tenant’s banner and sign-in dialog are accessible', async ({ page }) => {
  await page.goto('/?demo=1');
  await expect(page.getByText('Demo tenant', { exact: true }).first()).toBeVisible();
  await expectNoViolations(page, 'Start with the demo tenant');
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await demoAccountDialog(page);
  await expectNoViolations(page, 'The demo tenant’s sign-in dialog');
});

test('the branding step and both consent previews are accessible, with and without errors', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await next(page);
  await page.getByRole('checkbox', { name: 'Set the logo and links users see when they consent' }).check();
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('How it looks to your users');
  await expectNoViolations(page, 'How it looks to your users');
  await page.getByRole('textbox', { name: 'Terms of service URL' }).fill('http://contoso.com/terms');
  await page.getByLabel('Logo', { exact: true }).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not an image'),
  });
  await expect(page.getByRole('alert').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(/^Use https:\/\/: users are sent to your terms of service/)).toBeVisible();
  await expectNoViolations(page, 'How it looks to your users, with errors');
  await page.getByRole('textbox', { name: 'Terms of service URL' }).fill('https://contoso.com/terms');
  await page.getByLabel('Logo', { exact: true }).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(pngImage(215)),
  });
  await expect(page.getByText(/^Chosen: logo\.png/)).toBeVisible();
  await page.getByRole('radio', { name: 'A user who is not an administrator' }).check();
  await expectNoViolations(page, 'The preview for a user who is not an administrator');
});

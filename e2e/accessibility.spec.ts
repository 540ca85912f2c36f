import { expect, test } from './support/secret-scan';
import { expectNoSeriousViolations } from './support/axe';
import { certificateReady, fillOfflineIds, next } from './support/wizard';

test('no serious or critical accessibility violations on any offline step', async ({ page }) => {
  test.setTimeout(180_000); // seven full axe scans and an RSA-4096 certificate
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user,teams:user');
  await expectNoSeriousViolations(page, 'Start');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  // Open every permission list so its contents are checked too.
  for (const header of await page.getByRole('button', { name: /permissions on/ }).all()) await header.click();
  await expectNoSeriousViolations(page, 'Connectors');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: /Application name/ }).fill('');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Enter a name for the app registration.')).toBeVisible();
  await expectNoSeriousViolations(page, 'App details with an error');
  await page.getByRole('textbox', { name: /Application name/ }).fill('Contoso');
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
  await certificateReady(page);
  await expectNoSeriousViolations(page, 'Certificate generated');
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.getByRole('radio', { name: 'Use my own passphrase' }).check();
  await page.getByRole('button', { name: 'Generate certificate' }).click();
  await expect(page.getByText(/at least 8 characters/)).toBeVisible();
  await expectNoSeriousViolations(page, 'Certificate form with an error');
  await page.getByRole('radio', { name: 'Use my own certificate' }).click();
  await page.getByRole('textbox', { name: 'Or paste the certificate' }).fill('not a certificate');
  await page.getByRole('button', { name: 'Check certificate' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'Bring your own certificate with an error');
  await page.getByRole('radio', { name: 'Generate a new certificate' }).click();
  await page.getByRole('button', { name: 'Keep the current certificate' }).click();
  await next(page);
  await expectNoSeriousViolations(page, 'Review');
  await next(page, 'Create files');
  await fillOfflineIds(page);
  await expectNoSeriousViolations(page, 'Files and portal steps');
});

test('the config and link problem bars are accessible', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, body: 'nope' }));
  await page.goto('/?connectors=nothing');
  await expect(page.getByText('Parts of this link were ignored')).toBeVisible();
  await expectNoSeriousViolations(page, 'Start with problems');
});

import { DEFAULT_TENANT_ID } from './emulator/defaults';
import { create, serveAutomaticConfig, signInAndReview, wizardClient } from './support/automatic';
import { expect, test } from './support/emulator-fixture';

test.use({ emulatorOptions: wizardClient });

test('admin SharePoint with consent: one application, one secret, the browser’s certificate, every grant', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(180_000);
  await serveAutomaticConfig(context);
  await signInAndReview(page, 'connectors=sharepoint:admin&name=Contoso%20SharePoint');
  expect(await create(page)).toBe(true);
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Credentials');

  const apps = emulator.applications();
  expect(apps).toHaveLength(1);
  const app = apps[0]!;
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(app.appId ?? '');
  await expect(page.getByRole('textbox', { name: 'Azure Directory ID' })).toHaveValue(DEFAULT_TENANT_ID);
  const secrets = emulator.liveSecrets(app.id ?? '');
  expect(secrets).toHaveLength(1);
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(
    secrets[0]?.secretText ?? '',
  );
});

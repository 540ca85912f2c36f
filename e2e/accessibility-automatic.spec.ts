import { create, serveAutomaticConfig, signInAndReview, wizardClient } from './support/automatic';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';

test.use({ emulatorOptions: wizardClient });

test('no serious or critical accessibility violations on the automatic steps', async ({
  page,
  context,
  emulator,
}) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  await signInAndReview(page, 'connectors=sharepoint:admin,outlook-mail:user&name=Contoso');
  await page.getByRole('button', { name: /requests the wizard will send/ }).click();
  await expectNoViolations(page, 'Review with options and requests');
  // Consent refused keeps the Create step open with its warning, so the finished step is checked too.
  emulator.faults.consentForbidden = true;
  expect(await create(page)).toBe('attention');
  await expectNoViolations(page, 'Create, finished with a warning');
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await page.getByRole('button', { name: 'Show Client Secret' }).click();
  await expectNoViolations(page, 'Credentials');
});

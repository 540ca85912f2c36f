import { create, serveAutomaticConfig, signInAndReview, wizardClient } from './support/automatic';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/emulator-fixture';

test.use({ emulatorOptions: wizardClient });

test('no serious or critical accessibility violations on the automatic steps', async ({ page, context }) => {
  test.setTimeout(240_000);
  await serveAutomaticConfig(context);
  await signInAndReview(page, 'connectors=sharepoint:admin,outlook-mail:user&name=Contoso');
  await page.getByRole('button', { name: /requests the wizard will send/ }).click();
  await expectNoSeriousViolations(page, 'Review with options and requests');
  expect(await create(page)).toBe(true);
  await expectNoSeriousViolations(page, 'Create, finished');
  await page.getByRole('button', { name: 'Show the credentials' }).click();
  await page.getByRole('button', { name: 'Show Client Secret' }).click();
  await expectNoSeriousViolations(page, 'Credentials');
});

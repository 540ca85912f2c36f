import type { Page } from '@playwright/test';
import { createPlanRunner } from '../src/graph/plan-runner';
import { emulatorFetch, testKeyCredential, WIZARD_SCOPES } from '../test-support/graph/emulator-harness';
import { buildPlan } from '../src/plan/build-plan';
import type { PlanInput } from '../src/plan/plan-types';
import { uniqueNameFor } from '../src/plan/unique-name';
import { TEST_CERTIFICATE_THUMBPRINT_BASE64 } from '../src/demo/emulator/fixtures/test-certificate';
import type { Emulator } from '../src/demo/emulator/emulator';
import {
  graphWrites,
  REDIRECT,
  create,
  serveAutomaticConfig,
  signInAndReview,
  update,
  wizardClient,
} from './support/automatic';
import { expectNoViolations } from './support/axe';
import { signInThroughPopup } from './support/emulator-sign-in';
import { expect, test } from './support/emulator-fixture';

/** Registrations that exist before the admin opens the wizard: made earlier, from another browser session. */

test.use({ emulatorOptions: wizardClient });
test.describe.configure({ timeout: 180_000 });

/** Runs a plan straight against the emulated tenant, as an earlier session of the wizard did. */
async function earlierRun(emulator: Emulator, input: Omit<PlanInput, 'redirectUris'>) {
  const plan = buildPlan({ certificate: testKeyCredential(), ...input, redirectUris: [REDIRECT] });
  const token = emulator.mintAccessToken({ scopes: WIZARD_SCOPES });
  const runner = createPlanRunner({
    graphBaseUrl: 'https://graph.microsoft.com',
    getToken: () => token,
    fetch: emulatorFetch(emulator),
    storage: null,
  });
  return runner.run(plan);
}

const link = (connectors: string, name: string) =>
  `connectors=${connectors}&name=${encodeURIComponent(name)}`;

async function clickCreateAndSignIn(page: Page) {
  await signInThroughPopup(page, () => page.getByRole('button', { name: 'Create app registration' }).click());
}

test('a later session keeps the certificate in use and adds no secret unless asked', async ({
  page,
  context,
  emulator,
}) => {
  const first = await earlierRun(emulator, {
    connectors: [{ id: 'sharepoint', mode: 'admin' }],
    displayName: 'Contoso SharePoint',
    grantAdminConsent: true,
  });
  await serveAutomaticConfig(context);
  await signInAndReview(page, link('sharepoint:admin', 'Contoso SharePoint'));
  const writesBefore = graphWrites(emulator).length;
  await clickCreateAndSignIn(page);

  // Before any write: what is there, who made it, and what the run does to it.
  const table = page.getByRole('table', { name: 'Current secrets and certificates' });
  const secretRow = table.getByRole('row').filter({ hasText: 'Client secret' });
  await expect(secretRow).toContainText(`${first.secret!.secretText.slice(0, 3)}…`);
  await expect(secretRow).toContainText('Yes');
  await expect(table.getByRole('row').filter({ hasText: 'Certificate' })).toContainText(
    'AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617',
  );
  const newSecret = page.getByRole('checkbox', { name: 'Create a new client secret' });
  await expect(newSecret).not.toBeChecked();
  const changes = page.getByRole('region', { name: 'What the run changes' });
  await expect(changes.getByRole('definition').nth(0)).toContainText('the certificate CN=ADomain');
  await expect(changes.getByRole('definition').nth(0)).not.toContainText('client secret');
  await expect(changes.getByRole('definition').nth(1)).toContainText(
    'AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617',
  );
  await expect(changes.getByRole('definition').nth(2)).toHaveText('nothing');
  expect(graphWrites(emulator).length, 'the check wrote nothing').toBe(writesBefore);
  await expectNoViolations(page, 'Review of a registration that exists');

  expect(await update(page)).toBe('credentials');
  const app = emulator.applications()[0]!;
  expect(emulator.applications()).toHaveLength(1);
  // Both certificates: the platform's tokens signed with the first one still work.
  expect(app.keyCredentials).toHaveLength(2);
  expect(app.keyCredentials.map((k) => k.customKeyIdentifier)).toContain(TEST_CERTIFICATE_THUMBPRINT_BASE64);
  // One secret, the one the platform already has.
  expect(emulator.liveSecrets(app.id).map((s) => s.keyId)).toEqual([first.secret!.keyId]);

  await expect(page.getByText(/Client Secret: unchanged/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveCount(0);
  await expect(page.getByText('Save the client secret now')).toHaveCount(0);
});

test('different names never share a registration, and a renamed one is updated only when the admin says so', async ({
  page,
  context,
  emulator,
}) => {
  const sales = await earlierRun(emulator, {
    connectors: [{ id: 'outlook-mail', mode: 'user' }],
    displayName: 'Продажи 365',
  });
  await serveAutomaticConfig(context);

  // Another name in the same script gets its own registration.
  await signInAndReview(page, link('outlook-mail:user', 'Маркетинг 365'));
  expect(await create(page)).toBe('credentials');
  expect(
    emulator
      .applications()
      .map((a) => a.displayName)
      .sort(),
  ).toEqual(['Маркетинг 365', 'Продажи 365']);
  expect(new Set(emulator.applications().map((a) => a.uniqueName)).size).toBe(2);

  // Someone renamed the first registration in the portal; its unique name stays.
  emulator.state.applications.get(sales.application.id)!.displayName = 'Sales 365';
  page.once('dialog', (d) => void d.accept()); // leaving the unsaved Маркетинг secret behind
  await signInAndReview(page, link('outlook-mail:user', 'Продажи 365'));
  await clickCreateAndSignIn(page);
  await expect(page.getByText('This registration exists already')).toBeVisible();
  const question = page.getByRole('radiogroup');
  await expect(page.getByText('It is named “Sales 365”, not “Продажи 365”.', { exact: false })).toBeVisible();
  // Nothing is written until the admin answers.
  await page.getByRole('button', { name: 'Update app registration' }).click();
  await expect(
    page.getByText('Choose whether to update “Sales 365” or create a new registration.'),
  ).toBeVisible();
  await question.getByRole('radio', { name: /Create a new registration named “Продажи 365”/ }).check();
  await expect(page.getByText(`unique name ${uniqueNameFor('Продажи 365', 2)}`)).toBeVisible();
  expect(await update(page, { label: 'Create app registration' })).toBe('credentials');

  const names = emulator.applications().map((a) => [a.displayName, a.uniqueName]);
  expect(names).toContainEqual(['Sales 365', uniqueNameFor('Продажи 365')]);
  expect(names).toContainEqual(['Продажи 365', uniqueNameFor('Продажи 365', 2)]);
  expect(names).toHaveLength(3);
});

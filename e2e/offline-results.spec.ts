import { chromium } from '@playwright/test';
import { chromiumArgs, fullChromiumPath } from '../scripts/chromium.mjs';
import { APP } from './support/app-origin';
import { expect, scanContext, test, watchContext } from './support/secret-scan';
import { strFromU8, unzipSync } from 'fflate';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { graphAccessType } from '../src/catalog/permissions';
import { resolveConnectorMode } from '../src/catalog/resolve';
import { resourceApi } from '../src/catalog/resource-apis';
import { CREDENTIAL_FILE_NAMES as FILE } from '../src/exports/certificate-files';
import { certificateReady, next, pageText, walkToOfflineResults } from './support/wizard';

test('from the bare address to every file for SharePoint admin in at most eight actions, with Download all', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let actions = 0;
  const act = async (step: () => Promise<unknown>) => {
    actions += 1;
    await step();
  };
  await page.goto('/');
  await act(() => page.getByRole('button', { name: 'Do it myself' }).click());
  await act(() =>
    page
      .getByRole('group', { name: 'SharePoint Online' })
      .getByRole('radio', { name: 'Admin accounts' })
      .check(),
  );
  await act(() => next(page));
  await expect(page.locator('#step-heading')).toHaveText('App details');
  await act(() => next(page));
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
  // Admin SharePoint needs a certificate: the step opens with one made with the procedure's settings.
  await certificateReady(page);
  const passphrase = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
  await act(() => next(page));
  await expect(page.locator('#step-heading')).toHaveText('Review');
  await act(() => next(page, 'Create files'));
  let zip: Record<string, Uint8Array> = {};
  await act(async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all (app-registration.zip)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('app-registration.zip');
    zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
  });
  expect(actions).toBeLessThanOrEqual(8);

  const text = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
  expect(Object.keys(zip).sort()).toEqual([
    'cert.cer',
    'cert.pem',
    'certificate.pfx',
    'key-credentials.json',
    'key.pem',
    'main.bicep',
    'main.tf',
    'manifest.json',
    'portal-steps.md',
    'required-resource-access.json',
    'setup-m365.sh',
    'setup.ps1',
    'setup.sh',
  ]);
  // The ZIP saved the private key: the wizard no longer asks for it.
  await expect(page.getByText('Download the private key now')).toHaveCount(0);

  const manifest = JSON.parse(text('manifest.json')) as {
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    keyCredentials: { key: string }[];
  };
  const granted = manifest.requiredResourceAccess
    .flatMap((r) => r.resourceAccess.map((a) => `${r.resourceAppId}|${a.type}|${a.id}`))
    .sort();
  const catalog = resolveConnectorMode('sharepoint', 'admin')
    .permissions.map((p) => `${resourceApi(p.api).appId}|${graphAccessType[p.kind]}|${p.id}`)
    .sort();
  expect(granted).toEqual(catalog);
  expect(JSON.parse(text('required-resource-access.json'))).toEqual(manifest.requiredResourceAccess);

  // cert.cer is the DER of cert.pem; the manifest and key-credentials.json carry that certificate, Graph-style.
  const der = new X509Certificate(text(FILE.certificatePem)).raw;
  expect(Buffer.from(zip[FILE.certificateDer] ?? [])).toEqual(der);
  expect(manifest.keyCredentials[0]?.key).toBe(der.toString('base64'));
  const [entry] = (JSON.parse(text(FILE.keyCredentials)) as { keyCredentials: Record<string, string>[] })
    .keyCredentials;
  expect(entry?.key).toBe(der.toString('base64'));
  expect(entry).not.toHaveProperty('value');

  // The private key is encrypted, opens with the passphrase shown, and belongs to the certificate.
  expect(text(FILE.privateKey)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  expect(() => createPrivateKey(text(FILE.privateKey))).toThrow();
  expect(
    new X509Certificate(text(FILE.certificatePem)).checkPrivateKey(
      createPrivateKey({ key: text(FILE.privateKey), passphrase }),
    ),
  ).toBe(true);

  // portal-steps.md holds the steps the page shows, numbered alike, with their links.
  const titles = await page
    .getByRole('list', { name: 'Portal steps' })
    .locator(':scope > li > h3')
    .allTextContents();
  const steps = text('portal-steps.md');
  expect([...steps.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1])).toEqual(titles);
  expect(titles.length).toBeGreaterThan(5);
  const register = await page.getByRole('link', { name: /Open New registration/ }).getAttribute('href');
  expect(steps).toContain(`Open New registration: <${register}>`);
  expect(steps).toContain('Private key passphrase: the passphrase of key.pem');

  // Everything is saved: Finish asks nothing, and the key and its passphrase leave the page.
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('Start');
  await expect(
    page.getByText('Finished. The private key and the passphrase were removed from this page.'),
  ).toBeVisible();
  const left = await pageText(page);
  expect(left.includes(passphrase), 'the passphrase is still in the page').toBe(false);
  expect(left.includes(text(FILE.privateKey).split('\n')[1]!), 'the private key is still in the page').toBe(
    false,
  );
});

test('every correction of the procedure is shown where it applies', async ({ page }) => {
  await page.goto('/?connectors=teams:admin,outlook-calendar:admin');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  const teams = page.getByRole('group', { name: 'Microsoft Teams' });
  await expect(
    teams.getByText('Corrected: ChannelMessage.Send (application) → ChannelMessage.Send (delegated)'),
  ).toBeVisible();
  await expect(
    teams.getByText(
      'Corrected: Directory.AccessAsUser.All (application) → Directory.AccessAsUser.All (delegated)',
    ),
  ).toBeVisible();
  await teams.getByRole('radio', { name: 'Non-admin users' }).check();
  await expect(
    teams.getByText('Corrected: ChannelMessage.Delete (delegated) → ChannelMessage.ReadWrite (delegated)'),
  ).toBeVisible();
  await teams.getByRole('radio', { name: 'Admin accounts' }).check();
  await expect(
    page
      .getByRole('group', { name: 'Outlook Calendar' })
      .getByText('Corrected: Calendar.ReadWrite (application) → Calendars.ReadWrite (application)'),
  ).toBeVisible();

  await walkToOfflineResults(page);
  // The results repeat every correction that applies to the plan.
  const files = page.getByRole('region', { name: 'Files' });
  for (const title of [
    'Corrected: ChannelMessage.Send (application) → ChannelMessage.Send (delegated)',
    'Corrected: Directory.AccessAsUser.All (application) → Directory.AccessAsUser.All (delegated)',
    'Corrected: Calendar.ReadWrite (application) → Calendars.ReadWrite (application)',
  ]) {
    await expect(files.getByText(title)).toBeVisible();
  }
});

test('the permission list shows admin consent where needed, and the retired API warning', async ({
  page,
}) => {
  await page.goto('/?connectors=sharepoint:admin');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  const card = page.getByRole('group', { name: 'SharePoint Online' });
  await card.getByRole('button', { name: /10 permissions on 4 APIs, 10 need admin consent/ }).click();
  await expect(card.getByText('Admin consent required')).toHaveCount(10);
  await expect(card.getByText(/Azure AD Graph is retired/)).toBeVisible();
  await expect(card.getByRole('heading', { name: 'SharePoint · Application permissions' })).toBeVisible();
});

test('portal steps and the admin consent link follow the plan', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?connectors=teams:admin,onedrive:user&name=Contoso%20Sync');
  await walkToOfflineResults(page);
  const steps = page.getByRole('list', { name: 'Portal steps' }).locator(':scope > li');
  await expect(steps.locator('h3')).toHaveText([
    'Register the application',
    'Copy the application and directory IDs',
    'Finish the Authentication settings',
    'Lock the app’s credentials in other tenants',
    'Add the API permissions',
    'Create the client secret',
    'Add the certificate',
    'Grant admin consent',
    "Enter the credentials on Kloudless's Custom OAuth keys page",
  ]);
  await expect(page.getByText(/Activity Monitoring/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Company branding' })).toHaveAttribute(
    'href',
    /LoginTenantBranding/,
  );

  const clientId = page.getByRole('textbox', { name: 'Application (client) ID' });
  const tenant = page.getByRole('textbox', { name: 'Directory (tenant) ID or domain' });
  await clientId.fill('not-a-guid');
  await tenant.fill('common');
  await expect(page.getByText(/The Application \(client\) ID is a GUID/)).toBeVisible();
  await expect(page.getByText(/cannot use "common"/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toHaveCount(0);

  await clientId.fill('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
  await tenant.fill('72f988bf-86f1-41af-91ab-2d7cd011db47');
  const url = page.getByRole('textbox', { name: 'Admin consent URL' });
  await expect(url).toHaveValue(
    'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/adminconsent?client_id=3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=https%3A%2F%2Fapi.kloudless.com%2Fv1%2Foauth%2Fcallback',
  );
  // Once the client ID is known, the portal links open this app's own pages.
  await expect(page.getByRole('link', { name: /Open Certificates & secrets/ }).first()).toHaveAttribute(
    'href',
    'https://portal.azure.com/#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/Credentials/appId/3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c/isMSAApp/',
  );
  await page.getByRole('button', { name: 'Copy Admin consent URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.inputValue());
});

test('leaving the page after saving removes the key and the passphrase, so the browser’s Back brings back neither', async ({
  secretMaterial,
}) => {
  test.setTimeout(120_000);
  // A browser of its own: the tests' browser keeps no page for Back (Playwright turns the back-forward cache off, and
  // the headless shell has none). The full Chromium keeps the page as a user's browser does.
  const browser = await chromium.launch({
    executablePath: fullChromiumPath,
    args: chromiumArgs,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const context = await browser.newContext({
      baseURL: APP,
      acceptDownloads: true,
      serviceWorkers: 'block',
    });
    const watch = await watchContext(context, secretMaterial);
    const page = await context.newPage();
    await page.goto('/?connectors=sharepoint:admin');
    await walkToOfflineResults(page);
    const passphrase = await page.getByRole('textbox', { name: 'Private key passphrase' }).inputValue();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all (app-registration.zip)' }).click(),
    ]);
    const key = strFromU8(unzipSync(new Uint8Array(readFileSync(await file.path())))[FILE.privateKey]!);
    expect(await pageText(page)).toContain(passphrase);

    // Saved: nothing asks before leaving. The page that comes back is the one the browser kept, not a new one.
    await page.evaluate(() =>
      window.addEventListener('pageshow', (event) => {
        if (event.persisted) document.documentElement.dataset['restored'] = 'yes';
      }),
    );
    await page.goto('/favicon.svg');
    await page.goBack({ waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('data-restored', 'yes');
    await expect(page.locator('#step-heading')).toHaveText('Start');
    await expect(
      page.getByText(
        'You left the wizard, so the private key and the passphrase were removed from this page.',
      ),
    ).toBeVisible();
    const back = await pageText(page);
    expect(back.includes(passphrase), 'the passphrase is back').toBe(false);
    expect(back.includes(key.split('\n')[1]!), 'the private key is back').toBe(false);
    const { findings } = await scanContext(context, watch, secretMaterial);
    expect(findings).toEqual([]);
  } finally {
    await browser.close();
  }
});

import { expect, test } from '@playwright/test';
import { certificateReady, download, walkToOfflineResults } from './support/wizard';

test('from the start page to a correct manifest for SharePoint admin plus Outlook Mail non-admin in under ten actions', async ({
  page,
}) => {
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
  await act(() =>
    page.getByRole('group', { name: 'Outlook Mail' }).getByRole('checkbox', { name: 'Outlook Mail' }).check(),
  );
  await act(() => page.getByRole('button', { name: 'Next' }).click());
  await expect(page.locator('#step-heading')).toHaveText('App details');
  await act(() => page.getByRole('button', { name: 'Next' }).click());
  // Admin SharePoint needs a certificate: the step opens with one made with the procedure's settings.
  await expect(page.locator('#step-heading')).toHaveText('Certificate');
  await certificateReady(page);
  await act(() => page.getByRole('button', { name: 'Next' }).click());
  await expect(page.locator('#step-heading')).toHaveText('Review');
  await act(() => page.getByRole('button', { name: 'Create files' }).click());
  let manifest = '';
  await act(async () => {
    manifest = (await download(page, 'manifest.json')).text;
  });
  expect(actions).toBeLessThan(10);

  const parsed = JSON.parse(manifest) as {
    requiredResourceAccess: { resourceAppId: string; resourceAccess: unknown[] }[];
  };
  expect(parsed.requiredResourceAccess.map((r) => [r.resourceAppId, r.resourceAccess.length])).toEqual([
    ['00000003-0000-0000-c000-000000000000', 16],
    ['00000003-0000-0ff1-ce00-000000000000', 3],
    ['c5393580-f805-4401-95e8-94b7a6ef2fc2', 1],
    ['00000002-0000-0000-c000-000000000000', 1],
  ]);
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

import type { Page } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { APP } from './support/app-origin';
import { acceptStepsToReview } from './support/automatic';
import { acceptDemoPermissions, demoAccountDialog, demoPermissionsDialog } from './support/demo';

/**
 * The demo tenant: the whole automatic path in the page, against the emulated tenant, with no Microsoft sign-in and
 * no network. No routing at all: every request the page makes is recorded, and any that leaves the app's own origin
 * fails the test.
 */
function recordOutsideRequests(page: Page): string[] {
  const outside: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${APP}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  return outside;
}

async function pickAccount(page: Page, name: RegExp) {
  const dialog = await demoAccountDialog(page);
  await expect(dialog).toContainText('Demo tenant');
  // Drawn as a dialog (the theme reaches it): an opaque surface over a dimmed page.
  await expect(dialog).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await dialog.getByRole('button', { name }).click();
}

test('a new user tries the automatic path on the demo tenant and reaches the credentials, with no network', async ({
  page,
}) => {
  const outside = recordOutsideRequests(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Try it with a demo tenant' }).click();
  await expect(page.getByText('Demo tenant', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await pickAccount(page, /Megan Bowen/);
  await expect(page.locator('#step-heading')).toHaveText('Connectors');
  await page.getByRole('group', { name: 'SharePoint Online' }).getByRole('radio', { name: /Admin/ }).check();
  await acceptStepsToReview(page);

  await page.getByRole('button', { name: 'Create app registration' }).click();
  const consent = await demoPermissionsDialog(page);
  await expect(consent).toContainText('Application.ReadWrite.All');
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Credentials', { timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/^[0-9a-f-]{36}$/);
  // Visibly made up.
  await expect(page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(/^DEMO-/);
  await expect(page.getByText('Demo tenant', { exact: true }).first()).toBeVisible();
  expect(outside).toEqual([]);
});

test('an ordinary user of the demo tenant meets “Need admin approval” and is told what to do', async ({
  page,
}) => {
  const outside = recordOutsideRequests(page);
  await page.goto('/?demo=1&connectors=outlook-mail:user');
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await pickAccount(page, /Adele Vance/);
  await acceptStepsToReview(page);
  await page.getByRole('button', { name: 'Create app registration' }).click();
  const prompt = page.getByRole('alertdialog', { name: /Need admin approval/ });
  await prompt.getByRole('button', { name: 'Return to the application without granting consent' }).click();
  await expect(page.getByText('The permissions were not granted')).toBeVisible();
  await expect(page.getByText(/trying again will not help/)).toBeVisible();
  await expect(page.getByRole('link', { name: /adminconsent\?client_id=/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message for your administrator' })).toHaveValue(
    /Please grant admin consent/,
  );
  expect(outside).toEqual([]);
});

async function walkToReview(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await pickAccount(page, /Megan Bowen/);
  await acceptStepsToReview(page);
}

test('?demo=existing: the review finds the registration an earlier session made, and what the run changes', async ({
  page,
}) => {
  const outside = recordOutsideRequests(page);
  await walkToReview(page, 'demo=existing&connectors=sharepoint:admin');
  await expect(page.getByText(/The registration exists already, from an earlier session/)).toBeVisible();
  await page.getByRole('button', { name: 'Create app registration' }).click();
  await acceptDemoPermissions(page);
  await expect(page.getByText('This registration exists already')).toBeVisible();
  const table = page.getByRole('table', { name: 'Current secrets and certificates' });
  await expect(table.getByRole('row').filter({ hasText: 'Client secret' })).toContainText('DEM…');
  expect(outside).toEqual([]);
});

test('?demo=throttled: the run waits for Microsoft Graph, says why, and finishes', async ({ page }) => {
  const outside = recordOutsideRequests(page);
  await walkToReview(page, 'demo=throttled&connectors=outlook-mail:user');
  await page.getByRole('button', { name: 'Create app registration' }).click();
  await acceptDemoPermissions(page);
  await expect(page.getByText('Microsoft Graph asked the wizard to slow down', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('#step-heading')).toHaveText('Credentials', { timeout: 60_000 });
  expect(outside).toEqual([]);
});

test('?demo=drifted: a registration made by hand is checked, repaired and its secret rotated in the demo tenant', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const outside = recordOutsideRequests(page);
  await page.goto('/?demo=drifted');
  await page.getByRole('button', { name: 'Check a registration' }).click();
  await pickAccount(page, /Megan Bowen/);
  await expect(page.locator('#step-heading')).toHaveText('Registration');
  await page.getByRole('radio', { name: /Outlook Mail \(set up by hand\)/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('group', { name: 'Outlook Mail' }).getByRole('radio', { name: /Admin/ }).check();
  await page.getByRole('button', { name: 'Check registration' }).click();
  const missing = page.getByRole('listitem', { name: 'Permissions the connectors need', exact: true });
  await expect(missing).toHaveAttribute('data-status', 'error');
  await page.getByRole('button', { name: 'Repair registration' }).click();
  const consent = page.getByRole('alertdialog', { name: /Permissions requested/ });
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Repair finished', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(missing).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('li[data-status="error"]')).toHaveCount(0);

  // Its secret ending in 10 days rotates in the demo tenant too.
  const credentials = page.getByRole('listitem', { name: 'Client secrets and certificates', exact: true });
  await credentials.getByRole('button', { name: 'Rotate production' }).click();
  // The tenant's credential policies are read before the new secret is added: their permission is asked first.
  await consent.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Add the new client secret' }).click();
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (credentials.zip)' }).click(),
  ]);
  await page.getByRole('checkbox', { name: /now uses the new secret/ }).check();
  await page.getByRole('button', { name: 'Remove the old client secret' }).click();
  await page.getByRole('button', { name: 'Check the registration again' }).click();
  await expect(credentials).toHaveAttribute('data-status', 'ok');
  expect(outside).toEqual([]);
});

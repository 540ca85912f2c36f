import { expect, type Locator, type Page } from '@playwright/test';

/** The demo tenant's sign-in dialog, once it shows. */
export async function demoAccountDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('alertdialog', { name: /Pick an account/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The demo tenant's "Permissions requested" dialog, once it shows. */
export async function demoPermissionsDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('alertdialog', { name: /Permissions requested/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Accepts the permissions Create asks for on the demo tenant. */
export async function acceptDemoPermissions(page: Page) {
  await (await demoPermissionsDialog(page)).getByRole('button', { name: 'Accept' }).click();
}

/** Opens `link` (a `?demo` address) and signs in from the start card as `account`. */
export async function signInToDemo(page: Page, link: string, account: RegExp) {
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in and create' }).click();
  await (await demoAccountDialog(page)).getByRole('button', { name: account }).click();
}

import { expect, test, type Page } from '@playwright/test';
import { certificateReady, next } from '../support/wizard';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled', caret: 'hide' });

test('offline path, step by step', async ({ page }) => {
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync');
  await shot(page, '1-start');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await page.getByRole('group', { name: 'SharePoint Online' }).scrollIntoViewIfNeeded();
  await shot(page, '2-connectors');
  await next(page);
  await shot(page, '3-app-details');
  await next(page);
  // The step opens with the default certificate; its settings are one click away.
  await certificateReady(page);
  await page.getByText('Download the private key now').scrollIntoViewIfNeeded();
  await shot(page, '5-certificate');
  await page.getByRole('button', { name: 'Generate a different certificate' }).click();
  await page.locator('#step-heading').scrollIntoViewIfNeeded();
  await shot(page, '4-certificate-form');
  await page.getByRole('button', { name: 'Keep the current certificate' }).click();
  await next(page);
  await shot(page, '6-review');
  await next(page, 'Create files');
  await page
    .getByRole('textbox', { name: 'Application (client) ID' })
    .fill('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
  await page
    .getByRole('textbox', { name: 'Directory (tenant) ID or domain' })
    .fill('contoso.onmicrosoft.com');
  await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toBeVisible();
  await page.locator('#step-heading').scrollIntoViewIfNeeded();
  await shot(page, '7-offline-results');
});

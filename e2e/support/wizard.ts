import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Clicks the shell's primary button (Next, Create files, …) and waits for the next step's heading. */
export async function next(page: Page, label: string | RegExp = 'Next') {
  const before = await page.locator('#step-heading').textContent();
  await page.getByRole('button', { name: label, exact: typeof label === 'string' }).click();
  await expect(page.locator('#step-heading')).not.toHaveText(before ?? '');
}

/**
 * On the certificate step, waits for the certificate the step opens with (the default one, prepared ahead of the
 * step) and returns its Custom Key Identifier.
 */
export async function certificateReady(page: Page) {
  const identifier = page.getByRole('textbox', { name: 'Custom Key Identifier' });
  await expect(identifier).toBeVisible({ timeout: 90_000 });
  return identifier.inputValue();
}

/** Takes the offline path (from the start page, or any later step) and accepts every step up to the results. */
export async function walkToOfflineResults(page: Page) {
  if ((await page.locator('#step-heading').textContent()) === 'Start') {
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await expect(page.locator('#step-heading')).toHaveText('Connectors');
  }
  for (let i = 0; i < 8; i += 1) {
    const heading = await page.locator('#step-heading').textContent();
    if (heading === 'Files and portal steps') return;
    if (heading === 'Review') await next(page, 'Create files');
    else if (heading === 'Certificate') {
      await certificateReady(page);
      await next(page);
    } else await next(page);
  }
  throw new Error('The wizard did not reach the offline results');
}

/** Clicks a download button and returns the saved file's name and text. */
export async function download(page: Page, fileName: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${fileName}` }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/**
 * On the offline results, enters the registration's application (client) ID and tenant, as an admin does once the
 * registration exists; the admin consent URL and the Custom OAuth keys values then complete.
 */
export async function fillOfflineIds(page: Page, tenant = 'contoso.onmicrosoft.com') {
  await page
    .getByRole('textbox', { name: 'Application (client) ID' })
    .fill('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
  await page.getByRole('textbox', { name: 'Directory (tenant) ID or domain' }).fill(tenant);
}

/** The page's markup and the value of every field: where a secret on screen would be. */
export const pageText = (page: Page) =>
  page.evaluate(
    () =>
      `${document.documentElement.outerHTML}\n${[...document.querySelectorAll('input, textarea')]
        .map((field) => (field as HTMLInputElement).value)
        .join('\n')}`,
  );

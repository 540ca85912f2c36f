import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { next } from './support/wizard';

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    where,
  ).toEqual([]);
}

test('no serious or critical accessibility violations on any offline step', async ({ page }) => {
  await page.goto('/?connectors=sharepoint:admin,outlook-mail:user,teams:user');
  await expectNoSeriousViolations(page, 'Start');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  // Open every permission list so its contents are checked too.
  for (const header of await page.getByRole('button', { name: /permissions on/ }).all()) await header.click();
  await expectNoSeriousViolations(page, 'Connectors');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: /Application name/ }).fill('');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Enter a name for the app registration.')).toBeVisible();
  await expectNoSeriousViolations(page, 'App details with an error');
  await page.getByRole('textbox', { name: /Application name/ }).fill('Contoso');
  while ((await page.locator('#step-heading').textContent()) !== 'Review') await next(page, /Next|Generate/);
  await expectNoSeriousViolations(page, 'Review');
  await next(page, 'Create files');
  await page
    .getByRole('textbox', { name: 'Application (client) ID' })
    .fill('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
  await page
    .getByRole('textbox', { name: 'Directory (tenant) ID or domain' })
    .fill('contoso.onmicrosoft.com');
  await expectNoSeriousViolations(page, 'Files and portal steps');
});

test('the config and link problem bars are accessible', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, body: 'nope' }));
  await page.goto('/?connectors=nothing');
  await expect(page.getByText('Parts of this link were ignored')).toBeVisible();
  await expectNoSeriousViolations(page, 'Start with problems');
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './support/secret-scan';
import { download, next } from './support/wizard';

const bashParses = (text: string) =>
  execFileSync('bash', ['-n'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });

test('the plan downloads as code from the review and from the offline results, and in Download all', async ({
  page,
}) => {
  await page.goto('/?connectors=outlook-mail:user');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Connectors');
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('App details');
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Review');

  const section = page.getByRole('region', { name: 'Export as code' });
  await expect(section.getByRole('button')).toHaveText([
    'Download setup.sh',
    'Download setup.ps1',
    'Download setup-m365.sh',
    'Download main.tf',
    'Download main.bicep',
  ]);
  const script = await download(page, 'setup.sh');
  expect(script.name).toBe('setup.sh');
  expect(() => bashParses(script.text)).not.toThrow();
  expect(script.text).toMatch(/^UNIQUE_NAME='entra-setup-wizard-[a-z0-9-]+'$/m);
  expect(script.text).toContain('az cloud set --name AzureCloud');
  expect(script.text).toContain('Mail.Send');
  const terraform = await download(page, 'main.tf');
  expect(terraform.text).toContain('resource "azuread_application" "connector"');
  expect(terraform.text).toContain('environment = "global"');

  await next(page, 'Create files');
  await expect(page.locator('#step-heading')).toHaveText('Files and portal steps');
  const powershell = await download(page, 'setup.ps1');
  expect(powershell.text).toContain('Connect-MgGraph -Environment Global');
  expect(powershell.text).toContain('New-MgApplication');
  const bicep = await download(page, 'main.bicep');
  expect(bicep.text).toContain("resource app 'Microsoft.Graph/applications@v1.0'");
  const m365 = await download(page, 'setup-m365.sh');
  expect(() => bashParses(m365.text)).not.toThrow();

  const [zipped] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (app-registration.zip)' }).click(),
  ]);
  const zip = unzipSync(new Uint8Array(readFileSync(await zipped.path())));
  for (const name of ['setup.sh', 'setup.ps1', 'setup-m365.sh', 'main.tf', 'main.bicep']) {
    expect(strFromU8(zip[name] ?? new Uint8Array())).toContain('Entra Setup Wizard');
  }
  // The review and the results render the same plan: the same script, byte for byte.
  expect(strFromU8(zip['setup.sh'] ?? new Uint8Array())).toBe(script.text);
});

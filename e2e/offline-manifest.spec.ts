import { expect, test } from './support/secret-scan';
import { accessFromCatalog, flattenAccess, SHIPPED_REDIRECT, type Manifest } from '../test-support/manifest';
import { download, walkToOfflineResults } from './support/wizard';

// Every connector and mode alone is checked without the browser (src/wizard/offline-manifest.test.ts): the same link,
// config.json and files. This journey proves that what the page offers for download is those files.
test('the downloaded files of a mix de-duplicate the permissions and keep each redirect URI', async ({
  page,
}) => {
  await page.goto(
    '/?connectors=sharepoint:admin,outlook-mail:user,teams:user&redirect.outlook-mail=https%3A%2F%2Fmail.example.com%2Fcb',
  );
  await walkToOfflineResults(page);
  const file = await download(page, 'manifest.json');
  expect(file.name).toBe('manifest.json');
  const manifest = JSON.parse(file.text) as Manifest;
  expect(manifest.displayName).toBe('Kloudless Microsoft 365 connectors');
  expect(manifest.signInAudience).toBe('AzureADMultipleOrgs');
  expect(manifest.web.redirectUris).toEqual([SHIPPED_REDIRECT, 'https://mail.example.com/cb']);
  const expected = [
    ...new Set([
      ...accessFromCatalog('sharepoint', 'admin'),
      ...accessFromCatalog('outlook-mail', 'user'),
      ...accessFromCatalog('teams', 'user'),
    ]),
  ].sort();
  expect(flattenAccess(manifest.requiredResourceAccess)).toEqual(expected);
  expect(manifest.web.implicitGrantSettings.enableIdTokenIssuance).toBe(true);

  const rra = await download(page, 'required-resource-access.json');
  expect(rra.name).toBe('required-resource-access.json');
  expect(JSON.parse(rra.text)).toEqual(manifest.requiredResourceAccess);
});

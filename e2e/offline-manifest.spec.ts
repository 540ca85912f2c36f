import { expect, test } from './support/secret-scan';
import type { connectors } from '../src/catalog/connectors';
import { graphAccessType } from '../src/catalog/permissions';
import { resolveConnectorMode } from '../src/catalog/resolve';
import { resourceApi } from '../src/catalog/resource-apis';
import { download, walkToOfflineResults } from './support/wizard';

interface Manifest {
  displayName: string;
  signInAudience: string;
  web: { redirectUris: string[]; implicitGrantSettings: { enableIdTokenIssuance: boolean } };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

const flatten = (m: Manifest['requiredResourceAccess']) =>
  m.flatMap((r) => r.resourceAccess.map((a) => `${r.resourceAppId}|${a.type}|${a.id}`)).sort();

const fromCatalog = (id: (typeof connectors)[number]['id'], mode: 'user' | 'admin') =>
  resolveConnectorMode(id, mode)
    .permissions.map((p) => `${resourceApi(p.api).appId}|${graphAccessType[p.kind]}|${p.id}`)
    .sort();

const shippedRedirect = 'https://api.kloudless.com/v1/oauth/callback';

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
  expect(manifest.web.redirectUris).toEqual([shippedRedirect, 'https://mail.example.com/cb']);
  const expected = [
    ...new Set([
      ...fromCatalog('sharepoint', 'admin'),
      ...fromCatalog('outlook-mail', 'user'),
      ...fromCatalog('teams', 'user'),
    ]),
  ].sort();
  expect(flatten(manifest.requiredResourceAccess)).toEqual(expected);
  expect(manifest.web.implicitGrantSettings.enableIdTokenIssuance).toBe(true);

  const rra = await download(page, 'required-resource-access.json');
  expect(rra.name).toBe('required-resource-access.json');
  expect(JSON.parse(rra.text)).toEqual(manifest.requiredResourceAccess);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accessFromCatalog,
  flattenAccess,
  SHIPPED_REDIRECT,
  type Manifest,
} from '../../test-support/manifest';
import { connectorModes, connectors } from '../catalog/connectors';
import { parseConfig } from '../config/parse-config';
import { applicationFiles } from '../exports/manifest';
import { initialAnswers, planFor } from './answers';
import { parseShareLink } from './share-link';

/**
 * The files offline mode offers for a shared link, with the config.json the wizard ships: the link's answers over the
 * defaults, as the page starts, and the files the offline results step lists for the plan of those answers.
 */
function offlineFilesFor(link: string) {
  const { config, problems } = parseConfig(
    readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8'),
  );
  expect(problems).toEqual([]);
  const parsed = parseShareLink(link);
  expect(parsed.problems).toEqual([]);
  const plan = planFor({ ...initialAnswers(config), ...parsed.answers, path: 'offline' }, config);
  if (!plan) throw new Error(`The link ${link} chose no connector`);
  const files = applicationFiles(plan);
  const file = (name: string) => {
    const found = files.find((f) => f.name === name);
    if (!found) throw new Error(`No ${name} among ${files.map((f) => f.name).join(', ')}`);
    return JSON.parse(found.content) as unknown;
  };
  return { manifest: file('manifest.json') as Manifest, rra: file('required-resource-access.json') };
}

describe('the offline manifest for a shared link', () => {
  const cases = connectors.flatMap((c) => connectorModes.map((mode) => [c.id, mode] as const));

  it.each(cases)('%s (%s) matches the catalog', (id, mode) => {
    const { manifest, rra } = offlineFilesFor(`?connectors=${id}:${mode}&name=E2E%20${id}`);
    expect(manifest.displayName).toBe(`E2E ${id}`);
    expect(manifest.signInAudience).toBe('AzureADMultipleOrgs');
    expect(manifest.web.redirectUris).toEqual([SHIPPED_REDIRECT]);
    expect(manifest.web.implicitGrantSettings.enableIdTokenIssuance).toBe(mode === 'admin');
    expect(flattenAccess(manifest.requiredResourceAccess)).toEqual(accessFromCatalog(id, mode));
    expect(rra).toEqual(manifest.requiredResourceAccess);
  });

  it('de-duplicates a mix and keeps each redirect URI', () => {
    const { manifest } = offlineFilesFor(
      '?connectors=sharepoint:admin,outlook-mail:user,teams:user&redirect.outlook-mail=https%3A%2F%2Fmail.example.com%2Fcb',
    );
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
  });
});

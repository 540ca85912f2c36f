import { describe, expect, it } from 'vitest';
import type { RegistrationPlan } from '../plan/plan-types';
import { describeRequests, runPermissions } from './describe-requests';
import {
  adminSharePointPlan,
  createHarness,
  graphRequests,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A described URL as a pattern: each `{placeholder}` stands for one id. */
const urlPattern = (url: string) =>
  new RegExp(
    `^${url
      .split(/\{[^}]+\}/)
      .map(escape)
      .join("[^/'?]+")}$`,
  );

/** Deep comparison where a string with `{placeholders}` matches any value of that shape. */
function matches(described: unknown, sent: unknown): boolean {
  if (typeof described === 'string') {
    return (
      typeof sent === 'string' &&
      new RegExp(
        `^${described
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('.+')}$`,
      ).test(sent)
    );
  }
  if (Array.isArray(described)) {
    return (
      Array.isArray(sent) &&
      sent.length === described.length &&
      described.every((d, i) => matches(d, sent[i]))
    );
  }
  if (typeof described === 'object' && described !== null) {
    if (typeof sent !== 'object' || sent === null) return false;
    const keys = new Set([...Object.keys(described), ...Object.keys(sent)]);
    return [...keys].every((k) =>
      matches((described as Record<string, unknown>)[k], (sent as Record<string, unknown>)[k]),
    );
  }
  return described === sent;
}

async function compareWithRun(plan: RegistrationPlan) {
  const { emu, createRunner } = createHarness();
  await createRunner().run(plan);
  const sent = graphRequests(emu);
  const described = describeRequests(plan);
  expect(described).toHaveLength(sent.length);
  const unmatched = [...sent];
  for (const d of described) {
    const index = unmatched.findIndex(
      (e) =>
        e.method === d.method &&
        urlPattern(d.url).test(e.path) &&
        matches(d.body, e.requestBody === undefined ? undefined : JSON.parse(e.requestBody)),
    );
    expect(index, `${d.method} ${d.url} was sent`).toBeGreaterThanOrEqual(0);
    unmatched.splice(index, 1);
  }
  expect(unmatched).toEqual([]);
  return described;
}

describe('describeRequests', () => {
  it('lists exactly what a fresh admin SharePoint run with consent sends', async () => {
    const plan = adminSharePointPlan();
    const described = await compareWithRun(plan);
    const upsert = described.find((d) => d.operationId === 'upsert-application');
    expect(upsert?.headers).toEqual({ Prefer: 'create-if-missing' });
    expect(upsert?.url).toMatch(
      /^\/v1\.0\/applications\(uniqueName='entra-setup-wizard-contoso-sync-[0-9a-f]{12}'\)$/,
    );
    expect(described.filter((d) => d.url.endsWith('/appRoleAssignedTo'))).toHaveLength(10);
    expect(described.find((d) => d.operationId === 'add-password')?.body).toEqual({
      passwordCredential: {
        displayName: 'Entra Setup Wizard {runId} {today}',
        endDateTime: '{today + 180 days}',
      },
    });
  });

  it('lists exactly what a fresh delegated run with consent sends', async () => {
    const plan = userMailTeamsPlan(true);
    const described = await compareWithRun(plan);
    expect(described.filter((d) => d.url === '/v1.0/oauth2PermissionGrants')).toHaveLength(1);
  });

  it('follows the plan: no grants without consent, and no certificate when the plan needs none', () => {
    const plan = adminSharePointPlan(false);
    const described = describeRequests(plan);
    expect(described.some((d) => d.operationId.startsWith('grant-'))).toBe(false);
    const user = userMailTeamsPlan();
    const upsert = describeRequests(user).find((d) => d.method === 'PATCH');
    expect(upsert?.body).not.toHaveProperty('keyCredentials');
  });

  it('names the delegated permissions the UI must consent to before the run', () => {
    const admin = adminSharePointPlan();
    expect(runPermissions(admin)).toEqual(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All']);
    expect(runPermissions(adminSharePointPlan(false))).toEqual(['Application.ReadWrite.All']);
    const user = userMailTeamsPlan(true);
    expect(runPermissions(user)).toEqual([
      'Application.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
    ]);
  });
});

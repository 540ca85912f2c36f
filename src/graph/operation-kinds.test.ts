import { describe, expect, it } from 'vitest';
import type { OperationKind, PlannedOperation } from '../plan/plan-types';
import { dependenciesOf, isGrant, operationKinds, requestsOf, titleOf } from './operation-kinds';
import { PLACEHOLDERS } from './request-names';
import { REPAIR_FIXES } from '../plan/plan-types';
import { adminSharePointPlan, userMailTeamsPlan } from '../../test-support/graph/emulator-harness';
import { testBranding } from '../../test-support/logo-images';

const kinds = Object.keys(operationKinds) as OperationKind[];
// Between them, these plans have every kind of operation.
const repair = {
  applicationId: '11111111-1111-4111-8111-111111111111',
  appId: '22222222-2222-4222-8222-222222222222',
  displayName: 'Contoso Mail and Teams',
  current: { displayName: 'Contoso Mail and Teams', requiredResourceAccess: [] },
  fixes: REPAIR_FIXES,
};
const rotation = (type: 'secret' | 'certificate', stage: 'add' | 'remove') => {
  const keyId = '33333333-3333-4333-8333-333333333333';
  const current = {
    displayName: 'Contoso Mail and Teams',
    keyCredentials: [{ keyId, key: 'AAAA', type: 'AsymmetricX509Cert', usage: 'Verify' }],
  };
  const old = { type, keyId, displayName: null, endDateTime: null };
  const base = {
    applicationId: repair.applicationId,
    appId: repair.appId,
    displayName: 'Contoso',
    current,
    old,
  };
  return adminSharePointPlan(false, {
    rotation:
      stage === 'add'
        ? { ...base, stage }
        : { ...base, stage, newKeyId: '44444444-4444-4444-8444-444444444444' },
  });
};
const plans = [
  adminSharePointPlan(true),
  userMailTeamsPlan(true, { branding: testBranding() }),
  userMailTeamsPlan(false, { repair }),
  rotation('certificate', 'add'),
  rotation('secret', 'remove'),
  rotation('certificate', 'remove'),
];
const examples = new Map<OperationKind, { op: PlannedOperation; plan: (typeof plans)[number] }>();
for (const plan of plans) for (const op of plan.operations) examples.set(op.kind, { op, plan });

describe('the registry of operation kinds', () => {
  it('has an example of every kind in a plan, and an entry for every kind a plan has', () => {
    expect([...examples.keys()].sort()).toEqual([...kinds].sort());
  });

  it.each(kinds)('%s has a title, requests, a runner, permissions and known dependencies', (kind) => {
    const entry = operationKinds[kind];
    const example = examples.get(kind);
    if (!example) throw new Error(`No plan has a ${kind} operation`);
    expect(typeof entry.run).toBe('function');
    expect(titleOf(example.op, example.plan)).toMatch(/^[A-Z].{10,}[^.]$/);
    const requests = requestsOf(example.op, example.plan, PLACEHOLDERS);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(r.path).toMatch(/^\/v1\.0\//);
    expect(entry.permissions.length).toBeGreaterThan(0);
    for (const after of entry.after) expect(kinds).toContain(after);
    expect(entry.after).not.toContain(kind);
  });

  it('orders the run: reads first, then the upsert, then what needs the application, then grants', () => {
    const plan = adminSharePointPlan(true);
    const depth = new Map<string, number>();
    const depthOf = (op: PlannedOperation): number => {
      const known = depth.get(op.id);
      if (known !== undefined) return known;
      const deps = dependenciesOf(op, plan.operations).map((id) => plan.operations.find((o) => o.id === id)!);
      const d = deps.length ? 1 + Math.max(...deps.map(depthOf)) : 0;
      depth.set(op.id, d);
      return d;
    };
    const levels = plan.operations.map((op) => [op.id, depthOf(op)]);
    expect(Object.fromEntries(levels)).toEqual({
      'resolve-permissions': 0,
      'read-existing': 0,
      'upsert-application': 1,
      'add-password': 2,
      'ensure-service-principal': 2,
      'grant-app-roles:graph': 3,
      'grant-app-roles:sharepoint': 3,
      'grant-app-roles:management': 3,
      'grant-app-roles:aad-graph': 3,
      'read-back': 3,
    });
  });

  it('marks exactly the consent operations as grants, and says what each grants', () => {
    const plan = userMailTeamsPlan(true);
    expect(plan.operations.filter(isGrant).map((op) => op.id)).toEqual(['grant-delegated:graph']);
    expect(operationKinds['grant-delegated'].grants?.(plan.operations.find(isGrant) as never)).toBe(
      'Microsoft Graph delegated permissions',
    );
  });
});

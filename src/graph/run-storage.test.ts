import { describe, expect, it } from 'vitest';
import { createRunRecordStore, parseStoredRun, planFingerprint, RUN_STORAGE_KEY } from './run-storage';
import type { StoredRun } from './run-types';
import {
  adminSharePointPlan,
  memoryStorage,
  userMailTeamsPlan,
} from '../../test-support/graph/emulator-harness';

const record: StoredRun = {
  version: 1,
  runId: 'a1b2c3d4',
  uniqueName: 'entra-setup-wizard-contoso-sync',
  planFingerprint: '0badf00d',
  applicationId: '11111111-1111-4111-8111-111111111111',
  appId: '22222222-2222-4222-8222-222222222222',
  servicePrincipalId: null,
  secret: {
    keyId: '33333333-3333-4333-8333-333333333333',
    displayName: 'Entra Setup Wizard a1b2c3d4 2026-01-01',
    saved: false,
  },
  finished: ['resolve-permissions', 'upsert-application', 'add-password'],
  updatedAt: 1,
};

describe('run record', () => {
  it('round-trips through storage under one key', () => {
    const storage = memoryStorage();
    const store = createRunRecordStore(storage);
    store.save(record);
    expect([...storage.data.keys()]).toEqual([RUN_STORAGE_KEY]);
    expect(store.load()).toEqual(record);
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('writes only the record fields, so a secret text passed by mistake never reaches storage', () => {
    const storage = memoryStorage();
    const leaky = {
      ...record,
      secret: { ...record.secret, secretText: 'abc8Q~secret' },
      token: 'eyJ',
    } as StoredRun;
    createRunRecordStore(storage).save(leaky);
    const text = storage.data.get(RUN_STORAGE_KEY) ?? '';
    expect(text).not.toContain('abc8Q~secret');
    expect(text).not.toContain('eyJ');
  });

  it('ignores malformed or foreign records', () => {
    expect(parseStoredRun(null)).toBeNull();
    expect(parseStoredRun('{')).toBeNull();
    expect(parseStoredRun(JSON.stringify({ ...record, version: 2 }))).toBeNull();
    expect(parseStoredRun(JSON.stringify({ ...record, finished: [1] }))).toBeNull();
    expect(parseStoredRun(JSON.stringify({ ...record, secret: { keyId: 'x' } }))).toBeNull();
    expect(parseStoredRun(JSON.stringify(record))).toEqual(record);
  });

  it('survives storage that throws (disabled or full)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createRunRecordStore(broken);
    expect(() => store.save(record)).not.toThrow();
    expect(store.load()).toBeNull();
    expect(() => store.clear()).not.toThrow();
    expect(createRunRecordStore(null).load()).toBeNull();
  });

  it('fingerprints plans by content', () => {
    expect(planFingerprint(adminSharePointPlan())).toBe(planFingerprint(adminSharePointPlan()));
    expect(planFingerprint(adminSharePointPlan())).not.toBe(planFingerprint(userMailTeamsPlan()));
    expect(planFingerprint(adminSharePointPlan(true))).not.toBe(planFingerprint(adminSharePointPlan(false)));
  });
});

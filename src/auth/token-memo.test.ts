import { describe, expect, it } from 'vitest';
import { createTokenMemo, TOKEN_MARGIN_MS } from './token-memo';

const now = Date.parse('2026-12-02T12:00:00Z');
const GRAPH = 'https://graph.microsoft.com/';
const token = (accessToken: string, scopes: string[], minutesLeft = 60) => ({
  accessToken,
  scopes: scopes.map((s) => GRAPH + s),
  expiresAt: now + minutesLeft * 60_000,
});

describe('the in-memory token memo', () => {
  it('serves a request whose permissions a held token carries, whatever their case', () => {
    const memo = createTokenMemo();
    memo.remember('a', token('t1', ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All']));
    expect(memo.find('a', [GRAPH + 'application.readwrite.all'], now)).toBe('t1');
    // Entra may answer with short names.
    memo.remember('b', { accessToken: 't2', scopes: ['User.Read'], expiresAt: now + 3_600_000 });
    expect(memo.find('b', [GRAPH + 'User.Read'], now)).toBe('t2');
    expect(
      memo.find('a', [GRAPH + 'Application.ReadWrite.All', GRAPH + 'AppRoleAssignment.ReadWrite.All'], now),
    ).toBe('t1');
  });

  it('does not serve a permission the token lacks, another account, or a token about to expire', () => {
    const memo = createTokenMemo();
    memo.remember('a', token('t1', ['Application.ReadWrite.All']));
    memo.remember('a', token('old', ['DelegatedPermissionGrant.ReadWrite.All'], 4));
    expect(memo.find('a', [GRAPH + 'DelegatedPermissionGrant.ReadWrite.All'], now)).toBeUndefined();
    expect(memo.find('b', [GRAPH + 'Application.ReadWrite.All'], now)).toBeUndefined();
    expect(
      memo.find('a', [GRAPH + 'Application.ReadWrite.All'], now + 60 * 60_000 - TOKEN_MARGIN_MS),
    ).toBeUndefined();
  });

  it('never keeps a token without a known expiry, and forgets everything on clear', () => {
    const memo = createTokenMemo();
    memo.remember('a', { accessToken: 'x', scopes: [GRAPH + 'User.Read'], expiresAt: 0 });
    expect(memo.find('a', [GRAPH + 'User.Read'], now)).toBeUndefined();
    memo.remember('a', token('t1', ['User.Read']));
    memo.clear();
    expect(memo.find('a', [GRAPH + 'User.Read'], now)).toBeUndefined();
  });
});

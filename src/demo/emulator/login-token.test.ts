import { describe, expect, it } from 'vitest';
import { pickAccount, postToken, redirectParams, signIn, startAuthorize } from './code-flow';
import { DEFAULT_ADMIN, DEFAULT_TENANT_ID } from './defaults';
import { base64UrlToBytes, utf8Decode } from './encoding';
import { createEmulator } from './emulator';
import { decodeJwt } from './jwt';

const clientId = '11111111-2222-4333-8444-555555555555';
const redirectUri = 'http://localhost:4173/redirect.html';
const scope = 'https://graph.microsoft.com/Application.ReadWrite.All openid profile offline_access';
const base = { clientId, redirectUri, scope };

describe('token', () => {
  it('redeems a code once with the right verifier and returns MSAL-shaped tokens', async () => {
    const emu = createEmulator();
    const { tokens, start, redirect } = await signIn(emu, base);
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope, expires_in: 3599, ext_expires_in: 3599 });
    expect(tokens['client_info']).toBe(redirect.get('client_info'));
    const id = decodeJwt(String(tokens['id_token']));
    expect(id).toMatchObject({
      aud: clientId,
      iss: `https://login.microsoftonline.com/${DEFAULT_TENANT_ID}/v2.0`,
      nonce: start.nonce,
      oid: DEFAULT_ADMIN.oid,
      tid: DEFAULT_TENANT_ID,
      preferred_username: DEFAULT_ADMIN.userPrincipalName,
      name: 'Megan Bowen',
      ver: '2.0',
    });
    expect(typeof id?.['iat']).toBe('number');
    const at = decodeJwt(String(tokens['access_token']));
    expect(at).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: 'Application.ReadWrite.All',
      appid: clientId,
      oid: DEFAULT_ADMIN.oid,
      tid: DEFAULT_TENANT_ID,
    });
    const reuse = await postToken(emu, {
      client_id: clientId,
      redirect_uri: redirectUri,
      scope,
      code: redirect.get('code') ?? '',
      code_verifier: start.verifier,
      grant_type: 'authorization_code',
    });
    expect(reuse.status).toBe(400);
    expect(JSON.parse(reuse.body)).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('signs tokens with RS256 and publishes the key', async () => {
    const emu = createEmulator();
    const { tokens } = await signIn(emu, base);
    const header = JSON.parse(
      utf8Decode(base64UrlToBytes(String(tokens['id_token']).split('.')[0] ?? '') ?? new Uint8Array()),
    );
    expect(header.alg).toBe('RS256');
    const keys = await emu.handle({
      method: 'GET',
      url: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    expect('body' in keys && JSON.parse(keys.body).keys[0].kid).toBe(header.kid);
  });

  it('rejects a verifier that does not match the challenge', async () => {
    const emu = createEmulator();
    const start = await startAuthorize(emu, base);
    const code = redirectParams(await pickAccount(emu, start.response, 'admin@')).get('code') ?? '';
    const res = await postToken(emu, {
      client_id: clientId,
      redirect_uri: redirectUri,
      scope,
      code,
      code_verifier: 'x'.repeat(43),
      grant_type: 'authorization_code',
    });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    expect(body.error_description).toMatch(/^AADSTS501481: /);
    expect(body).toHaveProperty('trace_id');
    expect(body).toHaveProperty('correlation_id');
    expect(body).toHaveProperty('timestamp');
  });

  it('rejects a code redeemed with another redirect URI or client id', async () => {
    const emu = createEmulator();
    for (const change of [
      { redirect_uri: 'http://localhost:4173/x' },
      { client_id: '99999999-2222-4333-8444-555555555555' },
    ]) {
      const start = await startAuthorize(emu, base);
      const code = redirectParams(await pickAccount(emu, start.response, 'admin@')).get('code') ?? '';
      const res = await postToken(emu, {
        client_id: clientId,
        redirect_uri: redirectUri,
        scope,
        code,
        code_verifier: start.verifier,
        grant_type: 'authorization_code',
        ...change,
      });
      expect(JSON.parse(res.body).error).toBe('invalid_grant');
    }
  });

  it('rotates refresh tokens and rejects unknown ones', async () => {
    const emu = createEmulator();
    const { tokens } = await signIn(emu, base);
    const first = String(tokens['refresh_token']);
    const res = await postToken(emu, {
      client_id: clientId,
      scope,
      refresh_token: first,
      grant_type: 'refresh_token',
    });
    expect(res.status).toBe(200);
    const refreshed = JSON.parse(res.body);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(first);
    expect(decodeJwt(refreshed.id_token)).not.toHaveProperty('nonce');
    const bad = await postToken(emu, {
      client_id: clientId,
      scope,
      refresh_token: 'nope',
      grant_type: 'refresh_token',
    });
    expect(JSON.parse(bad.body).error).toBe('invalid_grant');
    const strict = createEmulator({ revokeRedeemedRefreshTokens: true });
    const s = await signIn(strict, base);
    const rt = String(s.tokens['refresh_token']);
    expect(
      (
        await postToken(strict, {
          client_id: clientId,
          scope,
          refresh_token: rt,
          grant_type: 'refresh_token',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await postToken(strict, {
          client_id: clientId,
          scope,
          refresh_token: rt,
          grant_type: 'refresh_token',
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a refresh for a scope never consented with consent_required', async () => {
    const emu = createEmulator();
    const { tokens } = await signIn(emu, base);
    const res = await postToken(emu, {
      client_id: clientId,
      scope: 'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All openid profile offline_access',
      refresh_token: String(tokens['refresh_token']),
      grant_type: 'refresh_token',
    });
    expect(JSON.parse(res.body)).toMatchObject({
      error: 'invalid_grant',
      error_codes: [65001],
      suberror: 'consent_required',
    });
  });

  it('serves the other clouds with their own issuer and Graph audience', async () => {
    const emu = createEmulator();
    const { tokens } = await signIn(emu, {
      ...base,
      host: 'login.microsoftonline.us',
      scope: 'https://graph.microsoft.us/Application.ReadWrite.All openid profile offline_access',
    });
    expect(decodeJwt(String(tokens['id_token']))?.['iss']).toBe(
      `https://login.microsoftonline.us/${DEFAULT_TENANT_ID}/v2.0`,
    );
    expect(decodeJwt(String(tokens['access_token']))?.['aud']).toBe('https://graph.microsoft.us');
  });
});

describe('logout', () => {
  it('redirects to post_logout_redirect_uri with the state and ends the session', async () => {
    const emu = createEmulator();
    await signIn(emu, base);
    const res = await emu.handle({
      method: 'GET',
      url: `https://login.microsoftonline.com/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(redirectUri)}&state=abc%3D`,
    });
    expect(res).toMatchObject({ status: 302, headers: { Location: `${redirectUri}?state=abc%3D` } });
    const silent = await startAuthorize(emu, { ...base, prompt: 'none' });
    expect(redirectParams(silent.response).get('error')).toBe('login_required');
  });
});

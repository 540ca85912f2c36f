import { describe, expect, it } from 'vitest';
import { pickAccount, redirectParams, signIn, startAuthorize } from './code-flow';
import { DEFAULT_ADMIN, DEFAULT_TENANT_ID, NON_ADMIN_USER } from './defaults';
import { base64UrlToBytes, utf8Decode } from './encoding';
import { createEmulator } from './emulator';
import { decodeJwt } from './jwt';

const clientId = '11111111-2222-4333-8444-555555555555';
const redirectUri = 'http://localhost:4173/redirect.html';
const scope = 'https://graph.microsoft.com/Application.ReadWrite.All openid profile offline_access';
const base = { clientId, redirectUri, scope };

describe('authorize', () => {
  it('shows a clickable sign-in page with one link per account and Cancel', async () => {
    const emu = createEmulator();
    const { response } = await startAuthorize(emu, base);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toContain('text/html');
    expect(response.body).toContain('Megan Bowen');
    expect(response.body).toContain('admin@contoso.onmicrosoft.com');
    expect(response.body).toMatch(/>Cancel<\/a>/);
    expect(response.headers['Location']).toBeUndefined();
  });

  it('redirects with code, client_info and the state echoed byte for byte', async () => {
    const emu = createEmulator();
    const state = 'eyJpZCI6IjAxOTMiLCJtZXRhIjp7fX0=|a+b/c=d';
    const start = await startAuthorize(emu, { ...base, state });
    const done = await pickAccount(emu, start.response, 'admin@contoso.onmicrosoft.com');
    expect(done.status).toBe(302);
    const location = done.headers['Location'] ?? '';
    expect(location.startsWith(`${redirectUri}#code=`)).toBe(true);
    expect(location).toContain(`state=${encodeURIComponent(state)}`);
    const params = redirectParams(done);
    expect(params.get('state')).toBe(state);
    expect(params.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);
    const info = JSON.parse(
      utf8Decode(base64UrlToBytes(params.get('client_info') ?? '') ?? new Uint8Array()),
    );
    expect(info).toEqual({ uid: DEFAULT_ADMIN.oid, utid: DEFAULT_TENANT_ID });
  });

  it('uses the query string for response_mode=query', async () => {
    const emu = createEmulator();
    const start = await startAuthorize(emu, { ...base, responseMode: 'query' });
    const done = await pickAccount(emu, start.response, 'admin@');
    expect(done.headers['Location']).toMatch(/^http:\/\/localhost:4173\/redirect\.html\?code=/);
  });

  it('returns access_denied with AADSTS65004 on Cancel', async () => {
    const emu = createEmulator();
    const start = await startAuthorize(emu, base);
    const params = redirectParams(await pickAccount(emu, start.response, 'cancel'));
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('error_description')).toMatch(/^AADSTS65004: User declined to consent/);
    expect(params.get('state')).toBe(start.state);
  });

  it('rejects missing PKCE, nonce and non-code response types with an error redirect', async () => {
    const emu = createEmulator();
    for (const [extra, code] of [
      [{ code_challenge: undefined }, 'AADSTS900144'],
      [{ code_challenge_method: 'plain' }, 'AADSTS50149'],
      [{ nonce: '' }, 'AADSTS900144'],
      [{ response_type: 'token' }, 'AADSTS70005'],
    ] as const) {
      const { response } = await startAuthorize(emu, { ...base, extra });
      expect(response.status).toBe(302);
      expect(redirectParams(response).get('error_description')).toContain(code);
    }
  });

  it('shows an error page (no redirect) for a bad client id or an unregistered redirect URI', async () => {
    const emu = createEmulator({ clients: [{ clientId, redirectUris: [redirectUri] }] });
    const badClient = await startAuthorize(emu, { ...base, clientId: 'not-a-guid' });
    expect(badClient.response.status).toBe(400);
    expect(badClient.response.body).toContain('AADSTS700016');
    const badRedirect = await startAuthorize(emu, { ...base, redirectUri: 'http://localhost:4173/other' });
    expect(badRedirect.response.status).toBe(400);
    expect(badRedirect.response.body).toContain('AADSTS50011');
  });

  it('answers prompt=none at once: login_required before sign-in, a code after', async () => {
    const emu = createEmulator();
    const before = await startAuthorize(emu, { ...base, prompt: 'none' });
    expect(before.response.status).toBe(302);
    expect(redirectParams(before.response).get('error')).toBe('login_required');
    await signIn(emu, base);
    const after = await startAuthorize(emu, {
      ...base,
      prompt: 'none',
      loginHint: DEFAULT_ADMIN.userPrincipalName,
    });
    expect(redirectParams(after.response).get('code')).toBeTruthy();
  });

  it('requires consent for scopes never consented when silent (incremental consent)', async () => {
    const emu = createEmulator();
    await signIn(emu, base);
    const more =
      'https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All openid profile offline_access';
    const silent = await startAuthorize(emu, { ...base, scope: more, prompt: 'none' });
    const params = redirectParams(silent.response);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toContain('AADSTS65001');
    const { tokens } = await signIn(emu, { ...base, scope: more });
    const scp = String(decodeJwt(String(tokens['access_token']))?.['scp']).split(' ');
    expect(scp).toEqual(
      expect.arrayContaining(['Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All']),
    );
  });

  it('returns the AADSTS90094 / AADSTS65001 switch errors, and lets non-admins consent to User.Read', async () => {
    const emu = createEmulator({ users: [DEFAULT_ADMIN, NON_ADMIN_USER] });
    emu.faults.signInError = 'AADSTS90094';
    let start = await startAuthorize(emu, base);
    let params = redirectParams(await pickAccount(emu, start.response, DEFAULT_ADMIN.userPrincipalName));
    expect(params.get('error_description')).toMatch(/^AADSTS90094: /);
    expect(params.get('state')).toBe(start.state);
    emu.faults.signInError = 'AADSTS65001';
    start = await startAuthorize(emu, base);
    params = redirectParams(await pickAccount(emu, start.response, DEFAULT_ADMIN.userPrincipalName));
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toMatch(
      /^AADSTS65001: The user or administrator has not consented/,
    );
    // The switch wins over the non-admin's "Need admin approval" page.
    start = await startAuthorize(emu, base);
    params = redirectParams(await pickAccount(emu, start.response, NON_ADMIN_USER.userPrincipalName));
    expect(params.get('error')).toBe('consent_required');
    emu.faults.signInError = undefined;
    start = await startAuthorize(emu, {
      ...base,
      scope: 'https://graph.microsoft.com/User.Read openid profile',
    });
    params = redirectParams(await pickAccount(emu, start.response, NON_ADMIN_USER.userPrincipalName));
    expect(params.get('code')).toBeTruthy();
  });

  it('sends COOP only when switched on and MSAL did not send pocd=1', async () => {
    const emu = createEmulator({ faults: { coop: true } });
    expect((await startAuthorize(emu, base)).response.headers['Cross-Origin-Opener-Policy']).toBe(
      'same-origin',
    );
    const pocd = await startAuthorize(emu, { ...base, extra: { pocd: '1' } });
    expect(pocd.response.headers['Cross-Origin-Opener-Policy']).toBeUndefined();
  });
});

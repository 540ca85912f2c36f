import { describe, expect, it } from 'vitest';
import { followLink, pickAccount, redirectParams, startAuthorize, submitForm } from './code-flow';
import { DEFAULT_ADMIN, NON_ADMIN_USER } from './defaults';
import { createEmulator } from './emulator';
import type { EmulatorOptions } from './emulator';
import { INTERRUPT_TEXT as T } from './login-consent-interrupt';

const clientId = '11111111-2222-4333-8444-555555555555';
const redirectUri = 'http://localhost:4173/redirect.html';
const base = {
  clientId,
  redirectUri,
  scope: 'https://graph.microsoft.com/Application.ReadWrite.All openid profile',
};
const users = [DEFAULT_ADMIN, NON_ADMIN_USER];
const workflowOn: EmulatorOptions = { users, tenant: { adminConsentRequestPolicy: { isEnabled: true } } };

/** Starts an interactive request for an admin-only scope and picks the non-admin: the interrupt page. */
async function nonAdminAsksForAdminScope(options: EmulatorOptions = { users }) {
  const emu = createEmulator(options);
  const start = await startAuthorize(emu, base);
  const page = await pickAccount(emu, start.response, NON_ADMIN_USER.userPrincipalName);
  return { emu, start, page };
}

describe('the consent interrupt for a user who cannot grant an admin-only permission', () => {
  it('shows "Need admin approval" instead of redirecting, and returns AADSTS65004 without granting', async () => {
    const { emu, start, page } = await nonAdminAsksForAdminScope();
    expect(page.status).toBe(200);
    expect(page.headers['Location']).toBeUndefined();
    expect(page.body).toContain(`<h1>${T.needApproval}</h1>`);
    expect(page.body).toContain('only an admin can grant');
    expect(page.body).not.toContain('<form');
    const back = await followLink(emu, page, T.returnWithoutConsent);
    expect(back.status).toBe(302);
    expect(back.headers['Location']?.startsWith(`${redirectUri}#error=access_denied&`)).toBe(true);
    const params = redirectParams(back);
    expect(params.get('error_description')).toMatch(/^AADSTS65004: User declined to consent/);
    expect(params.get('state')).toBe(start.state);
    expect(params.get('code')).toBeNull();
    // Nothing was consented: a silent request for the same scope still needs consent.
    const silent = await startAuthorize(emu, {
      ...base,
      prompt: 'none',
      loginHint: NON_ADMIN_USER.userPrincipalName,
    });
    expect(redirectParams(silent.response).get('error')).toBe('consent_required');
    // The page's choices are spent once used.
    expect((await followLink(emu, page, T.returnWithoutConsent)).status).toBe(400);
  });

  it('lets someone with an admin account sign in with it instead', async () => {
    const { emu, start, page } = await nonAdminAsksForAdminScope();
    const picker = await followLink(emu, page, T.adminAccount);
    expect(picker.body).toContain('<h1>Pick an account</h1>');
    const done = redirectParams(await pickAccount(emu, picker, DEFAULT_ADMIN.userPrincipalName));
    expect(done.get('code')).toBeTruthy();
    expect(done.get('state')).toBe(start.state);
  });

  it('with the admin consent workflow on, records a request and returns AADSTS90095', async () => {
    const { emu, start, page } = await nonAdminAsksForAdminScope(workflowOn);
    expect(page.body).toContain(`<h1>${T.approvalRequired}</h1>`);
    expect(page.body).toContain('<li>Application.ReadWrite.All</li>');
    expect(page.body).toContain(`<label for="justification">${T.justification}</label>`);
    expect(page.body).toContain(`<button type="submit">${T.requestApproval}</button>`);
    expect(page.body).toContain(T.returnWithoutConsent);
    expect(emu.adminConsentRequests()).toEqual([]);

    const sent = await submitForm(emu, page, { justification: 'To set up the connectors' });
    expect(sent.status).toBe(200);
    expect(sent.body).toContain(`<h1>${T.requestSent}</h1>`);
    expect(emu.adminConsentRequests()).toEqual([
      expect.objectContaining({
        appId: clientId,
        userOid: NON_ADMIN_USER.oid,
        userPrincipalName: NON_ADMIN_USER.userPrincipalName,
        scopes: ['Application.ReadWrite.All'],
        reason: 'To set up the connectors',
      }),
    ]);
    const params = redirectParams(await followLink(emu, sent, T.returnToApp));
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('error_description')).toMatch(/^AADSTS90095: /);
    expect(params.get('state')).toBe(start.state);
  });

  it('returns AADSTS65004 from "Approval required" too when no request is sent', async () => {
    const { emu, page } = await nonAdminAsksForAdminScope(workflowOn);
    const params = redirectParams(await followLink(emu, page, T.returnWithoutConsent));
    expect(params.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(emu.adminConsentRequests()).toEqual([]);
  });

  it('sends no request without the workflow, nor from a link instead of the form', async () => {
    const consentUrl = (txn: string, query = '') =>
      `https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize/consent?txn=${txn}${query}`;
    const txnOf = (body: string) => /txn=([^&"]+)/.exec(body)?.[1] ?? '';

    const off = await nonAdminAsksForAdminScope();
    const posted = await off.emu.handle({
      method: 'POST',
      url: consentUrl(txnOf(off.page.body)),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'choice=request&justification=x',
    });
    expect(posted).toMatchObject({ status: 400 });
    expect(off.emu.adminConsentRequests()).toEqual([]);

    const on = await nonAdminAsksForAdminScope(workflowOn);
    const txn = txnOf(on.page.body);
    expect(await on.emu.handle({ method: 'GET', url: consentUrl(txn, '&choice=request') })).toMatchObject({
      status: 400,
    });
    // "Return to the application" with AADSTS90095 exists only once a request was sent.
    expect(await on.emu.handle({ method: 'GET', url: consentUrl(txn, '&choice=done') })).toMatchObject({
      status: 400,
    });
    expect(on.emu.adminConsentRequests()).toEqual([]);
  });
});

import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { CONSENT_PROCEDURE } from './consent-errors';
import { explainAuthError } from './explain-auth-error';

const clientId = '3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c';
const context = { cloud: clouds.global, clientId, origin: 'https://wizard.example.com' };
const trace = 'Trace ID: 0d3c Correlation ID: 7a1b Timestamp: 2025-01-01 10:00:00Z';

/** An /authorize error as MSAL raises it from the redirect bridge's response. */
const authorizeError = (error: string, description: string, subError = '') =>
  error === 'consent_required' || error === 'interaction_required'
    ? new InteractionRequiredAuthError(error, 'corr', description, subError)
    : new ServerError(error, 'corr', description, subError);

describe('explainAuthError', () => {
  it('explains AADSTS90094 with the procedure and the admin consent URL of the wizard', () => {
    const e = authorizeError('access_denied', `AADSTS90094: The grant requires admin permission. ${trace}`);
    const explained = explainAuthError(e, context);
    expect(explained).toMatchObject({ kind: 'admin-approval-required', errorCode: 'AADSTS90094' });
    expect(explained.nextSteps).toContain(CONSENT_PROCEDURE);
    expect(explained.adminConsentUrl).toBe(
      `https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=${clientId}` +
        '&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default' +
        '&redirect_uri=https%3A%2F%2Fwizard.example.com%2Fredirect.html',
    );
  });

  it('explains AADSTS65001, from /authorize or from /token', () => {
    const fromAuthorize = authorizeError(
      'consent_required',
      `AADSTS65001: The user or administrator has not consented. ${trace}`,
      'consent_required',
    );
    const fromToken = new ServerError(
      'invalid_grant',
      'corr',
      'consent needed',
      'consent_required',
      '65001',
      400,
    );
    for (const e of [fromAuthorize, fromToken]) {
      const explained = explainAuthError(e, context);
      expect(explained).toMatchObject({ kind: 'consent-required', errorCode: 'AADSTS65001' });
      expect(explained.nextSteps).toContain(CONSENT_PROCEDURE);
      expect(explained.adminConsentUrl).toMatch(
        /^https:\/\/login\.microsoftonline\.com\/organizations\/v2\.0\//,
      );
    }
  });

  it('builds the admin consent URL in the configured cloud', () => {
    const e = authorizeError('access_denied', 'AADSTS90094: The grant requires admin permission.');
    const url = new URL(explainAuthError(e, { ...context, cloud: clouds.usgovdod }).adminConsentUrl ?? '');
    expect(url.origin).toBe('https://login.microsoftonline.us');
    expect(url.searchParams.get('scope')).toBe('https://dod-graph.microsoft.us/.default');
  });

  it('names the permission request when one was refused', () => {
    const e = authorizeError('access_denied', 'AADSTS90094: The grant requires admin permission.');
    const explained = explainAuthError(e, { ...context, reason: 'create the app registration' });
    expect(explained.message).toContain('the permissions the wizard needs to create the app registration');
  });

  it('recognises a blocked popup', () => {
    const e = new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, 'corr');
    expect(explainAuthError(e, context)).toMatchObject({
      kind: 'popup-blocked',
      errorCode: 'popup_window_error',
      adminConsentUrl: null,
    });
    expect(explainAuthError(new BrowserAuthError('empty_window_error', 'corr'), context).kind).toBe(
      'popup-blocked',
    );
  });

  it('recognises a closed window', () => {
    const closed = explainAuthError(
      new BrowserAuthError(BrowserAuthErrorCodes.userCancelled, 'corr'),
      context,
    );
    expect(closed).toMatchObject({
      kind: 'cancelled',
      intent: 'warning',
      title: 'Sign-in was cancelled',
      adminConsentUrl: null,
      adminMessage: null,
    });
  });

  it('asks to sign in again when Microsoft wants interaction', () => {
    const e = new InteractionRequiredAuthError(
      'no_tokens_found',
      'corr',
      'No refresh token found in the cache.',
    );
    expect(explainAuthError(e, context).kind).toBe('interaction-required');
  });

  it('says when a sign-in window is already open', () => {
    const e = new BrowserAuthError(BrowserAuthErrorCodes.interactionInProgress, 'corr');
    expect(explainAuthError(e, context).kind).toBe('in-progress');
  });

  it('shows Entra’s sentence and code for anything else, without trace data', () => {
    const e = authorizeError('invalid_request', `AADSTS50011: The redirect URI does not match. ${trace}`);
    const explained = explainAuthError(e, context);
    expect(explained).toMatchObject({ kind: 'other', errorCode: 'AADSTS50011', title: 'Sign-in failed' });
    expect(explained.message).toContain('AADSTS50011: The redirect URI does not match.');
    expect(explained.message).not.toContain('Trace ID');
  });

  it('falls back to MSAL’s error code, and copes with things that are not errors', () => {
    expect(explainAuthError(new BrowserAuthError('timed_out', 'corr'), context)).toMatchObject({
      kind: 'other',
      errorCode: 'timed_out',
    });
    expect(explainAuthError('boom', context)).toMatchObject({ kind: 'other', errorCode: 'unknown_error' });
    expect(explainAuthError(null, context).kind).toBe('other');
  });
});

/** The sentences of an explanation (message and next steps) that tell the reader to click again. */
const clickAgain = ({ message, nextSteps }: { message: string; nextSteps: readonly string[] }) =>
  [message, ...nextSteps]
    .flatMap((text) => text.split(/(?<=[.:;])\s+/))
    .filter((sentence) => /\bclick\b[^.]*\bagain\b/i.test(sentence));

describe('explainAuthError for the consent codes, at sign-in and for a permission request', () => {
  const create = { ...context, reason: 'create the app registration' };
  const codes = [
    ['AADSTS90094', 'access_denied', 'The grant requires admin permission.', 'admin-approval-required'],
    ['AADSTS90095', 'access_denied', 'An admin consent request was sent.', 'admin-approval-requested'],
    ['AADSTS65001', 'consent_required', 'The user or administrator has not consented.', 'consent-required'],
    ['AADSTS65004', 'access_denied', 'User declined to consent to access the app.', 'consent-declined'],
  ] as const;

  for (const [code, error, description, kind] of codes) {
    it(`explains ${code} with the admin consent URL and a message to forward`, () => {
      for (const ctx of [context, create]) {
        const explained = explainAuthError(authorizeError(error, `${code}: ${description} ${trace}`), ctx);
        expect(explained).toMatchObject({ kind, errorCode: code });
        const url = new URL(explained.adminConsentUrl ?? '');
        expect(`${url.origin}${url.pathname}`).toBe(
          'https://login.microsoftonline.com/organizations/v2.0/adminconsent',
        );
        expect(Object.fromEntries(url.searchParams)).toEqual({
          client_id: clientId,
          scope: 'https://graph.microsoft.com/.default',
          redirect_uri: 'https://wizard.example.com/redirect.html',
        });
        expect(explained.adminMessage).toContain(clientId);
        expect(explained.adminMessage).toContain(explained.adminConsentUrl);
        expect(explained.adminMessage).toContain(
          ctx === create ? 'use it to create the app registration' : 'sign in to it',
        );
        expect(explained.message).toContain(
          ctx === create
            ? 'the permissions the wizard needs to create the app registration'
            : 'the wizard’s sign-in permissions',
        );
      }
    });
  }

  it('tells someone who cannot consent (AADSTS90094) so, and never to click again', () => {
    const explained = explainAuthError(
      authorizeError('access_denied', `AADSTS90094: The grant requires admin permission. ${trace}`),
      create,
    );
    expect(explained.intent).toBe('error');
    expect(explained.message).toContain('your account cannot grant them');
    expect(explained.message).toContain('Trying again with this account will not change that.');
    expect(clickAgain(explained)).toEqual([]);
  });

  it('words AADSTS65004 for the administrator who clicked Cancel and for the user who needs approval', () => {
    const declined = authorizeError('access_denied', `AADSTS65004: User declined to consent. ${trace}`);
    const atSignIn = explainAuthError(declined, context);
    expect(atSignIn).toMatchObject({ intent: 'warning', title: 'Sign-in was cancelled or not allowed' });
    const atCreate = explainAuthError(declined, create);
    expect(atCreate.title).toBe('The permissions were not granted');
    for (const explained of [atSignIn, atCreate]) {
      // Clicking again is offered only to whoever clicked Cancel, or to send a request for approval.
      expect(clickAgain(explained)).toEqual([
        'If you clicked Cancel in Microsoft’s window, click the button again and accept.',
        'If it said “Approval required”, click the button again and choose “Request approval”.',
      ]);
      expect(explained.nextSteps).toContainEqual(
        expect.stringMatching(
          /^If the window said “Need admin approval”, your account cannot grant them and trying again will not help:/,
        ),
      );
    }
  });

  it('says that a request for approval was sent, or can be sent, when the workflow is on (AADSTS90095)', () => {
    const explained = explainAuthError(
      authorizeError('access_denied', `AADSTS90095: An admin consent request was sent. ${trace}`),
      create,
    );
    expect(explained.nextSteps.join(' ')).toContain(
      'your request has been sent to the administrators who review requests',
    );
    const clicks = clickAgain(explained);
    expect(clicks).toHaveLength(2);
    expect(clicks.every((s) => /once it is approved|to send it/.test(s))).toBe(true);
    expect(explained.adminMessage).toContain('admin consent workflow');
  });

  it('offers clicking again for missing consent (AADSTS65001) only once consent is granted', () => {
    const explained = explainAuthError(
      authorizeError(
        'consent_required',
        `AADSTS65001: The user or administrator has not consented. ${trace}`,
      ),
      context,
    );
    expect(clickAgain(explained)).toEqual(['Once consent is granted, click the button again.']);
  });
});

import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  ServerError,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { clouds } from '../config/clouds';
import { CONSENT_PROCEDURE, explainAuthError } from './explain-auth-error';

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
    expect(explained.message).toContain(CONSENT_PROCEDURE);
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
      expect(explained.message).toContain(CONSENT_PROCEDURE);
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

  it('recognises a closed window and a cancelled sign-in page (AADSTS65004)', () => {
    const closed = explainAuthError(
      new BrowserAuthError(BrowserAuthErrorCodes.userCancelled, 'corr'),
      context,
    );
    expect(closed).toMatchObject({ kind: 'cancelled', title: 'Sign-in was cancelled' });
    const declined = authorizeError('access_denied', `AADSTS65004: User declined to consent. ${trace}`);
    expect(explainAuthError(declined, context)).toMatchObject({
      kind: 'cancelled',
      errorCode: 'AADSTS65004',
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

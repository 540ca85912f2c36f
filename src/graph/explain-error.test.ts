import { describe, expect, it } from 'vitest';
import { explainError, explainGraphError } from './explain-error';
import {
  GraphNetworkError,
  GraphResponseError,
  PreflightError,
  ReplicationTimeoutError,
  TokenUnavailableError,
} from './graph-errors';

const envelope = (code: string, message: string, details?: { code: string }[]) => ({
  error: { code, message, ...(details ? { details } : {}), innerError: { 'request-id': 'req-1', date: 'x' } },
});
const forbidden = GraphResponseError.fromBody(
  403,
  envelope('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  null,
);

describe('GraphResponseError.fromBody', () => {
  it("reads Graph's envelope: code, message, detail codes, request id", () => {
    const e = GraphResponseError.fromBody(
      400,
      envelope('Request_BadRequest', 'does not reference a valid application object', [
        { code: 'NoBackingApplicationObject' },
      ]),
      'header-id',
    );
    expect(e).toMatchObject({
      status: 400,
      code: 'Request_BadRequest',
      detailCodes: ['NoBackingApplicationObject'],
    });
    expect(e.requestId).toBe('header-id');
    expect(GraphResponseError.fromBody(403, envelope('A', 'b'), null).requestId).toBe('req-1');
    expect(GraphResponseError.fromBody(502, undefined, null)).toMatchObject({ code: 'Http502' });
  });
});

describe('explainGraphError', () => {
  it('names the roles that may grant Microsoft Graph application permissions', () => {
    const e = explainGraphError(forbidden, { operation: 'grant-app-roles', api: 'graph' });
    expect(e).toMatchObject({ kind: 'consent-forbidden', code: 'Authorization_RequestDenied', status: 403 });
    expect(e.meaning).toContain(
      'Granting Microsoft Graph application permissions needs the Privileged Role Administrator or Global Administrator role',
    );
    expect(e.requestId).toBe('req-1');
  });

  it('names the wider set of roles for other consent', () => {
    const e = explainGraphError(forbidden, { operation: 'grant-delegated', api: 'graph' });
    expect(e.kind).toBe('consent-forbidden');
    expect(e.meaning).toContain('Cloud Application Administrator');
  });

  it('explains a 403 on creating the registration as missing privileges', () => {
    const e = explainGraphError(forbidden, { operation: 'upsert-application' });
    expect(e.kind).toBe('insufficient-privileges');
    expect(e.action).toContain('Application Administrator');
  });

  it('tells a secret lifetime policy from a certificate one', () => {
    const policy = GraphResponseError.fromBody(
      400,
      envelope(
        'CredentialInvalidLifetimeAsPerAppPolicy',
        'Credential lifetime exceeds the max value allowed as per assigned policy.',
      ),
      null,
    );
    expect(explainGraphError(policy, { operation: 'add-password' })).toMatchObject({
      kind: 'secret-lifetime-policy',
      action: expect.stringContaining('shorter secret lifetime'),
    });
    expect(explainGraphError(policy, { operation: 'upsert-application' }).kind).toBe(
      'certificate-lifetime-policy',
    );
    const byMessage = GraphResponseError.fromBody(
      400,
      envelope(
        'Request_BadRequest',
        'Credential lifetime exceeds the max value allowed as per assigned policy',
      ),
      null,
    );
    expect(explainGraphError(byMessage, { operation: 'add-password' }).kind).toBe('secret-lifetime-policy');
  });

  it('explains sign-in, throttling, outages, certificates and permissions', () => {
    const of = (status: number, code: string, message = 'm') =>
      explainGraphError(GraphResponseError.fromBody(status, envelope(code, message), null), {
        operation: 'upsert-application',
      });
    expect(of(401, 'InvalidAuthenticationToken').action).toContain('Sign in again');
    expect(of(429, 'TooManyRequests').kind).toBe('network');
    expect(of(503, 'serviceNotAvailable').meaning).toContain('temporarily unavailable');
    expect(of(400, 'KeyCredentialsInvalidValue').meaning).toContain('certificate');
    expect(
      of(400, 'Request_BadRequest', "Invalid value specified for property 'requiredResourceAccess'").meaning,
    ).toContain('permissions');
    expect(of(400, 'Request_BadRequest', 'Something else').kind).toBe('other');
  });
});

describe('explainError', () => {
  it('explains a replication timeout with when to try again', () => {
    const last = GraphResponseError.fromBody(
      404,
      envelope('Request_ResourceNotFound', 'does not exist'),
      null,
    );
    const e = explainError(new ReplicationTimeoutError(last, 180_000), { operation: 'add-password' });
    expect(e).toMatchObject({ kind: 'replication-timeout', code: 'Request_ResourceNotFound', status: 404 });
    expect(e.meaning).toContain('3 minutes');
    expect(e.action).toBe('Try again in a few minutes: nothing will be created twice.');
  });

  it('explains lost connections, missing tokens, cancellation and bugs', () => {
    const context = { operation: 'read-back' } as const;
    expect(explainError(new GraphNetworkError(new TypeError('x')), context)).toMatchObject({
      kind: 'network',
      status: 0,
    });
    expect(explainError(new TokenUnavailableError(new Error('x')), context).code).toBe('TokenUnavailable');
    expect(explainError(new DOMException('stop', 'AbortError'), context).code).toBe('RunCancelled');
    expect(explainError(new Error('boom'), context)).toMatchObject({
      code: 'UnexpectedError',
      message: 'boom',
    });
    const preflight = {
      code: 'X',
      status: 0,
      message: 'm',
      meaning: 'mm',
      action: 'a',
      kind: 'other' as const,
    };
    expect(explainError(new PreflightError(preflight), context)).toBe(preflight);
  });
});

import { describe, expect, it } from 'vitest';
import { GraphResponseError } from './graph-errors';
import {
  abortableSleep,
  backoffCeiling,
  fullJitterDelay,
  consentLag,
  isRetryableStatus,
  isServicePrincipalLag,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  replicationDelay,
  THROTTLE_BACKOFF,
} from './retry-policy';

const error = (status: number, code: string, message: string, details: string[] = []) =>
  new GraphResponseError(status, code, message, details, undefined);

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds, fractions included', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 2.128 ', now)).toBe(2128);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined when absent or unreadable (a browser without the CORS exposure)', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });

  it('caps very long waits', () => {
    expect(parseRetryAfter('3600', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffCeiling(a, THROTTLE_BACKOFF))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('uses full jitter: anywhere from 0 to the ceiling', () => {
    expect(fullJitterDelay(3, THROTTLE_BACKOFF, () => 0)).toBe(0);
    expect(fullJitterDelay(3, THROTTLE_BACKOFF, () => 0.5)).toBe(4000);
    expect(fullJitterDelay(3, THROTTLE_BACKOFF, () => 0.999)).toBeLessThan(8000);
  });

  it('polls for replication from 0.3 s, at most half a second apart, then every 5 s after 30 s of waiting', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => replicationDelay(a));
    expect(delays).toEqual([300, 450, 500, 500, 500, 500, 500, 500, 500, 500]);
    // An object that becomes visible after 4 s is seen within half a second of it.
    const polls = delays.reduce<number[]>((at, d) => [...at, (at.at(-1) ?? 0) + d], []);
    expect(polls.find((t) => t >= 4000)).toBeLessThanOrEqual(4500);
    expect(replicationDelay(3, 29_999)).toBe(500);
    expect(replicationDelay(3, 30_000)).toBe(1013);
    expect(replicationDelay(20, 60_000)).toBe(5000);
  });

  it('retries 429, 503 and 504 only', () => {
    expect([429, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 500].some(isRetryableStatus)).toBe(false);
  });
});

describe('replication lag', () => {
  it('recognises NoBackingApplicationObject on POST /servicePrincipals', () => {
    const message = "The appId 'x' of the service principal does not reference a valid application object.";
    expect(
      isServicePrincipalLag(error(400, 'Request_BadRequest', message, ['NoBackingApplicationObject'])),
    ).toBe(true);
    expect(isServicePrincipalLag(error(400, 'Request_BadRequest', message))).toBe(true);
    expect(isServicePrincipalLag(error(409, 'Request_MultipleObjectsWithSameKeyValue', 'in use'))).toBe(
      false,
    );
  });

  it('recognises consent calls naming an object the run created or depends on', () => {
    const sp = '11111111-1111-4111-8111-111111111111';
    const lag = consentLag([sp, '22222222-2222-4222-8222-222222222222']);
    expect(lag(error(404, 'Request_ResourceNotFound', "Resource 'x' does not exist"))).toBe(true);
    expect(lag(error(400, 'Request_BadRequest', 'Not a valid reference update.'))).toBe(true);
    expect(
      lag(
        error(
          400,
          'Request_BadRequest',
          "Resource 'x' does not exist or one of its queried reference-property objects are not present.",
        ),
      ),
    ).toBe(true);
    // The answer a new service principal gets from oauth2PermissionGrants while it replicates.
    expect(
      lag(
        error(
          400,
          'Request_BadRequest',
          "Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.",
        ),
      ),
    ).toBe(true);
    expect(lag(error(400, 'Request_BadRequest', `The object '${sp.toUpperCase()}' was not found.`))).toBe(
      true,
    );
    // A scope the resource does not expose is a real error, not lag; so is an id the run knows nothing of.
    expect(lag(error(400, 'Request_BadRequest', "'X' does not exist on resource application 'y'."))).toBe(
      false,
    );
    expect(
      lag(
        error(
          400,
          'Request_BadRequest',
          "Invalid value specified for property 'scope' of resource 'OAuth2PermissionGrant'.",
        ),
      ),
    ).toBe(false);
    expect(
      lag(error(400, 'Request_BadRequest', "The object '33333333-3333-4333-8333-333333333333' is gone.")),
    ).toBe(false);
    expect(lag(error(403, 'Authorization_RequestDenied', 'Insufficient privileges'))).toBe(false);
  });
});

describe('abortableSleep', () => {
  it('rejects at once when the signal is already aborted, and when it fires', async () => {
    await expect(abortableSleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});

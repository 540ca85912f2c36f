import { describe, expect, it } from 'vitest';
import type { CertificateClient, GenerateCallOptions } from './certificate-client';
import { createCertificatePreparer, defaultCertificateRequest } from './certificate-preparer';
import type { CertificateRequest, CertificateStage, GeneratedCertificate } from './certificate-types';

/** A client whose generations the test finishes by hand, as the worker would. */
function fakeClient() {
  const calls: {
    request: CertificateRequest;
    options: GenerateCallOptions;
    resolve: (certificate: GeneratedCertificate) => void;
    reject: (error: unknown) => void;
  }[] = [];
  let warmUps = 0;
  const client: CertificateClient = {
    generate: (request, options = {}) =>
      new Promise((resolve, reject) => {
        calls.push({ request, options, resolve, reject });
        options.signal?.addEventListener('abort', () =>
          reject(new DOMException('Cancelled; the certificate worker was stopped.', 'AbortError')),
        );
      }),
    inspect: () => Promise.reject(new Error('not used')),
    request: () => Promise.reject(new Error('not used')),
    complete: () => Promise.reject(new Error('not used')),
    warmUp: () => {
      warmUps += 1;
    },
    dispose: () => undefined,
  };
  return { client, calls, warmUps: () => warmUps };
}

const certificate = (name: string) => ({ customKeyIdentifier: name }) as GeneratedCertificate;

function preparer() {
  const fake = fakeClient();
  let n = 0;
  const prepared = createCertificatePreparer({ client: fake.client, makePassphrase: () => `phrase-${++n}` });
  return { ...fake, preparer: prepared };
}

describe('createCertificatePreparer', () => {
  it('prepares the default certificate once, with the passphrase it showed beforehand', async () => {
    const { preparer: p, calls } = preparer();
    // The form asks for the passphrase before the step starts waiting: both see the same one.
    expect(p.passphrase()).toBe('phrase-1');
    expect(p.passphrase()).toBe('phrase-1');
    const first = p.prepare();
    // React runs a step's effects twice in development: the second prepare must not start a second key.
    expect(p.prepare()).toBe(first);
    expect(calls).toHaveLength(1);
    expect(first.passphrase).toBe('phrase-1');
    expect(p.passphrase()).toBe('phrase-1');
    expect(calls[0]?.request).toEqual(defaultCertificateRequest('phrase-1'));
    expect(calls[0]?.request).toMatchObject({ keySize: 4096, validityDays: 18250, pfxEncryption: 'aes256' });

    calls[0]?.resolve(certificate('ready'));
    await expect(first.wait()).resolves.toEqual(certificate('ready'));
    // Waiting again (the step opened a second time before it was handed over) gives the same certificate.
    await expect(p.prepare().wait()).resolves.toEqual(certificate('ready'));
    expect(calls).toHaveLength(1);
  });

  it('offers a finished certificate without starting anything, until it is handed over', async () => {
    const { preparer: p, calls } = preparer();
    expect(p.ready()).toBeNull();
    expect(calls).toHaveLength(0);
    const prepared = p.prepare();
    expect(p.ready()).toBeNull();
    calls[0]?.resolve(certificate('ready'));
    await prepared.wait();
    expect(p.ready()).toEqual({ prepared, certificate: certificate('ready') });
    p.handOver(prepared);
    expect(p.ready()).toBeNull();
  });

  it('tells a late waiter the stage generation is at, then each next one', async () => {
    const { preparer: p, calls } = preparer();
    const prepared = p.prepare();
    calls[0]?.options.onProgress?.('generating-key');
    const stages: CertificateStage[] = [];
    const waiting = prepared.wait({ onProgress: (s) => stages.push(s) });
    calls[0]?.options.onProgress?.('building-certificate');
    calls[0]?.resolve(certificate('ready'));
    await waiting;
    expect(stages).toEqual(['generating-key', 'building-certificate']);
  });

  it('forgets a certificate once it is handed over: the next one is new, with a new passphrase', async () => {
    const { preparer: p, calls } = preparer();
    const first = p.prepare();
    calls[0]?.resolve(certificate('first'));
    await first.wait();
    p.handOver(first);
    expect(p.passphrase()).toBe('phrase-2');
    const second = p.prepare();
    expect(second).not.toBe(first);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.request.passphrase).toBe('phrase-2');
    // Dropping now leaves the handed-over certificate alone.
    p.drop();
    await expect(first.wait()).resolves.toEqual(certificate('first'));
  });

  it('cancels the generation when the waiter aborts, and starts afresh next time', async () => {
    const { preparer: p, calls } = preparer();
    const controller = new AbortController();
    const waiting = p.prepare().wait({ signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    p.prepare();
    expect(calls).toHaveLength(2);
  });

  it('leaving the step (no abort) keeps the generation going for the next visit', async () => {
    const { preparer: p, calls } = preparer();
    void p.prepare().wait();
    // The step unmounted without aborting; it opens again and waits for the same certificate.
    const again = p.prepare().wait();
    calls[0]?.resolve(certificate('kept'));
    await expect(again).resolves.toEqual(certificate('kept'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options.signal?.aborted).toBe(false);
  });

  it('drops a certificate nobody was shown, stopping its generation', async () => {
    const { preparer: p, calls } = preparer();
    const prepared = p.prepare();
    const waiting = prepared.wait();
    p.drop();
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(p.passphrase()).toBe('phrase-2');
    expect(p.prepare()).not.toBe(prepared);
  });

  it('on Finish, drops a finished certificate and the passphrase it had shown: nothing of them is offered again', async () => {
    const { preparer: p, calls } = preparer();
    expect(p.passphrase()).toBe('phrase-1');
    const prepared = p.prepare();
    calls[0]?.resolve(certificate('ready'));
    await prepared.wait();
    expect(p.ready()?.certificate).toEqual(certificate('ready'));

    p.drop();
    expect(p.ready()).toBeNull();
    expect(p.passphrase()).toBe('phrase-2');
    expect(p.prepare()).not.toBe(prepared);
    expect(calls[1]?.request.passphrase).toBe('phrase-2');
  });

  it('reports a failed generation to the waiter and tries again on the next prepare', async () => {
    const { preparer: p, calls } = preparer();
    const waiting = p.prepare().wait();
    calls[0]?.reject(new Error('boom'));
    await expect(waiting).rejects.toThrow('boom');
    p.prepare();
    expect(calls).toHaveLength(2);
  });

  it('warms the worker up on request', () => {
    const { preparer: p, warmUps, calls } = preparer();
    p.warmUp();
    expect(warmUps()).toBe(1);
    expect(calls).toHaveLength(0);
  });
});

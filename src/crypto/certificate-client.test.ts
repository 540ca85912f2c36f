import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it, vi } from 'vitest';
import procedureCertPem from './fixtures/procedure-cert.pem?raw';
import type { CertificateSigningRequest } from './certificate-signing-request';
import type { CertificateRequest, CertificateStage, GeneratedCertificate } from './certificate-types';
import type { WorkerLike } from './certificate-client';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import { createCertificateClient } from './certificate-client';
import { handleWorkerRequest } from './certificate-worker-handler';
import { defaultSubject } from './subject';

const request: CertificateRequest = {
  subject: { ...defaultSubject },
  keySize: 2048,
  validityDays: 365,
  passphrase: null,
  pfxEncryption: 'aes256',
};

/** Plays the certificate authority: issues a one-year certificate for the request's key with a throw-away CA key. */
function issueFor(request: CertificateSigningRequest): string {
  const csr = forge.pki.certificationRequestFromPem(request.csrPem);
  const caKey = forge.pki.privateKeyFromPem(
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = csr.publicKey as forge.pki.PublicKey;
  cert.serialNumber = '0a';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject(csr.subject.attributes);
  cert.setIssuer([{ shortName: 'CN', value: 'Test Issuing CA' }]);
  cert.sign(caKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Runs the real worker handler in-process, cloning messages both ways as postMessage would. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: WorkerRequest) {
    void handleWorkerRequest(structuredClone(message), (response) => {
      if (!this.terminated)
        this.onmessage?.({ data: structuredClone(response) } as MessageEvent<WorkerResponse>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

/** Never answers; lets a test play the worker's part. */
class SilentWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

function silentClient() {
  const workers: SilentWorker[] = [];
  const client = createCertificateClient({
    createWorker: () => {
      const worker = new SilentWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { client, workers };
}

describe('createCertificateClient', () => {
  it('generates through the worker and reports each stage', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const stages: CertificateStage[] = [];
    const result = await client.generate(request, { onProgress: (stage) => stages.push(stage) });
    expect(stages).toEqual(['generating-key', 'building-certificate', 'protecting-key', 'packaging-pfx']);
    expect(result.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(result.certificateDer).toBeInstanceOf(Uint8Array);
    expect(result.pfx.length).toBeGreaterThan(1000);
  });

  it('dates the certificate by the page’s clock, not the worker’s', async () => {
    const { client, workers } = silentClient();
    void client.generate(request).catch(() => undefined);
    expect(workers[0]?.received[0]).toMatchObject({ type: 'generate', now: expect.any(Number) });
    expect(Math.abs((workers[0]?.received[0]?.now ?? 0) - Date.now())).toBeLessThan(1000);
    client.dispose();

    // The worker dates it by that moment (minus the allowance for clock skew), whatever its own clock says.
    const replies: WorkerResponse[] = [];
    const now = Date.parse('2031-03-04T05:06:07Z');
    await handleWorkerRequest({ id: 1, type: 'generate', request, now }, (r) => void replies.push(r));
    const done = replies.find((r) => r.type === 'generated');
    expect(done?.type === 'generated' && done.result.notBefore.slice(0, 10)).toBe('2031-03-04');
  });

  it('inspects through the worker', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const ok = await client.inspect(procedureCertPem);
    expect(ok.ok && ok.certificate.thumbprintSha1Hex).toBe('BB76AA10CCF098EFD7EB3753901C2B6CE0B1A5B4');
    const bad = await client.inspect('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----');
    expect(!bad.ok && bad.error.code).toBe('private-key');
  });

  it('makes a signing request through the worker, reporting each stage, dated by the page’s clock', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const stages: CertificateStage[] = [];
    const before = Date.now();
    const result = await client.request(
      { subject: { ...defaultSubject }, keySize: 2048, passphrase: null },
      { onProgress: (stage) => stages.push(stage) },
    );
    expect(stages).toEqual(['generating-key', 'building-certificate', 'protecting-key']);
    expect(result.csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(result.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(Date.parse(result.createdAt)).toBeGreaterThanOrEqual(before);

    const replies: WorkerResponse[] = [];
    const transfers: Transferable[][] = [];
    const now = Date.parse('2031-03-04T05:06:07Z');
    await handleWorkerRequest(
      {
        id: 7,
        type: 'request',
        input: { subject: { ...defaultSubject }, keySize: 2048, passphrase: null },
        now,
      },
      (reply, transfer) => {
        replies.push(reply);
        transfers.push(transfer);
      },
    );
    const done = replies.at(-1);
    expect(done?.type === 'requested' && done.result.createdAt).toBe('2031-03-04T05:06:07.000Z');
    expect(transfers.at(-1)).toEqual([]);
  });

  it('completes a signing request through the worker, moving the certificate and PFX buffers', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const request = await client.request({ subject: { ...defaultSubject }, keySize: 2048, passphrase: null });
    const issued = issueFor(request);
    const result = await client.complete({ request, passphrase: null, issued, pfxEncryption: 'aes256' });
    expect(result.certificatePem.trim()).toBe(issued.trim().replace(/\r\n/g, '\n'));
    expect(result.pfx.length).toBeGreaterThan(1000);
    expect(result.privateKeyPem).toBe(request.privateKeyPem);

    const replies: WorkerResponse[] = [];
    const transfers: Transferable[][] = [];
    await handleWorkerRequest(
      { id: 8, type: 'complete', input: { request, passphrase: null, issued, pfxEncryption: 'aes256' } },
      (reply, transfer) => {
        replies.push(reply);
        transfers.push(transfer);
      },
    );
    const done = replies.at(-1);
    if (done?.type !== 'completed') throw new Error(`expected completed, got ${done?.type}`);
    expect(replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.stage)).toEqual(
      ['protecting-key', 'packaging-pfx'],
    );
    expect(transfers.at(-1)).toEqual([done.result.certificateDer.buffer, done.result.pfx.buffer]);
  });

  it('rejects a completion with the error’s name, message and code from the worker', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const request = await client.request({ subject: { ...defaultSubject }, keySize: 2048, passphrase: null });
    const failure = client.complete({
      request,
      passphrase: null,
      issued: procedureCertPem,
      pfxEncryption: 'aes256',
    });
    await expect(failure).rejects.toMatchObject({
      name: 'IssuedCertificateError',
      code: 'key-mismatch',
      message: expect.stringMatching(/^This certificate was not issued for the request made here/),
    });
    await expect(
      client.request({ subject: { ...defaultSubject }, keySize: 2048, passphrase: '' }),
    ).rejects.toMatchObject({ name: 'CertificateRequestError', message: /Enter a passphrase/ });
  });

  it('cancels a signing request by terminating the worker', async () => {
    const { client, workers } = silentClient();
    const controller = new AbortController();
    const pending = client.request(
      { subject: { ...defaultSubject }, keySize: 2048, passphrase: null },
      { signal: controller.signal },
    );
    expect(workers[0]?.received[0]).toMatchObject({ type: 'request', now: expect.any(Number) });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('rejects with the worker’s error for an invalid request', async () => {
    const client = createCertificateClient({ createWorker: () => new InProcessWorker() });
    const failure = client.generate({ ...request, keySize: 1024 as 2048 });
    await expect(failure).rejects.toMatchObject({ name: 'CertificateRequestError', message: /Key size/ });
  });

  it('cancels by terminating the worker, rejects with AbortError, and starts a fresh worker next time', async () => {
    const { client, workers } = silentClient();
    const controller = new AbortController();
    const pending = client.generate(request, { signal: controller.signal });
    expect(workers).toHaveLength(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pending).rejects.toBeInstanceOf(DOMException);
    expect(workers[0]?.terminated).toBe(true);

    const next = client.generate(request);
    expect(workers).toHaveLength(2);
    const worker = workers[1];
    const id = worker?.received[0]?.id ?? -1;
    worker?.onmessage?.({
      data: { id, type: 'failed', error: { name: 'Error', message: 'boom' } },
    } as MessageEvent);
    await expect(next).rejects.toThrow('boom');
  });

  it('rejects at once when the signal is already aborted, without starting a worker', async () => {
    const { client, workers } = silentClient();
    await expect(client.generate(request, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(workers).toHaveLength(0);
  });

  it('ignores progress for other calls and rejects the call of a worker that crashes', async () => {
    const { client, workers } = silentClient();
    const stages: CertificateStage[] = [];
    const first = client.generate(request, { onProgress: (s) => stages.push(s) });
    const worker = workers[0];
    const firstId = worker?.received[0]?.id ?? -1;
    worker?.onmessage?.({ data: { id: firstId, type: 'progress', stage: 'generating-key' } } as MessageEvent);
    worker?.onmessage?.({ data: { id: 999, type: 'progress', stage: 'packaging-pfx' } } as MessageEvent);
    expect(stages).toEqual(['generating-key']);
    worker?.onerror?.({ message: 'script failed', preventDefault: () => undefined } as ErrorEvent);
    await expect(first).rejects.toThrow('The certificate worker stopped unexpectedly: script failed.');
    expect(worker?.terminated).toBe(true);
  });

  it('runs a call that comes while another runs on a fresh worker: generating never waits behind a stuck check', async () => {
    const { client, workers } = silentClient();
    const stuck = client.inspect(procedureCertPem);
    const stuckSettled = vi.fn();
    stuck.then(stuckSettled, stuckSettled);
    const generated = client.generate(request);
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.received.map((m) => m.type))).toEqual([['inspect'], ['generate']]);

    const second = workers[1];
    const done = { certificatePem: 'PEM' } as unknown as GeneratedCertificate;
    second?.onmessage?.({
      data: { id: second.received[0]?.id ?? -1, type: 'generated', result: done },
    } as MessageEvent);
    await expect(generated).resolves.toBe(done);
    expect(stuckSettled).not.toHaveBeenCalled();
    expect(workers[0]?.terminated).toBe(false);

    // The worker that finished is idle and takes the next call; the stuck one is left to its check.
    const next = client.request({ subject: { ...defaultSubject }, keySize: 2048, passphrase: null });
    expect(workers).toHaveLength(2);
    expect(second?.received.map((m) => m.type)).toEqual(['generate', 'request']);
    client.dispose();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('cancelling a call stops only its worker; a crash rejects only that worker’s call', async () => {
    const { client, workers } = silentClient();
    const controller = new AbortController();
    const checking = client.inspect(procedureCertPem, { signal: controller.signal });
    const completing = client.complete(
      { request: {} as CertificateSigningRequest, passphrase: null, issued: 'x', pfxEncryption: 'aes256' },
      { signal: new AbortController().signal },
    );
    const generating = client.generate(request);
    expect(workers.map((w) => w.received.map((m) => m.type))).toEqual([
      ['inspect'],
      ['complete'],
      ['generate'],
    ]);

    controller.abort();
    await expect(checking).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers.map((w) => w.terminated)).toEqual([true, false, false]);

    workers[1]?.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(completing).rejects.toThrow(/stopped unexpectedly: out of memory/);
    expect(workers.map((w) => w.terminated)).toEqual([true, true, false]);

    const third = workers[2];
    third?.onmessage?.({
      data: { id: third.received[0]?.id ?? -1, type: 'failed', error: { name: 'Error', message: 'boom' } },
    } as MessageEvent);
    await expect(generating).rejects.toThrow('boom');
  });

  it('keeps one idle worker when several finish, and reuses it', async () => {
    const { client, workers } = silentClient();
    const calls = [client.inspect('a'), client.inspect('b')];
    const reply = (worker: SilentWorker | undefined) =>
      worker?.onmessage?.({
        data: {
          id: worker.received.at(-1)?.id ?? -1,
          type: 'inspected',
          result: { ok: false, error: { code: 'not-a-certificate', message: 'no' } },
        },
      } as MessageEvent);
    reply(workers[0]);
    reply(workers[1]);
    await Promise.all(calls);
    expect(workers.map((w) => w.terminated)).toEqual([false, true]);
    const again = client.inspect('c');
    expect(workers).toHaveLength(2);
    expect(workers[0]?.received.map((m) => m.type)).toEqual(['inspect', 'inspect']);
    reply(workers[0]);
    await expect(again).resolves.toMatchObject({ ok: false });
  });

  it('dispose stops the worker and rejects pending calls', async () => {
    const { client, workers } = silentClient();
    const pending = client.generate(request);
    client.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('warms up by starting the worker, which the next call then uses', async () => {
    const { client, workers } = silentClient();
    client.warmUp();
    expect(workers).toHaveLength(1);
    client.warmUp();
    const pending = client.generate(request);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received.map((m) => m.type)).toEqual(['generate']);
    client.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/**
 * The UI's entry point to certificate work: runs it in Web Workers and turns the message protocol into promises.
 *
 * Each worker runs one call at a time. A call goes to an idle worker if there is one, and otherwise to a new worker,
 * so no call ever waits behind another, however long that one takes: generating a key while an upload is still being
 * checked starts at once. When a call ends its worker is kept for the next call, unless another worker is idle
 * already (at most one idle worker is kept). Cancelling a call terminates its worker (RSA prime search and a check
 * cannot be interrupted otherwise); other calls go on.
 */
import type { CertificateRequest, CertificateStage, GeneratedCertificate } from './certificate-types';
import type {
  CertificateSigningRequest,
  CompleteSigningRequestInput,
  CompletedCertificate,
  SigningRequestInput,
} from './certificate-signing-request';
import type { InspectResult } from './inspect-certificate';
import type { WorkerError, WorkerRequest, WorkerResponse } from './worker-protocol';

/** What the client needs from a Worker; tests pass a fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

/** Options of {@link CertificateClient.generate}. */
export interface GenerateCallOptions {
  /** Aborting terminates the worker and rejects with a DOMException named AbortError. */
  signal?: AbortSignal;
  /** Called as each stage starts. */
  onProgress?: (stage: CertificateStage) => void;
}

/** Certificate operations off the main thread. */
export interface CertificateClient {
  /** Generates key, certificate, protected key file and PFX. */
  generate(request: CertificateRequest, options?: GenerateCallOptions): Promise<GeneratedCertificate>;
  /** Checks a user-supplied certificate (PEM text or DER bytes). Never rejects for bad input; see InspectResult. */
  inspect(input: string | Uint8Array, options?: { signal?: AbortSignal }): Promise<InspectResult>;
  /**
   * Generates a key and a certificate signing request for an authority (request.csr and the protected key.pem).
   * Stages: generating-key, building-certificate (the request), protecting-key.
   */
  request(input: SigningRequestInput, options?: GenerateCallOptions): Promise<CertificateSigningRequest>;
  /**
   * Joins the certificate the authority issued with the request's key into certificate files and a PFX. Rejects with
   * an error named IssuedCertificateError (with a `code`) or RequestKeyError whose message is for the user.
   */
  complete(
    input: Omit<CompleteSigningRequestInput, 'now'>,
    options?: { signal?: AbortSignal },
  ): Promise<CompletedCertificate>;
  /** Starts a worker now, so that the first call does not wait for it to load. */
  warmUp(): void;
  /** Stops every worker; pending calls reject with AbortError. */
  dispose(): void;
}

/** Options of {@link createCertificateClient}. */
export interface CertificateClientOptions {
  /** Creates the worker; defaults to the bundled `certificate.worker.ts`. */
  createWorker?: () => WorkerLike;
}

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: unknown): void;
  onProgress?: (stage: CertificateStage) => void;
}

/** A worker and the id of the call it runs, if any. */
interface Slot {
  readonly worker: WorkerLike;
  call: number | undefined;
}

/** A request before the client numbers it (distributes over the union, unlike a plain Omit). */
type UnnumberedRequest = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

const defaultCreateWorker = (): WorkerLike =>
  new Worker(new URL('./certificate.worker.ts', import.meta.url), { type: 'module', name: 'certificate' });

const abortError = (message: string) => new DOMException(message, 'AbortError');

function toError(error: WorkerError): Error {
  const out: Error & { code?: string } = new Error(error.message);
  out.name = error.name;
  if (error.code !== undefined) out.code = error.code;
  return out;
}

/** Creates a client. Workers start on the first call (or `warmUp`) and are reused until cancelled or disposed. */
export function createCertificateClient(options: CertificateClientOptions = {}): CertificateClient {
  const createWorker = options.createWorker ?? defaultCreateWorker;
  const pending = new Map<number, Pending>();
  const slots: Slot[] = [];
  let nextId = 1;

  /** Terminates a worker; its call, if any, rejects with `reason`. */
  function stop(slot: Slot, reason: unknown) {
    slot.worker.terminate();
    slots.splice(slots.indexOf(slot), 1);
    const call = slot.call === undefined ? undefined : pending.get(slot.call);
    if (slot.call !== undefined) pending.delete(slot.call);
    slot.call = undefined;
    call?.reject(reason);
  }

  function startWorker(): Slot {
    const slot: Slot = { worker: createWorker(), call: undefined };
    slot.worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call || slot.call !== data.id) return;
      if (data.type === 'progress') {
        call.onProgress?.(data.stage);
        return;
      }
      pending.delete(data.id);
      slot.call = undefined;
      // Another idle worker is enough: this one goes.
      if (slots.some((other) => other !== slot && other.call === undefined)) stop(slot, undefined);
      call.resolve(data);
    };
    slot.worker.onerror = (event) => {
      event.preventDefault?.();
      stop(
        slot,
        new Error(`The certificate worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}.`),
      );
    };
    slots.push(slot);
    return slot;
  }

  /** An idle worker, or a new one when every worker is busy. */
  const idleWorker = () => slots.find((slot) => slot.call === undefined) ?? startWorker();

  function call(
    message: UnnumberedRequest,
    signal: AbortSignal | undefined,
    onProgress?: (stage: CertificateStage) => void,
  ): Promise<WorkerResponse> {
    if (signal?.aborted) return Promise.reject(abortError('Cancelled before it started.'));
    const id = nextId++;
    const slot = idleWorker();
    slot.call = id;
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => {
        if (slot.call === id) stop(slot, abortError('Cancelled; the certificate worker was stopped.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (response) => {
          settle();
          resolve(response);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        onProgress,
      });
      slot.worker.postMessage({ ...message, id } as WorkerRequest);
    });
  }

  return {
    async generate(request, { signal, onProgress } = {}) {
      // The page's clock dates the certificate: the one the wizard shows and the plan uses.
      const response = await call({ type: 'generate', request, now: Date.now() }, signal, onProgress);
      if (response.type === 'generated') return response.result;
      throw response.type === 'failed' ? toError(response.error) : new Error('Unexpected worker reply.');
    },
    async inspect(input, { signal } = {}) {
      const response = await call({ type: 'inspect', input, now: Date.now() }, signal);
      if (response.type === 'inspected') return response.result;
      throw response.type === 'failed' ? toError(response.error) : new Error('Unexpected worker reply.');
    },
    async request(input, { signal, onProgress } = {}) {
      const response = await call({ type: 'request', input, now: Date.now() }, signal, onProgress);
      if (response.type === 'requested') return response.result;
      throw response.type === 'failed' ? toError(response.error) : new Error('Unexpected worker reply.');
    },
    async complete(input, { signal } = {}) {
      // The page's clock decides whether the issued certificate is valid yet, or still.
      const response = await call({ type: 'complete', input, now: Date.now() }, signal);
      if (response.type === 'completed') return response.result;
      throw response.type === 'failed' ? toError(response.error) : new Error('Unexpected worker reply.');
    },
    warmUp() {
      if (slots.length === 0) startWorker();
    },
    dispose() {
      for (const slot of [...slots]) stop(slot, abortError('The certificate client was disposed.'));
    },
  };
}

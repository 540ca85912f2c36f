/** The worker's request handling, separate from the worker global so tests can drive it directly. */
import type { CertificateStage } from './certificate-types';
import type { WorkerError, WorkerRequest, WorkerResponse } from './worker-protocol';
import { completeSigningRequest, createSigningRequest } from './certificate-signing-request';
import { generateCertificate } from './generate-certificate';
import { inspectCertificate } from './inspect-certificate';

/** Sends a reply to the main thread; `transfer` lists buffers to move instead of copy. */
export type PostResponse = (response: WorkerResponse, transfer: Transferable[]) => void;

/** Only the name, message and code cross over; forge and WebCrypto errors never carry key material. */
function workerError(error: unknown): WorkerError {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { name, message, code } : { name, message };
}

/** Handles one request and posts progress and exactly one final reply. */
export async function handleWorkerRequest(message: WorkerRequest, post: PostResponse): Promise<void> {
  const { id } = message;
  const onProgress = (stage: CertificateStage) => post({ id, type: 'progress', stage }, []);
  try {
    if (message.type === 'generate') {
      const { now } = message;
      const result = await generateCertificate(message.request, {
        onProgress,
        ...(now === undefined ? {} : { now: () => new Date(now) }),
      });
      post({ id, type: 'generated', result }, [result.certificateDer.buffer, result.pfx.buffer]);
    } else if (message.type === 'request') {
      const { now } = message;
      const result = await createSigningRequest(message.input, {
        onProgress,
        ...(now === undefined ? {} : { now: () => new Date(now) }),
      });
      post({ id, type: 'requested', result }, []);
    } else if (message.type === 'complete') {
      const now = message.now === undefined ? undefined : new Date(message.now);
      const result = await completeSigningRequest({ ...message.input, now }, { onProgress });
      post({ id, type: 'completed', result }, [result.certificateDer.buffer, result.pfx.buffer]);
    } else {
      const now = message.now === undefined ? undefined : new Date(message.now);
      const result = inspectCertificate(message.input, { now });
      post({ id, type: 'inspected', result }, result.ok ? [result.certificate.certificateDer.buffer] : []);
    }
  } catch (error) {
    post({ id, type: 'failed', error: workerError(error) }, []);
  }
}

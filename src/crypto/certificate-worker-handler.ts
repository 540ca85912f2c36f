/** The worker's request handling, separate from the worker global so tests can drive it directly. */
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import { generateCertificate } from './generate-certificate';
import { inspectCertificate } from './inspect-certificate';

/** Sends a reply to the main thread; `transfer` lists buffers to move instead of copy. */
export type PostResponse = (response: WorkerResponse, transfer: Transferable[]) => void;

/** Handles one request and posts progress and exactly one final reply. */
export async function handleWorkerRequest(message: WorkerRequest, post: PostResponse): Promise<void> {
  const { id } = message;
  try {
    if (message.type === 'generate') {
      const { now } = message;
      const result = await generateCertificate(message.request, {
        onProgress: (stage) => post({ id, type: 'progress', stage }, []),
        ...(now === undefined ? {} : { now: () => new Date(now) }),
      });
      post({ id, type: 'generated', result }, [result.certificateDer.buffer, result.pfx.buffer]);
    } else {
      const now = message.now === undefined ? undefined : new Date(message.now);
      const result = inspectCertificate(message.input, { now });
      post({ id, type: 'inspected', result }, result.ok ? [result.certificate.certificateDer.buffer] : []);
    }
  } catch (error) {
    // Only the name and message cross over; forge and WebCrypto errors never carry key material.
    const { name, message: text } = error instanceof Error ? error : new Error(String(error));
    post({ id, type: 'failed', error: { name, message: text } }, []);
  }
}

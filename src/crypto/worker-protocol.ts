/** Messages between {@link createCertificateClient} and `certificate.worker.ts`. Each request has an id; replies echo it. */
import type { CertificateRequest, CertificateStage, GeneratedCertificate } from './certificate-types';
import type { InspectResult } from './inspect-certificate';

/** Main thread → worker. */
export type WorkerRequest =
  | { id: number; type: 'generate'; request: CertificateRequest; now?: number }
  | { id: number; type: 'inspect'; input: string | Uint8Array; now?: number };

/** An error reduced to what survives structured cloning. Never contains key material. */
export interface WorkerError {
  name: string;
  message: string;
}

/** Worker → main thread. */
export type WorkerResponse =
  | { id: number; type: 'progress'; stage: CertificateStage }
  | { id: number; type: 'generated'; result: GeneratedCertificate }
  | { id: number; type: 'inspected'; result: InspectResult }
  | { id: number; type: 'failed'; error: WorkerError };

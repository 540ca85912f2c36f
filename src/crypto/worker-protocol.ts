/** Messages between {@link createCertificateClient} and `certificate.worker.ts`. Each request has an id; replies echo it. */
import type { CertificateRequest, CertificateStage, GeneratedCertificate } from './certificate-types';
import type {
  CertificateSigningRequest,
  CompleteSigningRequestInput,
  CompletedCertificate,
  SigningRequestInput,
} from './certificate-signing-request';
import type { InspectResult } from './inspect-certificate';

/** Main thread → worker. */
export type WorkerRequest =
  | { id: number; type: 'generate'; request: CertificateRequest; now?: number }
  | { id: number; type: 'inspect'; input: string | Uint8Array; now?: number }
  | { id: number; type: 'request'; input: SigningRequestInput; now?: number }
  | { id: number; type: 'complete'; input: Omit<CompleteSigningRequestInput, 'now'>; now?: number };

/** An error reduced to what survives structured cloning. Never contains key material. */
export interface WorkerError {
  name: string;
  message: string;
  /** The error's `code`, when it has one (such as IssuedCertificateError's). */
  code?: string;
}

/** Worker → main thread. */
export type WorkerResponse =
  | { id: number; type: 'progress'; stage: CertificateStage }
  | { id: number; type: 'generated'; result: GeneratedCertificate }
  | { id: number; type: 'inspected'; result: InspectResult }
  | { id: number; type: 'requested'; result: CertificateSigningRequest }
  | { id: number; type: 'completed'; result: CompletedCertificate }
  | { id: number; type: 'failed'; error: WorkerError };

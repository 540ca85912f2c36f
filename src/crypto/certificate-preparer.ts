/**
 * The default certificate, generated in the worker before the admin reaches the certificate step, so that the step
 * opens with it ready instead of waiting a second or two for a 4096-bit key.
 *
 * Its passphrase is made here, in the page, and the step's form shows that same passphrase. Until the step hands the
 * certificate to the admin (`handOver`), nobody has seen it, so it may be dropped at any time (the answers stopped
 * needing one); from then on the wizard's answers own it and the unsaved-key rules apply. It lives in memory only.
 */
import {
  createCertificateClient,
  type CertificateClient,
  type GenerateCallOptions,
} from './certificate-client';
import {
  defaultKeySize,
  defaultValidityDays,
  type CertificateRequest,
  type CertificateStage,
  type GeneratedCertificate,
} from './certificate-types';
import { generatePassphrase } from './passphrase';
import { defaultSubject } from './subject';

/** The procedure's certificate (its subject, RSA-4096, 50 years) with `passphrase` and an AES-256 PFX. */
export function defaultCertificateRequest(passphrase: string): CertificateRequest {
  return {
    subject: { ...defaultSubject },
    keySize: defaultKeySize,
    validityDays: defaultValidityDays,
    passphrase,
    pfxEncryption: 'aes256',
  };
}

/** One default certificate, being generated or ready. */
export interface PreparedCertificate {
  /** The passphrase protecting its key.pem and PFX. */
  readonly passphrase: string;
  /**
   * Waits for it, reporting the stage generation is at (at once, then as it moves on). Aborting `signal` cancels the
   * generation itself: it rejects with an AbortError and the next `prepare` starts a new one. Rejects as well when
   * the generation failed or the certificate was dropped.
   */
  wait(options?: GenerateCallOptions): Promise<GeneratedCertificate>;
}

/** Prepares the default certificate ahead of the certificate step. */
export interface CertificatePreparer {
  /** Starts the worker, so that the first generation does not wait for it. For when the page is idle. */
  warmUp(): void;
  /** The passphrase of the default certificate: the one being prepared, or the one the next `prepare` will use. */
  passphrase(): string;
  /** Starts preparing the default certificate unless it is already prepared or under way, and returns it. */
  prepare(): PreparedCertificate;
  /**
   * The default certificate if it is generated already, without starting anything, so that the step can show it from
   * its first paint. It stays the preparer's until `handOver`.
   */
  ready(): { readonly prepared: PreparedCertificate; readonly certificate: GeneratedCertificate } | null;
  /** The admin has been shown `prepared`: it is theirs now, and the preparer forgets it. */
  handOver(prepared: PreparedCertificate): void;
  /** Drops a certificate nobody has been shown, stopping its generation. The next one gets a new passphrase. */
  drop(): void;
}

/** Options of {@link createCertificatePreparer}; tests pass fakes. */
export interface CertificatePreparerOptions {
  readonly client?: CertificateClient;
  readonly makePassphrase?: () => string;
}

interface Job {
  readonly prepared: PreparedCertificate;
  readonly cancel: () => void;
  /** Set once generation has finished. */
  certificate: GeneratedCertificate | null;
}

export function createCertificatePreparer(options: CertificatePreparerOptions = {}): CertificatePreparer {
  const client = options.client ?? createCertificateClient();
  const makePassphrase = options.makePassphrase ?? (() => generatePassphrase());
  let nextPassphrase: string | null = null;
  let job: Job | null = null;

  const passphrase = () => job?.prepared.passphrase ?? (nextPassphrase ??= makePassphrase());

  function start(): Job {
    const phrase = passphrase();
    nextPassphrase = null;
    const controller = new AbortController();
    let stage: CertificateStage | null = null;
    const watchers = new Set<(stage: CertificateStage) => void>();
    const result = client.generate(defaultCertificateRequest(phrase), {
      signal: controller.signal,
      onProgress: (next) => {
        stage = next;
        for (const watcher of watchers) watcher(next);
      },
    });
    // A failed or cancelled generation is reported to whoever waits; the next prepare starts afresh.
    const forget = () => {
      if (job === started) job = null;
    };
    const cancel = () => {
      forget();
      controller.abort();
    };
    const prepared: PreparedCertificate = {
      passphrase: phrase,
      wait({ signal, onProgress } = {}) {
        if (signal?.aborted) {
          cancel();
          return result;
        }
        if (onProgress) {
          if (stage) onProgress(stage);
          watchers.add(onProgress);
        }
        signal?.addEventListener('abort', cancel, { once: true });
        return result.finally(() => {
          if (onProgress) watchers.delete(onProgress);
          signal?.removeEventListener('abort', cancel);
        });
      },
    };
    const started: Job = { prepared, cancel, certificate: null };
    void result.then((certificate) => (started.certificate = certificate), forget);
    return started;
  }

  return {
    warmUp: () => client.warmUp(),
    passphrase,
    prepare() {
      job ??= start();
      return job.prepared;
    },
    ready() {
      return job?.certificate ? { prepared: job.prepared, certificate: job.certificate } : null;
    },
    handOver(prepared) {
      if (job?.prepared === prepared) job = null;
    },
    drop() {
      job?.cancel();
      job = null;
      nextPassphrase = null;
    },
  };
}

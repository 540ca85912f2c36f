import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CertificateClient } from '../../crypto/certificate-client';
import type { CertificateStage, GeneratedCertificate } from '../../crypto/certificate-types';
import { useCertificatePreparer } from '../../wizard/certificate-preparation';
import { passphraseOf, toRequest, type CertificateForm } from './certificate-schema';

/** A message about the last generation: cancelled (info) or failed (error). */
export interface GenerationProblem {
  readonly intent: 'info' | 'error';
  readonly text: string;
}

/** Generation as the certificate step shows it. */
export interface CertificateGeneration {
  readonly running: boolean;
  readonly stage: CertificateStage | null;
  readonly problem: GenerationProblem | null;
  /** Generates a certificate with the form's settings. */
  readonly generate: (values: CertificateForm) => Promise<void>;
  /** Stops the generation under way; nothing is kept. */
  readonly cancel: () => void;
}

interface Options {
  /** The step's own worker, for certificates with the admin's settings. */
  readonly client: () => CertificateClient;
  /** Open with the default certificate prepared ahead of the step (started now if it was not). */
  readonly takesPrepared: boolean;
  /** That certificate was generated already: nothing to wait for. */
  readonly readyAtOpen: boolean;
  /** A certificate is ready: the admin sees it from now on. */
  readonly onGenerated: (certificate: GeneratedCertificate, passphrase: string | null) => void;
}

function problemOf(error: unknown): GenerationProblem {
  return error instanceof DOMException && error.name === 'AbortError'
    ? {
        intent: 'info',
        text: 'Generation was cancelled. Nothing was kept; generate again when you are ready.',
      }
    : {
        intent: 'error',
        text: `The certificate could not be generated: ${error instanceof Error ? error.message : String(error)}`,
      };
}

/**
 * Runs the step's generations: the default certificate prepared ahead of the step, or one with the admin's settings
 * in the step's own worker. Either can be cancelled; leaving the step keeps a prepared one going for the next visit.
 */
export function useCertificateGeneration({
  client,
  takesPrepared,
  readyAtOpen,
  onGenerated,
}: Options): CertificateGeneration {
  const preparer = useCertificatePreparer();
  const [running, setRunning] = useState(takesPrepared && !readyAtOpen);
  const [stage, setStage] = useState<CertificateStage | null>(null);
  const [problem, setProblem] = useState<GenerationProblem | null>(null);
  const abort = useRef<AbortController | null>(null);

  const onPrepared = useEffectEvent((certificate: GeneratedCertificate, passphrase: string) =>
    onGenerated(certificate, passphrase),
  );
  useEffect(() => {
    if (!takesPrepared) return;
    // The state starts as running unless it is ready: the step opens on the prepared certificate. Only this mount's waiting ends with
    // it: React mounts twice in development and Back leaves the preparation going, so both come back to the same
    // certificate instead of making a second key.
    let current = true;
    const prepared = preparer.prepare();
    const controller = new AbortController();
    abort.current = controller;
    prepared
      .wait({ signal: controller.signal, onProgress: (next) => current && setStage(next) })
      .then(
        (certificate) => {
          if (!current) return;
          preparer.handOver(prepared);
          onPrepared(certificate, prepared.passphrase);
        },
        (error: unknown) => current && setProblem(problemOf(error)),
      )
      .finally(() => {
        if (!current) return;
        setRunning(false);
        abort.current = null;
      });
    return () => {
      current = false;
    };
  }, [takesPrepared, preparer]);

  const generate = async (values: CertificateForm) => {
    // A default certificate still being prepared is no longer wanted.
    preparer.drop();
    setProblem(null);
    setRunning(true);
    setStage(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const certificate = await client().generate(toRequest(values), {
        signal: controller.signal,
        onProgress: setStage,
      });
      onGenerated(certificate, passphraseOf(values));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return { running, stage, problem, generate, cancel: () => abort.current?.abort() };
}

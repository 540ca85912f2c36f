import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createCertificatePreparer, type CertificatePreparer } from '../crypto/certificate-preparer';
import type { WizardAnswers } from './answers';
import type { StepContext } from './step-definition';

/** Whether the answers call for the default certificate: yes, no, or not known yet (no connector chosen). */
export type CertificateNeed = 'needed' | 'not-needed' | 'unknown';

/** Needed while the plan asks for a certificate, or a certificate is being rotated, and the admin has none yet. */
export function certificateNeed(answers: WizardAnswers, plan: StepContext['plan']): CertificateNeed {
  if (!plan) return 'unknown';
  const rotating = answers.rotation?.old.type === 'certificate' && answers.rotation.newKeyId === null;
  return (plan.credentials.certificate.required || rotating) && !answers.certificate
    ? 'needed'
    : 'not-needed';
}

const PreparerContext = createContext<CertificatePreparer | null>(null);

/** The page's certificate preparer, for the certificate step. */
export function useCertificatePreparer(): CertificatePreparer {
  const preparer = useContext(PreparerContext);
  if (!preparer) throw new Error('useCertificatePreparer is used outside CertificatePreparationProvider.');
  return preparer;
}

/**
 * Starts preparing the default certificate while `needed`: for a step whose choices on screen, not submitted yet,
 * already call for one, so that it gets the time the admin spends on the steps in between.
 */
export function usePrepareCertificate(needed: boolean) {
  const preparer = useCertificatePreparer();
  useEffect(() => {
    if (needed) preparer.prepare();
  }, [needed, preparer]);
}

/**
 * Loads the certificate worker when the page is idle, prepares the default certificate as soon as the answers need
 * one, and drops it (if nobody saw it) when they stop needing it. Local work only: nothing leaves the page.
 */
export function CertificatePreparationProvider({
  need,
  children,
}: {
  readonly need: CertificateNeed;
  readonly children: ReactNode;
}) {
  // One preparer for the page's lifetime, never disposed: React's development double mount would otherwise stop a
  // half-made key and start a second one.
  const [preparer] = useState(() => createCertificatePreparer());
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(() => preparer.warmUp(), 500);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => preparer.warmUp(), { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, [preparer]);
  useEffect(() => {
    if (need === 'needed') preparer.prepare();
    else if (need === 'not-needed') preparer.drop();
  }, [preparer, need]);
  return <PreparerContext.Provider value={preparer}>{children}</PreparerContext.Provider>;
}

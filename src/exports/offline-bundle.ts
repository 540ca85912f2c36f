import type { RegistrationPlan } from '../plan/plan-types';
import type { CredentialFile } from './certificate-files';
import { applicationFiles, type ManifestKeyCredential } from './manifest';
import type { InstructionStep } from './portal-instructions';
import { PORTAL_STEPS_FILE_NAME, portalStepsFile } from './portal-steps-file';
import type { ZipEntry } from './zip-files';

/** The name of offline mode's "Download all" ZIP. */
export const OFFLINE_BUNDLE_NAME = 'app-registration.zip';

/** What offline mode hands the admin. */
export interface OfflineBundleInput {
  readonly plan: RegistrationPlan;
  /** The certificate in the manifest's `keyCredentials`; empty when the plan has no certificate. */
  readonly keyCredentials: readonly ManifestKeyCredential[];
  /** The certificate's files (the private key's among them when the wizard generated it); empty without one. */
  readonly certificateFiles: readonly CredentialFile[];
  /** The portal steps exactly as the page shows them. */
  readonly steps: readonly InstructionStep[];
}

/** Every file offline mode gives: the application, its permissions, the certificate's files and the portal steps. */
export function offlineBundleFiles(input: OfflineBundleInput): ZipEntry[] {
  return [
    ...applicationFiles(input.plan, input.keyCredentials),
    ...input.certificateFiles,
    {
      name: PORTAL_STEPS_FILE_NAME,
      content: portalStepsFile(input.plan.application.displayName, input.steps),
    },
  ];
}

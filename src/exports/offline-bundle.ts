import type { Cloud } from '../config/clouds';
import type { RegistrationPlan } from '../plan/plan-types';
import { codeExportFiles } from './code/code-exports';
import { logoFileName } from './code/logo-export';
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
  /** The cloud and day the "Export as code" files are made for; without it the ZIP has none. */
  readonly code?: { readonly cloud: Cloud; readonly date: string };
}

/**
 * Every file offline mode gives: the application, its permissions, the certificate's files, the logo, the portal
 * steps and the plan as code (next to `cert.cer` and the logo, which the scripts read).
 */
export function offlineBundleFiles(input: OfflineBundleInput): ZipEntry[] {
  return [
    ...applicationFiles(input.plan, input.keyCredentials),
    ...input.certificateFiles,
    // The logo the portal step and the scripts upload, under the name they read it by.
    ...(input.plan.logo ? [{ name: logoFileName(input.plan.logo), content: input.plan.logo.bytes }] : []),
    {
      name: PORTAL_STEPS_FILE_NAME,
      content: portalStepsFile(input.plan.application.displayName, input.steps),
    },
    ...(input.code ? codeExportFiles({ plan: input.plan, ...input.code }) : []),
  ];
}

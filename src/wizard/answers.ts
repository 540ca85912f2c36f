import type { ConnectorId } from '../catalog/connectors';
import type { CertificateSummary } from '../crypto/certificate-summary';
import type { CertificateSigningRequest } from '../crypto/certificate-signing-request';
import type { GeneratedCertificate } from '../crypto/certificate-types';
import type { AppConfig } from '../config/config-schema';
import { defaultConfig } from '../config/config-schema';
import {
  generatedCertificateFiles,
  PRIVATE_KEY_FILE_NAMES,
  publicCertificateFiles,
} from '../exports/certificate-files';
import { buildPlan } from '../plan/build-plan';
import { DEFAULT_SECRET_LIFETIME } from '../plan/plan-types';
import type {
  ConnectorSelection,
  ExistingRegistration,
  PlannedBranding,
  RegistrationPlan,
  SecretLifetimeMonths,
} from '../plan/plan-types';
import type { TenantPolicies } from '../plan/tenant-policy-types';
import { uniqueNameFor } from '../plan/unique-name';
import type { RotationAnswer } from './rotation';

/**
 * How the registration gets made: by the wizard through Microsoft Graph, or by the admin in the portal; or `repair`:
 * check a registration that exists against its connectors and repair it.
 */
export type SetupPath = 'automatic' | 'offline' | 'repair';

/**
 * The certificate admin accounts sign in with: one the wizard generated (with its private key, in memory only), the
 * public certificate the admin brought, or one the admin's certificate authority issues for a signing request made
 * here (the key is made here and stays in memory; `certificate` is null until the issued certificate is uploaded).
 */
export type CertificateAnswer =
  | {
      readonly source: 'generated';
      readonly certificate: GeneratedCertificate;
      /** Null when the admin chose to leave the key unencrypted. */
      readonly passphrase: string | null;
    }
  | {
      readonly source: 'uploaded';
      readonly certificate: CertificateSummary;
      readonly fileName: string | null;
    }
  | {
      readonly source: 'requested';
      readonly request: CertificateSigningRequest;
      /** Null when the admin chose to leave the key unencrypted. */
      readonly passphrase: string | null;
      /** The issued certificate with the request's key and a PFX; null while the authority has not issued it. */
      readonly certificate: GeneratedCertificate | null;
    };

/** The certificate the answer holds: null while a signing request waits for its certificate. */
export const certificateOf = (answer: CertificateAnswer | null): CertificateSummary | null =>
  answer?.certificate ?? null;

/** Everything the admin has decided so far. Steps fill it in as the admin advances. */
export interface WizardAnswers {
  readonly path: SetupPath | null;
  readonly connectors: readonly ConnectorSelection[];
  readonly displayName: string;
  /** Web redirect URI per connector; connectors that share a URI share one entry on screen. */
  readonly redirectUris: Readonly<Partial<Record<ConnectorId, string>>>;
  readonly certificate: CertificateAnswer | null;
  /** Automatic mode: how long the client secret lasts. Default 180 days, which the Zero Trust assessment accepts. */
  readonly secretLifetimeMonths: SecretLifetimeMonths;
  /** Automatic mode: grant tenant-wide admin consent right after creating the registration. */
  readonly grantConsent: boolean;
  /** Turn on the app instance property lock (both modes; on unless the admin unticks it in review). */
  readonly lockInstanceProperties: boolean;
  /** Files the admin has downloaded, by name, so nothing secret is dropped before it was saved. */
  readonly savedFiles: readonly string[];
  /**
   * Automatic mode: what the review's checks of the tenant found before any write, by unique name (null: nothing).
   * A run makes its unique name's entry stale, so starting one removes it.
   */
  readonly tenantChecks: Readonly<Record<string, ExistingRegistration | null>>;
  /**
   * Automatic mode: the tenant's consent and credential policies, as the review read them before any write; null
   * until then. The plan follows the credential policy.
   */
  readonly tenantPolicies: TenantPolicies | null;
  /** Automatic mode: add a client secret (null: the plan's default, none when a valid one exists). */
  readonly newSecret: boolean | null;
  /**
   * Automatic mode, when the unique name finds a registration with another display name: update that one, or make a
   * new one (which then gets a further instance of the unique name). Null until the admin chose.
   */
  readonly target: 'update' | 'new' | null;
  /** 2, 3, …: the instance of the unique name a new registration takes (see `uniqueNameFor`). */
  readonly instance: number;
  /** Check and repair: the application (client) ID, or object ID, of the registration to check. */
  readonly repairAppId: string;
  /** Check and repair: the credential being rotated from the checklist, and how far that got; null when none. */
  readonly rotation: RotationAnswer | null;
  /** The admin asked, on App details, to set what users see when they consent: the branding step shows. */
  readonly customizeBranding: boolean;
  /** The logo and links of the branding step; the logo's bytes stay in the page's memory, like the certificate. */
  readonly branding: PlannedBranding;
}

/** No logo and no link: the registration's branding is left as it is. */
export const NO_BRANDING: PlannedBranding = { info: {}, homePageUrl: null, logo: null };

/** What the certificate views show for the certificate answer: its files, and its private key's facts if generated. */
export function certificateView(answer: CertificateAnswer) {
  if (answer.source === 'uploaded')
    return { certificate: answer.certificate, files: publicCertificateFiles(answer.certificate) };
  // A signing request without its certificate yet has nothing to show here: the request panel shows its files.
  if (!answer.certificate) return null;
  return {
    certificate: answer.certificate,
    files: generatedCertificateFiles(answer.certificate),
    privateKey: { passphrase: answer.passphrase, keyGeneration: answer.certificate.keyGeneration },
  };
}

/** The private key this page made for the answer (generated, or for a signing request); null for a brought one. */
export function privateKeyOf(answer: CertificateAnswer | null): { readonly encrypted: boolean } | null {
  if (!answer || answer.source === 'uploaded') return null;
  return {
    encrypted:
      answer.source === 'requested'
        ? answer.request.privateKeyEncrypted
        : answer.certificate.privateKeyEncrypted,
  };
}

/** Secrets that exist only in this page and have not been saved yet, in words for a warning. */
export function unsavedSecrets(answers: WizardAnswers): string[] {
  const unsaved: string[] = [];
  if (
    privateKeyOf(answers.certificate) &&
    !PRIVATE_KEY_FILE_NAMES.some((f) => answers.savedFiles.includes(f))
  ) {
    unsaved.push('the certificate’s private key');
  }
  return unsaved;
}

export function defaultDisplayName(config: AppConfig): string {
  return config.platformName === defaultConfig.platformName
    ? 'Microsoft 365 connectors'
    : `${config.platformName} Microsoft 365 connectors`;
}

export function initialAnswers(config: AppConfig): WizardAnswers {
  return {
    path: null,
    connectors: [],
    displayName: defaultDisplayName(config),
    redirectUris: {},
    certificate: null,
    secretLifetimeMonths: DEFAULT_SECRET_LIFETIME,
    grantConsent: true,
    lockInstanceProperties: true,
    savedFiles: [],
    tenantChecks: {},
    tenantPolicies: null,
    newSecret: null,
    target: null,
    instance: 1,
    repairAppId: '',
    rotation: null,
    customizeBranding: false,
    branding: NO_BRANDING,
  };
}

/** The unique name the answers' registration has. */
export function uniqueNameOf(answers: WizardAnswers): string {
  return uniqueNameFor(answers.displayName.trim(), answers.instance);
}

/** What the tenant check found for the answers' unique name; undefined when it has not looked there. */
export function existingFor(
  answers: WizardAnswers,
  instance = answers.instance,
): ExistingRegistration | null | undefined {
  const key = uniqueNameFor(answers.displayName.trim(), instance);
  return Object.hasOwn(answers.tenantChecks, key) ? answers.tenantChecks[key] : undefined;
}

/** The redirect URI a connector will use: the admin's choice, else the configured default, else empty. */
export function redirectUriFor(answers: WizardAnswers, config: AppConfig, id: ConnectorId): string {
  return answers.redirectUris[id] ?? config.defaultRedirectUris[id] ?? '';
}

/**
 * The registration plan for the answers, once at least one connector is chosen: in automatic mode with every choice
 * the review offers (consent, the secret, the certificate's public part, the registration it updates), so the plan
 * the admin reviews is the one that runs.
 */
export function planFor(answers: WizardAnswers, config: AppConfig): RegistrationPlan | null {
  if (answers.connectors.length === 0) return null;
  const automatic = answers.path === 'automatic';
  return buildPlan({
    connectors: answers.connectors,
    displayName: answers.displayName,
    redirectUris: answers.connectors.map((c) => redirectUriFor(answers, config, c.id)),
    grantAdminConsent: automatic && answers.grantConsent,
    lockInstanceProperties: answers.lockInstanceProperties,
    ...(answers.customizeBranding ? { branding: answers.branding } : {}),
    ...(automatic
      ? {
          existing: existingFor(answers),
          instance: answers.instance,
          secretLifetimeMonths: answers.secretLifetimeMonths,
          certificate: certificateOf(answers.certificate)?.graphKeyCredential ?? null,
          certificateSelfSigned: answers.certificate?.source === 'generated',
          ...(answers.tenantPolicies ? { credentialPolicy: answers.tenantPolicies.credentials } : {}),
          ...(answers.newSecret === null ? {} : { newSecret: answers.newSecret }),
        }
      : {}),
    // Check and repair: a rotation's policies decide where its new certificate comes from (the Certificate step).
    ...(answers.path === 'repair' && answers.rotation?.policies
      ? { credentialPolicy: answers.rotation.policies.credentials }
      : {}),
  });
}

/**
 * The answers with `patch` applied. Choosing another registration to check makes the rotation of the one before
 * stale: it is dropped, and with it the new certificate made for it, unless its private key was never saved. Such a
 * key stays until the admin agrees to lose it (the step asks first, then sends `certificate: null` itself).
 */
export function patchAnswers(answers: WizardAnswers, patch: Partial<WizardAnswers>): WizardAnswers {
  const next = { ...answers, ...patch };
  const rotation = next.rotation;
  const switched =
    patch.repairAppId !== undefined &&
    patch.repairAppId !== answers.repairAppId &&
    rotation !== null &&
    !('rotation' in patch) &&
    rotation.appId !== patch.repairAppId.toLowerCase();
  if (!switched) return next;
  const keepKey = unsavedSecrets(next).length > 0;
  return { ...next, rotation: null, ...(keepKey ? {} : { certificate: null }) };
}

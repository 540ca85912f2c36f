import { z } from '../../ui/zod-without-eval';
import { hiddenCharacterProblem } from '../../catalog/hidden-characters';
import type { SigningRequestInput } from '../../crypto/certificate-signing-request';
import type { CertificateRequest, KeySize } from '../../crypto/certificate-types';
import { estimatePassphraseStrength } from '../../crypto/passphrase-strength';
import {
  defaultSubject,
  subjectFieldLabels,
  subjectFieldOrder,
  validateSubject,
  type SubjectFields,
} from '../../crypto/subject';
import { CREDENTIAL_FILE_NAMES } from '../../exports/certificate-files';

/** Validity choices: the procedure's 50 years, and the 1 and 2 years that tenant policies often require. */
export const validityChoices = [
  { days: 18250, label: '50 years (18,250 days, as in the procedure)' },
  { days: 730, label: '2 years' },
  { days: 365, label: '1 year' },
] as const;

export const passphraseModes = ['generated', 'custom', 'none'] as const;

const subjectSchema = z.object(
  Object.fromEntries(subjectFieldOrder.map((f) => [f, z.string()])) as Record<
    keyof SubjectFields,
    z.ZodString
  >,
);

export const certificateFormSchema = z
  .object({
    subject: subjectSchema,
    keySize: z.enum(['4096', '3072', '2048']),
    validityDays: z.enum(['18250', '730', '365']),
    passphraseMode: z.enum(passphraseModes),
    generatedPassphrase: z.string(),
    customPassphrase: z.string(),
    acknowledgeUnencrypted: z.boolean(),
    pfxLegacy: z.boolean(),
  })
  .superRefine((form, ctx) => {
    const errors = validateSubject(form.subject);
    for (const field of subjectFieldOrder) {
      // The subject is what Entra lists for the certificate, so it may hide nothing, as the app's name may not.
      const message =
        errors[field] ??
        hiddenCharacterProblem(form.subject[field].trim(), {
          subject: subjectFieldLabels[field],
          noun: 'the value',
          where: 'wherever the certificate is listed',
        });
      if (message) ctx.addIssue({ code: 'custom', path: ['subject', field], message });
    }
    if (errors.form) ctx.addIssue({ code: 'custom', path: ['subject', 'CN'], message: errors.form });
    if (form.passphraseMode === 'custom') {
      if (form.customPassphrase.length < 8) {
        ctx.addIssue({
          code: 'custom',
          path: ['customPassphrase'],
          message: 'Use at least 8 characters; a long phrase of several words is best.',
        });
      } else if (estimatePassphraseStrength(form.customPassphrase).label === 'too-weak') {
        ctx.addIssue({
          code: 'custom',
          path: ['customPassphrase'],
          message: `${estimatePassphraseStrength(form.customPassphrase).hint} Or let the wizard generate one.`,
        });
      }
    }
    if (form.passphraseMode === 'none' && !form.acknowledgeUnencrypted) {
      ctx.addIssue({
        code: 'custom',
        path: ['acknowledgeUnencrypted'],
        message: `Confirm that you will keep the unencrypted ${CREDENTIAL_FILE_NAMES.privateKey} safe, or choose a passphrase.`,
      });
    }
  });

export type CertificateForm = z.infer<typeof certificateFormSchema>;

export function defaultCertificateForm(generatedPassphrase: string): CertificateForm {
  return {
    subject: { ...defaultSubject },
    keySize: '4096',
    validityDays: '18250',
    passphraseMode: 'generated',
    generatedPassphrase,
    customPassphrase: '',
    acknowledgeUnencrypted: false,
    pfxLegacy: false,
  };
}

/** The passphrase the form settles on: null is the explicit choice of an unencrypted key. */
export function passphraseOf(form: CertificateForm): string | null {
  if (form.passphraseMode === 'none') return null;
  return form.passphraseMode === 'custom' ? form.customPassphrase : form.generatedPassphrase;
}

export function toRequest(form: CertificateForm): CertificateRequest {
  return {
    subject: form.subject,
    keySize: Number(form.keySize) as KeySize,
    validityDays: Number(form.validityDays),
    passphrase: passphraseOf(form),
    pfxEncryption: form.pfxLegacy ? '3des' : 'aes256',
  };
}

/** The signing request the form describes: the same subject, key size and key protection, without a validity. */
export function toSigningRequest(form: CertificateForm): SigningRequestInput {
  return { subject: form.subject, keySize: Number(form.keySize) as KeySize, passphrase: passphraseOf(form) };
}

/**
 * The certificate subject the wizard asks for: the six fields of the procedure's `-subj` string, their RFC 5280
 * length limits, and validation that says how to fix each problem. Pure, so a zod schema in the UI can reuse it.
 */

/** Subject fields in the order OpenSSL's `-subj "/C=…/ST=…/L=…/O=…/OU=…/CN=…"` lists them. */
export const subjectFieldOrder = ['C', 'ST', 'L', 'O', 'OU', 'CN'] as const;

/** One subject attribute key. */
export type SubjectField = (typeof subjectFieldOrder)[number];

/** Subject values; an empty string leaves the attribute out of the certificate, as OpenSSL does for `/L=/`. */
export type SubjectFields = Record<SubjectField, string>;

/** Per-field error messages; a field is absent when it is valid. `form` holds errors about the whole subject. */
export type SubjectErrors = Partial<Record<SubjectField | 'form', string>>;

/** Human-readable names, for labels and messages. */
export const subjectFieldLabels: Readonly<Record<SubjectField, string>> = {
  C: 'Country (C)',
  ST: 'State or province (ST)',
  L: 'Locality (L)',
  O: 'Organization (O)',
  OU: 'Organizational unit (OU)',
  CN: 'Common name (CN)',
};

/**
 * Upper bounds in characters from RFC 5280 appendix A (ub-state-name, ub-locality-name, ub-organization-name,
 * ub-organizational-unit-name, ub-common-name); the country is always two letters.
 */
export const subjectFieldMaxLength: Readonly<Record<SubjectField, number>> = {
  C: 2,
  ST: 128,
  L: 128,
  O: 64,
  OU: 64,
  CN: 64,
};

/** The procedure's example: `SUBJ="/C=AU/ST=Some-State/L=/O=An Org/OU=/CN=ADomain"`. */
export const defaultSubject: Readonly<SubjectFields> = {
  C: 'AU',
  ST: 'Some-State',
  L: '',
  O: 'An Org',
  OU: '',
  CN: 'ADomain',
};

/** C0 and C1 controls and DEL: they break PEM tools and display names and are never intended. */
function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
}

/** Trims every field and uppercases the country code, so `au ` becomes `AU`. */
export function normalizeSubject(subject: SubjectFields): SubjectFields {
  const out = { ...subject };
  for (const field of subjectFieldOrder) out[field] = subject[field].trim();
  out.C = out.C.toUpperCase();
  return out;
}

/** Validates one field (after normalisation); returns a message that says how to fix it, or undefined. */
export function validateSubjectField(field: SubjectField, rawValue: string): string | undefined {
  const value = field === 'C' ? rawValue.trim().toUpperCase() : rawValue.trim();
  if (value === '') return undefined;
  if (hasControlCharacter(value)) {
    return `${subjectFieldLabels[field]} contains a control character (such as a tab or line break). Remove it.`;
  }
  if (field === 'C') {
    return /^[A-Z]{2}$/.test(value)
      ? undefined
      : 'Country must be a two-letter ISO 3166 code such as AU, US or DE, or left empty.';
  }
  const max = subjectFieldMaxLength[field];
  const length = [...value].length;
  return length > max
    ? `${subjectFieldLabels[field]} can be at most ${max} characters (RFC 5280); it has ${length}. Shorten it.`
    : undefined;
}

/**
 * Validates a whole subject. Returns an empty object when it is valid. At least one field is required because an
 * empty subject makes an unusable self-signed certificate.
 */
export function validateSubject(subject: SubjectFields): SubjectErrors {
  const errors: SubjectErrors = {};
  for (const field of subjectFieldOrder) {
    const message = validateSubjectField(field, subject[field]);
    if (message) errors[field] = message;
  }
  if (subjectFieldOrder.every((field) => subject[field].trim() === '')) {
    errors.form =
      'Fill in at least one subject field; a common name (CN) such as your app or domain name is best.';
  }
  return errors;
}

/** True when {@link validateSubject} found nothing. */
export function isSubjectValid(subject: SubjectFields): boolean {
  return Object.keys(validateSubject(subject)).length === 0;
}

/** The non-empty attributes in OpenSSL order, as [field, value] pairs. */
export function subjectAttributes(subject: SubjectFields): [SubjectField, string][] {
  const normalized = normalizeSubject(subject);
  return subjectFieldOrder.filter((f) => normalized[f] !== '').map((f) => [f, normalized[f]]);
}

/** OpenSSL `-subj` form, e.g. `/C=AU/ST=Some-State/O=An Org/CN=ADomain` (empty fields left out). */
export function subjectToOpenssl(subject: SubjectFields): string {
  return subjectAttributes(subject)
    .map(([f, v]) => `/${f}=${v.replace(/[\\/]/g, '\\$&')}`)
    .join('');
}

/**
 * Which certificate of a file to use when it holds several: a chain, in whatever order, or a PKCS#7 (.p7b) file. The
 * app's certificate is the one that issued none of the others (the leaf); its issuers are only there to vouch for it.
 * When that does not single one out, the user is asked for the one certificate instead of the wizard guessing.
 */
import forge from 'node-forge';
import type { Asn1 } from './asn1';
import type { CertificateInputError } from './certificate-input-error';
import type { DecodedCertificate } from './certificate-input';
import { asn1Class, children } from './asn1';
import { binaryToBytes } from './bytes';
import { formatDistinguishedName } from './distinguished-name';

/** The file held several certificates: how many, and a sentence for the user saying which one is used. */
export interface ChainReport {
  certificates: number;
  note: string;
}

/** The certificate to use, or why none can be chosen. */
export type ChosenCertificate =
  | { ok: true; certificate: DecodedCertificate; chain: ChainReport | null }
  | { ok: false; error: CertificateInputError };

/** forge exports `pki.RDNAttributesAsArray`, but @types/node-forge does not declare it. */
interface NameReader {
  RDNAttributesAsArray(
    name: Asn1,
  ): { type: string; value: unknown; valueTagClass?: unknown; shortName?: string; name?: string }[];
}

/** The issuer and subject Name of a certificate, as DER binary strings that compare equal when the names are. */
function names(certificate: DecodedCertificate): { issuer: string; subject: string; subjectNode?: Asn1 } {
  const fields = children(children(certificate.asn1)[0]);
  const offset = fields[0]?.tagClass === asn1Class.CONTEXT_SPECIFIC ? 1 : 0; // explicit [0] version
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  const der = (node: Asn1 | undefined) => (node ? forge.asn1.toDer(node).getBytes() : '');
  return { issuer: der(issuer), subject: der(subject), ...(subject ? { subjectNode: subject } : {}) };
}

/** The subject as people read it, e.g. `CN=app.example, O=Contoso`; never throws. */
function subjectOf(certificate: DecodedCertificate): string {
  const { subjectNode } = names(certificate);
  try {
    const attributes = subjectNode
      ? (forge.pki as unknown as NameReader).RDNAttributesAsArray(subjectNode)
      : [];
    const formatted = formatDistinguishedName(
      attributes.map((a) => ({
        type: a.shortName ?? a.name ?? a.type,
        value:
          typeof a.value !== 'string'
            ? ''
            : a.valueTagClass === forge.asn1.Type.UTF8
              ? new TextDecoder().decode(binaryToBytes(a.value))
              : a.value,
      })),
    );
    return formatted || 'an empty subject';
  } catch {
    return 'an unreadable subject';
  }
}

/** `a`, `a and b`, `a; b and c`: names hold commas, so more than two are separated by semicolons. */
function listOf(items: string[], conjunction: 'and' | 'or'): string {
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} more`] : items;
  return shown.length < 2
    ? (shown[0] ?? '')
    : `${shown.slice(0, -1).join('; ')} ${conjunction} ${shown.at(-1)}`;
}

const uploadOne =
  'Upload only the app’s certificate: choose its own .cer, .crt or .pem file, or paste just its block, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';

/**
 * Chooses the certificate of a file: the only one, or the leaf of a chain (the one whose subject is the issuer of no
 * other certificate in the file; a self-signed root issues only itself). Several leaves, or none, are refused.
 */
export function chooseCertificate(certificates: DecodedCertificate[]): ChosenCertificate {
  const [only] = certificates;
  if (certificates.length === 1 && only) return { ok: true, certificate: only, chain: null };
  const named = certificates.map((certificate) => ({ certificate, ...names(certificate) }));
  // Subjects that issued another certificate of the file.
  const issuers = new Set(named.filter((c) => c.issuer !== c.subject).map((c) => c.issuer));
  const leaves = named.filter((c) => !issuers.has(c.subject));
  const [leaf] = leaves;
  if (leaves.length !== 1 || !leaf) {
    const count = certificates.length;
    const which =
      leaves.length === 0
        ? 'they all issued one another'
        : leaves.length === count
          ? 'none of them issued another'
          : `${leaves.length} of them issued none of the others`;
    const candidates =
      leaves.length > 0
        ? `: ${listOf(
            leaves.map((c) => subjectOf(c.certificate)),
            'or',
          )}`
        : '';
    return {
      ok: false,
      error: {
        code: 'several-certificates',
        message: `This file holds ${count} certificates, and ${which}, so it is not clear which one is for the app${candidates}. ${uploadOne}`,
      },
    };
  }
  // The issuers from the leaf up, then any others.
  const bySubject = new Map(named.map((c) => [c.subject, c]));
  const path = new Set<(typeof named)[number]>();
  for (let next = bySubject.get(leaf.issuer); next && next !== leaf && !path.has(next);) {
    path.add(next);
    next = bySubject.get(next.issuer);
  }
  const others = [...path, ...named.filter((c) => c !== leaf && !path.has(c))];
  const otherNames = listOf(
    others.map((c) => subjectOf(c.certificate)),
    'and',
  );
  const not =
    others.length === path.size
      ? `its issuer${others.length === 1 ? '' : 's'} ${otherNames}`
      : `the others: ${otherNames}`;
  return {
    ok: true,
    certificate: leaf.certificate,
    chain: {
      certificates: certificates.length,
      note: `The file held ${certificates.length} certificates; using the one for ${subjectOf(leaf.certificate)}, not ${not}.`,
    },
  };
}

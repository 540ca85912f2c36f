/**
 * Certificates from a certificate authority, for tenants whose app management policy only trusts certificates issued
 * by one: the key is generated here and never leaves the browser, the authority gets a PKCS#10 certificate signing
 * request (request.csr), and the certificate it issues is later joined with the key into the same outputs as a
 * generated certificate. Nothing is kept between the two steps except what the caller holds: the request, whose
 * key.pem is encrypted with the passphrase unless the user opted out.
 */
import forge from 'node-forge';
import type { CertificateStage, GeneratedCertificate, KeySize } from './certificate-types';
import type { CertificateInputErrorCode } from './certificate-input-error';
import type { KeyGenerationMethod } from './crypto-backend';
import type { PfxEncryption } from './pkcs12';
import type { SubjectFields } from './subject';
import type { Asn1 } from './asn1';
import { asn1Class, children, fromDer, oid, toDer } from './asn1';
import { bytesToBinary, toHexUpper, toPem } from './bytes';
import { decodeCertificateList } from './certificate-input';
import { subjectAttributesOf } from './certificate-summary';
import { selectBackend } from './crypto-backend';
import { digest } from './digest';
import { formatDistinguishedName } from './distinguished-name';
import { assertPassphraseChoice, assertValidSubjectAndKeySize } from './generate-certificate';
import { inspectCertificate } from './inspect-certificate';
import { buildPfx } from './pkcs12';
import { privateKeyFromPem, privateKeyToPem } from './private-key-pem';
import { endEntityExtensions, subjectName } from './self-signed-certificate';
import { normalizeSubject, subjectAttributes } from './subject';

/** What the user asked the authority for. */
export interface SigningRequestInput {
  subject: SubjectFields;
  keySize: KeySize;
  /** Protects key.pem and later the PFX. `null` is the explicit opt-out: an unencrypted key; '' is refused. */
  passphrase: string | null;
}

/** A signing request and its key, as the user downloads them. Plain data: it crosses the worker boundary. */
export interface CertificateSigningRequest {
  /** PKCS#10, `-----BEGIN CERTIFICATE REQUEST-----` (request.csr). */
  csrPem: string;
  /** The requested subject, formatted like {@link GeneratedCertificate.subject}. */
  subject: string;
  keySize: number;
  /** key.pem: `ENCRYPTED PRIVATE KEY` (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256) or `PRIVATE KEY` when opted out. */
  privateKeyPem: string;
  privateKeyEncrypted: boolean;
  /** SHA-256 of the SubjectPublicKeyInfo DER, uppercase hex: how the issued certificate is matched to the key. */
  spkiSha256Hex: string;
  keyGeneration: KeyGenerationMethod;
  /** ISO 8601. */
  createdAt: string;
}

/** Options of {@link createSigningRequest}. */
export interface SigningRequestOptions {
  /** WebCrypto to use; `null` forces the forge fallback; undefined uses `globalThis.crypto.subtle`. */
  subtle?: SubtleCrypto | null;
  /** Called as each stage starts: generating-key, building-certificate (the request), protecting-key. */
  onProgress?: (stage: CertificateStage) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Input of {@link completeSigningRequest}. */
export interface CompleteSigningRequestInput {
  request: CertificateSigningRequest;
  /** The passphrase of the request's key.pem; ignored (and the PFX password empty) when the key is unencrypted. */
  passphrase: string | null;
  /** What the authority issued: PEM or DER, a single certificate, a PEM chain or a PKCS#7 (.p7b) file. */
  issued: string | Uint8Array;
  pfxEncryption: PfxEncryption;
  /** Clock for the validity checks, for tests. */
  now?: Date;
}

/** Options of {@link completeSigningRequest}. */
export interface CompleteSigningRequestOptions {
  /** WebCrypto to use; `null` forces the forge fallback; undefined uses `globalThis.crypto.subtle`. */
  subtle?: SubtleCrypto | null;
  /** Called as each stage starts: protecting-key (unlocking key.pem), packaging-pfx. */
  onProgress?: (stage: CertificateStage) => void;
}

/** The issued certificate and its key, ready like a generated certificate, plus what deserves a look. */
export interface CompletedCertificate extends GeneratedCertificate {
  /** From the certificate check, as user-facing sentences (an outdated hash, a short validity…). */
  warnings: string[];
}

/** Why an uploaded certificate cannot complete the request. The message is user-facing. */
export class IssuedCertificateError extends Error {
  override readonly name = 'IssuedCertificateError';
  constructor(
    message: string,
    /** `key-mismatch` when the certificate is for another key; otherwise why the file is not a usable certificate. */
    readonly code: CertificateInputErrorCode | 'key-mismatch',
  ) {
    super(message);
  }
}

/** Why the request's key.pem cannot be used: usually a wrong passphrase. The message is user-facing. */
export class RequestKeyError extends Error {
  override readonly name = 'RequestKeyError';
}

/** forge exports `pki.getCertificationRequestInfo`, but @types/node-forge does not declare it. */
interface RequestInfoBuilder {
  getCertificationRequestInfo(csr: forge.pki.CertificateSigningRequest): forge.asn1.Asn1;
}

const requestFileName = 'request.csr';
const keyFileName = 'key.pem';

/** The SHA-256 of an RSA SubjectPublicKeyInfo, over its canonical DER so that encodings of the same key agree. */
function spkiSha256Hex(spki: Uint8Array): string {
  let canonical: Uint8Array = spki;
  try {
    canonical = toDer(forge.pki.publicKeyToAsn1(forge.pki.publicKeyFromAsn1(fromDer(spki))));
  } catch {
    // Not an RSA key forge can read: it cannot match the request's key anyway.
  }
  return toHexUpper(digest('sha256', canonical));
}

/** The SubjectPublicKeyInfo DER of a parsed certificate. */
function certificateSpki(certificate: Asn1): Uint8Array | undefined {
  const fields = children(children(certificate)[0]);
  const offset = fields[0]?.tagClass === asn1Class.CONTEXT_SPECIFIC ? 1 : 0; // explicit [0] version
  const spki = fields[offset + 5];
  return spki && toDer(spki);
}

/** The SubjectPublicKeyInfo DER of an unencrypted PKCS#8 RSA key. */
function publicKeyOf(pkcs8: Uint8Array): Uint8Array {
  const privateKey = forge.pki.privateKeyFromAsn1(fromDer(pkcs8)) as forge.pki.rsa.PrivateKey;
  return toDer(forge.pki.publicKeyToAsn1(forge.pki.setRsaPublicKey(privateKey.n, privateKey.e)));
}

/** Builds the PKCS#10 request, signed with the key (SHA-256 with RSA, NULL parameters). */
async function buildRequest(
  key: { spki: Uint8Array; signSha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> },
  subject: SubjectFields,
): Promise<Uint8Array<ArrayBuffer>> {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromAsn1(fromDer(key.spki));
  csr.setSubject(subjectName(subject));
  // The authority decides what goes into the certificate; this asks for what a generated one has, plus the
  // client-authentication purpose that Entra's client assertions are.
  csr.setAttributes([
    {
      name: 'extensionRequest',
      extensions: [...endEntityExtensions(), { name: 'extKeyUsage', clientAuth: true }],
    } as forge.pki.CertificateField,
  ]);
  csr.signatureOid = oid.sha256WithRSAEncryption;
  csr.siginfo.algorithmOid = oid.sha256WithRSAEncryption;
  const info = (forge.pki as unknown as RequestInfoBuilder).getCertificationRequestInfo(csr);
  csr.certificationRequestInfo = info;
  const signature = await key.signSha256(toDer(info));
  csr.signature = bytesToBinary(signature);
  return toDer(forge.pki.certificationRequestToAsn1(csr));
}

/** Generates the key and the signing request, and protects the key file. The unencrypted key is not returned. */
export async function createSigningRequest(
  input: SigningRequestInput,
  options: SigningRequestOptions = {},
): Promise<CertificateSigningRequest> {
  assertValidSubjectAndKeySize(input.subject, input.keySize);
  assertPassphraseChoice(input.passphrase);
  const backend = selectBackend(options.subtle);
  const progress = options.onProgress ?? (() => undefined);
  const subject = normalizeSubject(input.subject);

  progress('generating-key');
  const key = await backend.generateRsaKey(input.keySize);
  try {
    progress('building-certificate');
    const csrDer = await buildRequest(key, subject);
    progress('protecting-key');
    const privateKeyPem = await privateKeyToPem(backend, key.pkcs8, input.passphrase);
    return {
      csrPem: toPem('CERTIFICATE REQUEST', csrDer),
      subject: formatDistinguishedName(subjectAttributes(subject).map(([type, value]) => ({ type, value }))),
      keySize: input.keySize,
      privateKeyPem,
      privateKeyEncrypted: input.passphrase !== null,
      spkiSha256Hex: spkiSha256Hex(key.spki),
      keyGeneration: backend.name,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
    };
  } finally {
    key.pkcs8.fill(0); // key.pem is what the user keeps
  }
}

/** The uploaded certificate issued for the request's key, or an {@link IssuedCertificateError}. */
function issuedCertificateFor(input: CompleteSigningRequestInput) {
  const decoded = decodeCertificateList(input.issued);
  if (!decoded.ok) throw new IssuedCertificateError(decoded.error.message, decoded.error.code);
  const { certificates } = decoded;
  const matching = certificates.find((c) => {
    const spki = certificateSpki(c.asn1);
    return spki !== undefined && spkiSha256Hex(spki) === input.request.spkiSha256Hex;
  });
  // A lone certificate's own problems (expired, not RSA) say more than that its key differs.
  const candidate = matching ?? (certificates.length === 1 ? certificates[0] : undefined);
  if (candidate) {
    const inspected = inspectCertificate(candidate.der, { now: input.now });
    if (!inspected.ok) throw new IssuedCertificateError(inspected.error.message, inspected.error.code);
    if (matching) return inspected.certificate;
  }
  const which =
    certificates.length === 1
      ? 'This certificate was not issued for the request made here: its public key differs.'
      : `None of the ${certificates.length} certificates in this file was issued for the request made here: their public keys differ.`;
  throw new IssuedCertificateError(
    `${which} Upload the certificate your authority issued for ${requestFileName} (subject ${input.request.subject}), or make a new request.`,
    'key-mismatch',
  );
}

/**
 * Joins the certificate the authority issued with the request's key: checks the certificate like an uploaded one,
 * checks that it is for this key, unlocks key.pem with the passphrase and packages the PFX. key.pem stays the
 * request's. Throws {@link IssuedCertificateError} or {@link RequestKeyError} with a user-facing message.
 */
export async function completeSigningRequest(
  input: CompleteSigningRequestInput,
  options: CompleteSigningRequestOptions = {},
): Promise<CompletedCertificate> {
  const { request } = input;
  const { warnings, signatureAlgorithm: _, chain: __, ...summary } = issuedCertificateFor(input);
  const backend = selectBackend(options.subtle);
  const progress = options.onProgress ?? (() => undefined);
  const password = request.privateKeyEncrypted ? input.passphrase : null;

  progress('protecting-key');
  const key = await privateKeyFromPem(backend, request.privateKeyPem, password);
  if (!key.ok) {
    throw new RequestKeyError(
      key.reason === 'unreadable'
        ? `The private key of this request (${keyFileName}) cannot be read. Make a new request.`
        : key.reason === 'passphrase-needed'
          ? `Enter the passphrase that protects ${keyFileName} of this request.`
          : `The passphrase does not unlock ${keyFileName} of this request. Enter the passphrase you chose when you made the request.`,
    );
  }
  try {
    if (spkiSha256Hex(publicKeyOf(key.pkcs8)) !== request.spkiSha256Hex) {
      throw new RequestKeyError(
        `The private key (${keyFileName}) does not belong to this request. Use the ${keyFileName} downloaded with ${requestFileName}.`,
      );
    }
    progress('packaging-pfx');
    const certificate = forge.pki.certificateFromAsn1(fromDer(summary.certificateDer));
    const commonName = subjectAttributesOf(certificate).findLast((a) => a.type === 'CN')?.value;
    const pfx = await buildPfx({
      backend,
      certificateDer: summary.certificateDer,
      pkcs8: key.pkcs8,
      password: password ?? '',
      encryption: input.pfxEncryption,
      friendlyName: commonName || undefined,
    });
    return {
      ...summary,
      privateKeyPem: request.privateKeyPem,
      privateKeyEncrypted: request.privateKeyEncrypted,
      pfx,
      pfxEncryption: input.pfxEncryption,
      keyGeneration: request.keyGeneration,
      warnings,
    };
  } finally {
    key.pkcs8.fill(0);
  }
}

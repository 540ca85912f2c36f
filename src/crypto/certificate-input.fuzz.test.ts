/**
 * Hostile and random input through the upload check and the chain finder: each must answer (a certificate or a
 * refusal with a message for the user), never throw and never take long. The generator is seeded, so a failure
 * reproduces; its seed and case name are in the failure message.
 */
import { describe, expect, it } from 'vitest';
import procedureCertPem from './fixtures/procedure-cert.pem?raw';
import expiredCertPem from './fixtures/expired-cert.pem?raw';
import { fromBase64, toBase64, utf8 } from './bytes';
import { decodeCertificateList, scanPemBlocks } from './certificate-input';
import { maxCertificateInputBytes } from './certificate-input-error';
import { inspectCertificate } from './inspect-certificate';

const now = new Date('2030-01-01T00:00:00Z');
const pemBody = (pem: string) => fromBase64(pem.replace(/-----[A-Z ]+-----/g, ''));
const certificateDer = pemBody(procedureCertPem);

/** mulberry32: a small seeded PRNG, so that every run feeds the same inputs. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  return { int, pick, bytes };
}

const seed = 20250601;
const random = prng(seed);

const labels = [
  'CERTIFICATE',
  'TRUSTED CERTIFICATE',
  'X509 CERTIFICATE',
  'PKCS7',
  'CERTIFICATE REQUEST',
  'PUBLIC KEY',
  'A',
  '',
] as const;
const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** Text made of the pieces PEM files are made of, in random order. */
function pemLikeText(): string {
  const pieces: string[] = [];
  const count = 1 + random.int(40);
  for (let i = 0; i < count; i++) {
    const label = random.pick(labels);
    pieces.push(
      random.pick([
        `-----BEGIN ${label}-----\n`,
        `-----END ${label}-----\n`,
        '-----',
        '\n',
        '\r\n',
        'Proc-Type: 4,ENCRYPTED\n',
        Array.from({ length: random.int(200) }, () => random.pick([...base64Alphabet])).join(''),
        toBase64(certificateDer).slice(0, random.int(1200)),
        toBase64(random.bytes(random.int(300))),
      ]),
    );
  }
  return pieces.join('');
}

/** The certificate's DER with a few bytes changed, cut short, or a length field made huge. */
function mutatedDer(): Uint8Array {
  const der = certificateDer.slice();
  const kind = random.int(3);
  if (kind === 0) {
    for (let i = 0, n = 1 + random.int(8); i < n; i++) der[random.int(der.length)] = random.int(256);
    return der;
  }
  if (kind === 1) return der.subarray(0, random.int(der.length));
  const at = random.int(der.length - 6);
  der.set([0x84, 0xff, 0xff, 0xff, 0xff], at);
  return der;
}

/** A SEQUENCE nested `depth` times, each of definite length. */
function nestedSequences(depth: number): Uint8Array {
  let inner: Uint8Array = new Uint8Array([0x05, 0x00]);
  for (let i = 0; i < depth; i++) {
    const length = inner.length;
    const header =
      length < 0x80
        ? [0x30, length]
        : length < 0x100
          ? [0x30, 0x81, length]
          : length < 0x10000
            ? [0x30, 0x82, length >> 8, length & 0xff]
            : [0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
    const next = new Uint8Array(header.length + length);
    next.set(header);
    next.set(inner, header.length);
    inner = next;
  }
  return inner;
}

const mb = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.floor(size / unit.length));
const justUnder = maxCertificateInputBytes - 64;
const certificateBlock = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;

/** The inputs of the issue and their relatives: big, and made to make a naive parser do quadratic work. */
const adversarial: [string, string | Uint8Array][] = [
  ['2 MB of -----BEGIN A----- lines', fill('-----BEGIN A-----\n', 2 * mb)],
  ['the same as file bytes', utf8(fill('-----BEGIN A-----\n', 2 * mb))],
  ['just under the size limit of -----BEGIN A----- lines', fill('-----BEGIN A-----\n', justUnder)],
  ['just under the size limit of BEGIN CERTIFICATE lines', fill('-----BEGIN CERTIFICATE-----\n', justUnder)],
  ['BEGIN lines without a line break', fill('-----BEGIN A-----', justUnder)],
  [
    'nested BEGINs closed once',
    `${fill('-----BEGIN CERTIFICATE-----\n', justUnder - 30)}-----END CERTIFICATE-----`,
  ],
  [
    'an unterminated BEGIN and a megabyte of base64',
    `-----BEGIN CERTIFICATE-----\n${fill('QUJD', justUnder - 40)}`,
  ],
  ['a megabyte of base64 in one block', certificateBlock(fill('QUJDRA==', justUnder - 60))],
  ['a megabyte of base64 without headers', fill('QUJD', justUnder)],
  ['a megabyte of a header line without a colon', certificateBlock(fill('a', justUnder - 60))],
  ['a megabyte of header lines', certificateBlock(fill('Name: value\n', justUnder - 60))],
  ['a megabyte of dashes', fill('-', justUnder)],
  ['a label a megabyte long', `-----BEGIN ${fill('A', justUnder - 20)}-----`],
  ['END lines only', fill('-----END CERTIFICATE-----\n', justUnder)],
  ['PRIVATE KEY markers', fill('PRIVATE KEY-----', justUnder)],
  [
    'the same certificate a thousand times',
    procedureCertPem.repeat(Math.floor(justUnder / procedureCertPem.length)),
  ],
  [
    'seven hundred distinct certificates',
    Array.from({ length: 700 }, (_, i) => {
      const der = certificateDer.slice();
      der.set([i >> 8, i & 0xff], der.length - 2); // the signature's last bytes
      return certificateBlock(toBase64(der));
    }).join(''),
  ],
  ['two unrelated certificates, repeated', (procedureCertPem + expiredCertPem).repeat(300)],
  [
    'PKCS7 blocks of garbage',
    fill(`-----BEGIN PKCS7-----\n${toBase64(random.bytes(90))}\n-----END PKCS7-----\n`, justUnder),
  ],
  ['random bytes, a megabyte', random.bytes(justUnder)],
  [
    'deeply nested indefinite-length SEQUENCEs',
    Uint8Array.from(fill('\x30\x80', justUnder), (c) => c.charCodeAt(0)),
  ],
  ['deeply nested definite-length SEQUENCEs', nestedSequences(5000)],
  ['a length field of 127 bytes', Uint8Array.from([0x30, 0xff, ...new Array<number>(127).fill(0xff), 0x00])],
  ['a length of 4 GB', Uint8Array.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00])],
  ['a megabyte-long definite length', Uint8Array.from([0x30, 0x83, 0x0f, 0xff, 0xc0, ...random.bytes(1000)])],
  ['a truncated certificate', certificateDer.subarray(0, certificateDer.length - 1)],
  ['a certificate with a byte after it', Uint8Array.from([...certificateDer, 0])],
];

const randomCases: [string, string | Uint8Array][] = [
  ...Array.from({ length: 150 }, (_, i): [string, Uint8Array] => [
    `random bytes #${i}`,
    random.bytes(random.int(3000)),
  ]),
  ...Array.from({ length: 150 }, (_, i): [string, string] => [`PEM-looking text #${i}`, pemLikeText()]),
  ...Array.from({ length: 150 }, (_, i): [string, Uint8Array] => [
    `a mutated certificate #${i}`,
    mutatedDer(),
  ]),
  ...Array.from({ length: 50 }, (_, i): [string, string] => [
    `a mutated certificate as PEM #${i}`,
    certificateBlock(toBase64(mutatedDer())),
  ]),
];

// A linear parser answers each of these in tens of milliseconds; a quadratic one took minutes for the first.
const boundMs = 1000;

/**
 * Runs `check` and returns its answer and how long it took, in ms: the best of up to three runs, so that a busy machine
 * pausing the test now and then does not fail it. Work that grows faster than the input never gets under the bound.
 */
function timed<T>(check: () => T): { result: T; ms: number } {
  let best: { result: T; ms: number } | undefined;
  for (let run = 0; run < 3 && (best === undefined || best.ms >= boundMs); run++) {
    const start = performance.now();
    const result = check();
    const ms = performance.now() - start;
    if (best === undefined || ms < best.ms) best = { result, ms };
  }
  return best as { result: T; ms: number };
}

type Answer = { ok: true } | { ok: false; error: { code: string; message: string } };

function expectAnswer(name: string, answer: Answer) {
  if (answer.ok) return;
  expect(answer.error.code, `${name} (seed ${seed})`).toMatch(/^[a-z-]+$/);
  expect(answer.error.message, `${name} (seed ${seed})`).toMatch(/^This .{20,}/);
}

describe('the upload check answers hostile input quickly', () => {
  it.each(adversarial)('%s', (name, input) => {
    const inspected = timed(() => inspectCertificate(input, { now }));
    expect(inspected.ms, `${name}: the check took ${Math.round(inspected.ms)} ms`).toBeLessThan(boundMs);
    expectAnswer(name, inspected.result);
    const listed = timed(() => decodeCertificateList(input));
    expect(listed.ms, `${name}: finding the certificates took ${Math.round(listed.ms)} ms`).toBeLessThan(
      boundMs,
    );
    expectAnswer(name, listed.result);
  });

  it('refuses input over the size limit before reading it, saying how big it is and what to choose', () => {
    const file = utf8(fill('-----BEGIN A-----\n', 2 * mb));
    const result = inspectCertificate(file, { now });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message: expect.stringMatching(
          /^This file is 2\.0 MB; a certificate file is a few KB\. Choose the certificate \(\.cer, \.crt or \.pem\)/,
        ),
      },
    });
    const pasted = inspectCertificate(fill('-----BEGIN A-----\n', 2 * mb), { now });
    expect(!pasted.ok && pasted.error.message).toMatch(/^This text is 2\.0 MB; a certificate is a few KB\./);
    expect(!decodeCertificateList(file).ok).toBe(true);
  });
});

describe(`random input (seed ${seed})`, () => {
  it('gets an answer for each of 500 inputs, each within the bound', () => {
    let accepted = 0;
    for (const [name, input] of randomCases) {
      const inspected = timed(() => inspectCertificate(input, { now }));
      expect(inspected.ms, `${name}: the check took ${Math.round(inspected.ms)} ms`).toBeLessThan(boundMs);
      expectAnswer(name, inspected.result);
      if (inspected.result.ok) accepted++;
      const listed = timed(() => decodeCertificateList(input));
      expect(listed.ms, `${name}: finding the certificates took ${Math.round(listed.ms)} ms`).toBeLessThan(
        boundMs,
      );
      expectAnswer(name, listed.result);
    }
    // The generator reaches past the first checks: some mutated certificates still parse as certificates.
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('scanPemBlocks', () => {
  it('finds each complete block, skipping a BEGIN without its END', () => {
    const text =
      'intro\r\n-----BEGIN CERTIFICATE-----\r\nQUJD\r\n-----END CERTIFICATE-----\r\n' +
      '-----BEGIN A-----\n-----BEGIN PKCS7-----\nREVG\n-----END PKCS7-----\n' +
      '-----BEGIN X509 CERTIFICATE-----R0hJ-----END X509 CERTIFICATE-----' +
      '-----BEGIN CERTIFICATE-----\nSktM\n-----END PKCS7-----\n' +
      '-------BEGIN TRUSTED CERTIFICATE-----\nTU5P\n-----END TRUSTED CERTIFICATE-----\n' +
      '-----BEGIN CERTIFICATE-----\nUFFS';
    expect(scanPemBlocks(text)).toEqual([
      { label: 'CERTIFICATE', body: '\r\nQUJD\r\n' },
      { label: 'PKCS7', body: '\nREVG\n' },
      { label: 'X509 CERTIFICATE', body: 'R0hJ' },
      { label: 'TRUSTED CERTIFICATE', body: '\nTU5P\n' },
    ]);
  });

  it('takes linear time on input far over the size limit', () => {
    const text = fill('-----BEGIN A-----\n', 8 * mb);
    const scanned = timed(() => scanPemBlocks(text));
    expect(scanned.ms).toBeLessThan(boundMs);
    expect(scanned.result).toEqual([]);
  });
});

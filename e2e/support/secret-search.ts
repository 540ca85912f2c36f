/**
 * What the secret scan (`secret-scan.ts`) looks for and how: the secret material a test saw, the shapes of secrets
 * anyone made, and the search that names what it found and where without printing it. Plain Node, unit-tested.
 */
import { strFromU8, unzipSync } from 'fflate';

/** A secret, and what it is: findings name it by `what`, never by its value. */
export interface SecretValue {
  readonly what: string;
  readonly value: string;
}

/** What the test saw that must never be stored, logged or put in an address. */
export interface SecretMaterial {
  add(what: string, value: string | null | undefined): void;
  /** A source read when the scan runs, e.g. the emulator's issued secrets and tokens. */
  addSource(source: () => readonly SecretValue[]): void;
  /** Every value known now, sources read. */
  values(): SecretValue[];
}

/** Shorter values could match by chance; no secret the wizard handles is this short. */
const MIN_LENGTH = 8;

export function createSecretMaterial(): SecretMaterial {
  const known = new Map<string, string>();
  const sources: (() => readonly SecretValue[])[] = [];
  const add = (what: string, value: string | null | undefined) => {
    if (value && value.length >= MIN_LENGTH && !known.has(value)) known.set(value, what);
  };
  return {
    add,
    addSource: (source) => void sources.push(source),
    values() {
      for (const source of sources) for (const s of source()) add(s.what, s.value);
      return [...known].map(([value, what]) => ({ what, value }));
    },
  };
}

/** Secrets recognised by their shape, whoever made them. */
export const PATTERNS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a PEM private key (“PRIVATE KEY”)', pattern: /PRIVATE KEY/ },
  { what: 'a JWT (an access or ID token)', pattern: /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/ },
];

/** A place that could hold a secret: where it is, and its text. */
export interface Place {
  readonly where: string;
  readonly text: string;
}

/** Each secret or pattern found, as “what: in where”, without the secret. */
export function findSecrets(places: readonly Place[], secrets: readonly SecretValue[]): string[] {
  const found: string[] = [];
  for (const place of places) {
    for (const { what, pattern } of PATTERNS)
      if (pattern.test(place.text)) found.push(`${what}: in ${place.where}`);
    for (const { what, value } of secrets)
      if (place.text.includes(value) || place.text.includes(encodeURIComponent(value)))
        found.push(`${what}: in ${place.where}`);
  }
  return [...new Set(found)];
}

/** The secret material in a downloaded file: the key's body, the PFX, credentials.json's values, a ZIP's entries. */
export function secretsInFile(name: string, bytes: Uint8Array): SecretValue[] {
  const base = name.split('/').at(-1) ?? name;
  if (base.endsWith('.zip')) {
    return Object.entries(unzipSync(bytes)).flatMap(([entry, content]) =>
      secretsInFile(`${name}/${entry}`, content),
    );
  }
  if (base.endsWith('.pfx') || base.endsWith('.p12')) {
    return [
      { what: `${name} (its bytes in base64)`, value: Buffer.from(bytes).toString('base64').slice(0, 64) },
    ];
  }
  const text = strFromU8(bytes);
  if (/PRIVATE KEY-----/.test(text)) {
    // The first line of the base64 body: the same in the file and in any copy of it, with or without line breaks.
    const body = text.split('\n').find((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line.trim()));
    return body ? [{ what: `the private key in ${name}`, value: body.trim() }] : [];
  }
  if (base === 'credentials.json') {
    const values = JSON.parse(text) as Record<string, unknown>;
    return ['Client Secret', 'Private key passphrase']
      .filter((key) => typeof values[key] === 'string')
      .map((key) => ({ what: `“${key}” of ${name}`, value: values[key] as string }));
  }
  return [];
}

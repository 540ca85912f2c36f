/**
 * A rough strength estimate for a passphrase the user typed, without a dictionary dependency: entropy from the
 * character classes used, discounted for repeats, runs such as `abcd` or `4321`, keyboard rows and common words.
 * It is deliberately pessimistic about patterns and generous about nothing else; it is a nudge, not a proof.
 */

/** Strength bands shown to the user. */
export type PassphraseStrengthLabel = 'too-weak' | 'fair' | 'strong';

/** Result of {@link estimatePassphraseStrength}. */
export interface PassphraseStrength {
  /** Estimated entropy in bits, rounded down. */
  bits: number;
  label: PassphraseStrengthLabel;
  /** One sentence saying what the label means and how to improve it. */
  hint: string;
}

/** Below this many bits a passphrase is "too weak". */
export const weakBelowBits = 50;
/** From this many bits up a passphrase is "strong". */
export const strongFromBits = 80;

const commonWords = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'monkey',
  'dragon',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'master',
  'shadow',
  'secret',
  'login',
  'trustno1',
  'changeme',
  'azure',
  'microsoft',
  'office',
  'entra',
  'certificate',
  'summer',
  'winter',
  'spring',
  'autumn',
];

const keyboardRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

function charsetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[0-9]/.test(text)) size += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) size += 33;
  if ([...text].some((c) => (c.codePointAt(0) ?? 0) > 0x7f)) size += 100;
  return size;
}

/** Characters that add entropy: a repeat of the previous character or the continuation of a run adds none. */
function effectiveLength(chars: string[]): number {
  let length = 0;
  let previousStep: number | undefined;
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]?.codePointAt(0) ?? 0;
    const previous = i > 0 ? chars[i - 1]?.codePointAt(0) : undefined;
    const step = previous === undefined ? undefined : code - previous;
    const repeat = step === 0;
    const run = step !== undefined && Math.abs(step) === 1 && step === previousStep;
    if (!repeat && !run) length += 1;
    previousStep = step;
  }
  return length;
}

/** Characters covered by common words and keyboard-row fragments of four or more. */
function patternPenalty(text: string): number {
  const lower = text.toLowerCase();
  let penalty = 0;
  for (const word of commonWords) {
    if (lower.includes(word)) penalty += word.length - 1;
  }
  for (const row of keyboardRows) {
    for (const source of [row, [...row].reverse().join('')]) {
      for (let start = 0; start + 4 <= source.length; start++) {
        let end = start + 4;
        if (!lower.includes(source.slice(start, end))) continue;
        while (end < source.length && lower.includes(source.slice(start, end + 1))) end++;
        penalty += end - start - 1;
        start = end - 1;
      }
    }
  }
  return penalty;
}

/** Estimates the strength of a typed passphrase. */
export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  const chars = [...passphrase];
  const length = Math.max(0, effectiveLength(chars) - patternPenalty(passphrase));
  const size = charsetSize(passphrase);
  const bits = size === 0 ? 0 : Math.floor(length * Math.log2(size));
  if (bits < weakBelowBits) {
    return {
      bits,
      label: 'too-weak',
      hint: 'Too weak: use at least 12 random characters mixing upper and lower case letters and digits, or generate one.',
    };
  }
  if (bits < strongFromBits) {
    return {
      bits,
      label: 'fair',
      hint: 'Fair: add more random characters (16 or more) or generate one, so the key stays safe if the file leaks.',
    };
  }
  return { bits, label: 'strong', hint: 'Strong: keep it in a password manager; it cannot be recovered.' };
}

/**
 * Characters that do not show as themselves: bidirectional controls that reorder the text around them (so that
 * "Contoso \u202Eexe.fdp" reads "Contoso pdf.exe"), zero-width and other invisible characters, and control
 * characters such as tabs and line breaks. A name that reaches Microsoft (the consent prompt, the certificate list)
 * may hold none of them, and a value the wizard repeats back shows them by their code points.
 */

/** Control characters, and the line and paragraph separators, which break a one-line value. */
const control = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/**
 * Format characters (every bidirectional control, the zero-width characters, the tag characters) and the other
 * characters Unicode says to draw as nothing, such as the Hangul fillers.
 */
const invisible = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Variation selectors choose how the character before them is drawn (an emoji in colour, a Mongolian letter form);
 * they cannot hide or reorder text, and emoji need them.
 */
const variationSelector = /[\uFE00-\uFE0F\u180B-\u180D\u180F\u{E0100}-\u{E01EF}]/u;

const names: Readonly<Record<number, string>> = {
  0x09: 'tab',
  0x0a: 'line break',
  0x0d: 'carriage return',
  0xad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x115f: 'Hangul filler',
  0x1160: 'Hangul filler',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfeff: 'zero-width no-break space',
  0xffa0: 'Hangul filler',
};

/** One hidden character, as a message names it. */
export interface HiddenCharacter {
  readonly char: string;
  /** `U+202E`. */
  readonly codePoint: string;
  /** `right-to-left override`, without an article. */
  readonly name: string;
  /** A control character or line separator rather than an invisible one. */
  readonly control: boolean;
}

/** `U+202E` for "\u202E"; at least four hex digits, as Unicode writes them. */
export function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The length as people count it: in characters (code points), so an emoji counts once, not as two UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

function hiddenCharacter(char: string): HiddenCharacter | null {
  const isControl = control.test(char);
  if (!isControl && (!invisible.test(char) || variationSelector.test(char))) return null;
  const code = char.codePointAt(0) ?? 0;
  const fallback = isControl
    ? 'control character'
    : code >= 0xe0000 && code <= 0xe007f
      ? 'tag character'
      : 'formatting character';
  return { char, codePoint: codePointOf(char), name: names[code] ?? fallback, control: isControl };
}

/** The hidden characters in `value`, each once, in the order they first appear. */
export function hiddenCharacters(value: string): HiddenCharacter[] {
  const found = new Map<string, HiddenCharacter>();
  for (const char of value) {
    if (found.has(char)) continue;
    const hidden = hiddenCharacter(char);
    if (hidden) found.set(char, hidden);
  }
  return [...found.values()];
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const described = (c: HiddenCharacter) => `${article(c.name)} ${c.name} (${c.codePoint})`;
const listed = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

/** How {@link hiddenCharacterProblem} speaks of the value. */
export interface HiddenCharacterWording {
  /** What contains the characters, starting a sentence: `The name`, `Common name (CN)`. */
  readonly subject: string;
  /** The value, inside a sentence: `the name`, `the value`. */
  readonly noun: string;
  /** Where the value is shown to people: `on the consent prompt`. */
  readonly where: string;
}

/**
 * What is wrong with a value that holds hidden characters, naming each by its code point, and how to fix it; null
 * when it holds none.
 */
export function hiddenCharacterProblem(value: string, wording: HiddenCharacterWording): string | null {
  const found = hiddenCharacters(value);
  if (!found.length) return null;
  const { subject, noun, where } = wording;
  if (found.every((c) => c.control)) {
    const what = found.length > 1 ? 'which are control characters' : 'a control character';
    return `${subject} contains ${listed(found.map(described))}, ${what}. Remove control characters such as tabs or line breaks.`;
  }
  const [only] = found;
  const what =
    found.length === 1 && only
      ? `an invisible ${only.name} (${only.codePoint})`
      : `invisible characters: ${listed(found.map(described))}`;
  const them = found.length > 1 ? 'them' : 'it';
  return `${subject} contains ${what}, which can make it display as something else ${where}. Remove ${them} and type ${noun} again.`;
}

/** `value` with every hidden character written as its code point in brackets (`[U+202E]`), for repeating it back. */
export function showHidden(value: string): string {
  let out = '';
  for (const char of value) out += hiddenCharacter(char) ? `[${codePointOf(char)}]` : char;
  return out;
}

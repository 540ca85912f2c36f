/**
 * The query of a shared link, read as the wizard reads it (src/wizard/share-link.ts): each parameter decoded once, a
 * broken %-escape kept apart rather than turned into "�", repeats counted; and a bad value quoted short and visible.
 */
import { showHidden } from '../catalog/hidden-characters';

/** How much of a bad value a message repeats, in characters. */
const ECHO_MAX = 60;

/**
 * A value from the link as a message repeats it: quoted, each hidden character written as its code point, and cut
 * after {@link ECHO_MAX} characters with its full length, so a huge or tricky value cannot flood or garble the page.
 */
export function quoteLinkValue(value: string): string {
  const chars = [...value];
  if (chars.length <= ECHO_MAX) return `"${showHidden(value)}"`;
  return `"${showHidden(chars.slice(0, ECHO_MAX).join(''))}…" (${chars.length} characters)`;
}

/** One parameter the wizard reads, as the link first gives it. */
export interface LinkParameter {
  /** The decoded value; null when the parameter has a broken %-escape. */
  readonly value: string | null;
  /** The value as written in the link, for the message about a broken %-escape. */
  readonly raw: string;
  /** How many times the link gives the parameter. */
  count: number;
}

/** Decodes one part of a query as a form does ("+" is a space); null for a broken %-escape. */
function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The parameters of `search` that `isRead` picks, in the order the link first gives them. One rule for all of them:
 * the first of a repeated parameter is the one used. The query is decoded here rather than by URLSearchParams, which
 * turns a broken %-escape into "�" and keeps the rest, so a broken value is reported instead of applied.
 */
export function readParameters(search: string, isRead: (key: string) => boolean): Map<string, LinkParameter> {
  const parameters = new Map<string, LinkParameter>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const rawKey = at < 0 ? part : part.slice(0, at);
    const raw = at < 0 ? '' : part.slice(at + 1);
    const decodedKey = decodePart(rawKey);
    const key = decodedKey ?? rawKey;
    if (!isRead(key)) continue;
    const seen = parameters.get(key);
    if (seen) seen.count += 1;
    else parameters.set(key, { value: decodedKey === null ? null : decodePart(raw), raw, count: 1 });
  }
  return parameters;
}

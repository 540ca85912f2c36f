/** Distinguished names as people read them, e.g. `CN=ADomain, O=An Org, ST=Some-State, C=AU`. */

/** One attribute of a name, in certificate (most general first) order. */
export interface NameAttribute {
  /** Short name such as CN, or the dotted OID when there is none. */
  type: string;
  value: string;
}

/** Escapes a value per RFC 4514 section 2.4. */
function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, '\\$&')
    .replace(/^[#\s]/, '\\$&')
    .replace(/\s$/, '\\ ');
}

/**
 * Formats a name the way the Entra portal and .NET show certificate subjects: most specific attribute first,
 * separated by ", ".
 */
export function formatDistinguishedName(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((a) => `${a.type}=${escapeValue(a.value)}`)
    .join(', ');
}

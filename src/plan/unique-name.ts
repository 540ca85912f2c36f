/**
 * The `uniqueName` alternate key for a display name. Re-running the wizard with the same name updates the same
 * registration instead of creating a second one. Names without Latin letters or digits get a stable hash instead.
 */
export function uniqueNameFor(displayName: string): string {
  const slug = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `entra-setup-wizard-${slug || fnv1a(displayName)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

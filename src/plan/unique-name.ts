/**
 * The `uniqueName` alternate key of the registration. The same display name always gives the same key, so running the
 * wizard again updates that registration instead of creating a second one; different display names always give
 * different keys, in any script, so one name can never take over the registration of another.
 *
 * The key reads as `entra-setup-wizard-<slug>-<hash>`: the slug is the name in Latin letters (Cyrillic and Greek are
 * transliterated, other scripts and emoji are left out) so that admins recognise it in the portal; the hash is of the
 * exact name, and is what keeps different names apart ("Продажи 365" and "Маркетинг 365", "Contoso" and "contoso",
 * "販売" and "営業").
 */

import { fnv1a } from './fnv';

const PREFIX = 'entra-setup-wizard';
const MAX_SLUG = 60;

// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian) and Greek, lower case, after the
// common romanisations (BGN/PCGN-like, without diacritics).
// prettier-ignore
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ђ: 'dj', ѓ: 'gj', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z',
  ѕ: 'dz', и: 'i', і: 'i', ї: 'yi', й: 'y', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', ќ: 'kj', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dz',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** The name in lower-case Latin letters and digits joined by hyphens; empty when nothing Latin is left. */
export function slugOf(displayName: string): string {
  // Letters are looked up whole (й, ё) and then by their base letter (ά → α), so accents never hide a letter.
  const latin = [...displayName.normalize('NFC').toLowerCase()]
    .map((c) => LATIN[c] ?? LATIN[c.normalize('NFD').charAt(0)] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/** 64-bit FNV-1a of the UTF-8 bytes, as 12 hex digits: enough to keep a tenant's names apart. */
const nameHash = (text: string): string => fnv1a(text, 64).slice(0, 12);

/**
 * The unique name for a display name. `instance` (2, 3, …) names a further registration with the same display name,
 * when the admin asks for a new one instead of updating the one the name finds.
 */
export function uniqueNameFor(displayName: string, instance = 1): string {
  const exact = displayName.trim().normalize('NFC');
  const slug = slugOf(exact);
  const parts = [PREFIX, slug, nameHash(exact), instance > 1 ? String(instance) : ''];
  return parts.filter(Boolean).join('-');
}

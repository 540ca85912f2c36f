/**
 * The links users see when they consent: `info` (an informationalUrl) and `web.homePageUrl`. Graph names no rule for
 * them; the emulator holds each to null or an absolute http(s) URL of at most 2048 characters, as the portal's
 * Branding & properties page does.
 */

/** Whether a link is absent, null, or an absolute http(s) URL. */
export function validLink(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'string' && value.length <= 2048 && /^https?:\/\/\S+$/i.test(value);
}

/** Whether `info` is null or an object whose links are each valid (annotations aside). */
export function validInfo(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([k, v]) => k.startsWith('@odata.') || validLink(v));
}

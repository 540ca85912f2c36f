import { characterCount, hiddenCharacterProblem } from './hidden-characters';

/**
 * Limits Microsoft Entra ID enforces on app registrations, so the wizard rejects what Entra would reject, with a
 * message that says how to fix it. Source: Microsoft Entra docs "Redirect URI (reply URL) restrictions"
 * (docs/identity-platform/reply-url.md) and the portal's registration form.
 */
/**
 * The portal's limit on an app registration's name, in characters (code points). Graph allows 256; even counted in
 * UTF-16 units, as Graph may count, 120 characters are at most 240.
 */
export const DISPLAY_NAME_MAX = 120;
export const REDIRECT_URI_MAX = 256;
/** Characters Entra does not support in redirect URIs. */
export const REDIRECT_URI_FORBIDDEN = ['!', '$', "'", '(', ')', ',', ';'] as const;

/** Why a redirect URI would be rejected, or null when Entra accepts it for a Web platform. */
export function redirectUriProblem(value: string): string | null {
  const uri = value.trim();
  if (!uri) return 'Enter a redirect URI.';
  const hidden = hiddenCharacterProblem(uri, {
    subject: 'The redirect URI',
    noun: 'the URI',
    where: 'in the portal and in your platform’s settings',
  });
  if (hidden) return hidden;
  if (uri.length > REDIRECT_URI_MAX) {
    return `Shorten it to ${REDIRECT_URI_MAX} characters or fewer (it has ${uri.length}).`;
  }
  const forbidden = REDIRECT_URI_FORBIDDEN.filter((c) => uri.includes(c));
  if (forbidden.length) {
    return `Remove ${forbidden.map((c) => `"${c}"`).join(', ')}: Entra does not accept these characters.`;
  }
  if (uri.includes('*')) return 'Remove the wildcard "*": list each redirect URI exactly.';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'Enter an absolute URI such as https://app.example.com/oauth/callback.';
  }
  if (uri.includes('#')) return 'Remove the fragment (the part from "#"): Entra does not allow fragments.';
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !loopback) {
    return 'Use https://. Plain http is allowed only for http://localhost and http://127.0.0.1.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Use https:// (a Web redirect URI cannot use ${url.protocol}).`;
  }
  if (!url.hostname) return 'Add a host name, such as https://app.example.com/callback.';
  return null;
}

/**
 * Why a display name would be rejected, or null. Besides Entra's own rules, the name may hold no bidirectional
 * control, invisible or control character: it is what every user reads on the consent prompt.
 */
export function displayNameProblem(value: string): string | null {
  const name = value.trim();
  if (!name) return 'Enter a name for the app registration.';
  const length = characterCount(name);
  if (length > DISPLAY_NAME_MAX) {
    return `Shorten the name to ${DISPLAY_NAME_MAX} characters or fewer (it has ${length}).`;
  }
  return hiddenCharacterProblem(name, {
    subject: 'The name',
    noun: 'the name',
    where: 'on the consent prompt',
  });
}

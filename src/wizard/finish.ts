import { privateKeyOf, type WizardAnswers } from './answers';

/**
 * Finish: the admin is done with this setup. The wizard drops everything secret it holds in the page (the client
 * secret, the private key and its passphrase, the certificate prepared ahead, the half-typed forms, the sign-in's
 * tokens) and opens again on the start page. JavaScript cannot overwrite a string in place: "removed" means the page
 * keeps no reference to it, so nothing on screen or in the wizard's state can show it again.
 */

/** The words for the client secret, as the warnings before leaving say them. */
export const CLIENT_SECRET = 'the client secret';

/** What exists only in this page and would be removed by Finish, in words for the notice after it. */
export function secretsInPage(answers: WizardAnswers, clientSecret: boolean): string[] {
  const secrets = clientSecret ? [CLIENT_SECRET] : [];
  const key = privateKeyOf(answers.certificate);
  if (key) secrets.push('the private key');
  if (key?.encrypted) secrets.push('the passphrase');
  return secrets;
}

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The notice on the start page after Finish. */
export function finishedNotice(removed: readonly string[], signedOut: boolean): string {
  const what = removed.length
    ? `${capitalized(listInWords(removed))} ${removed.length === 1 ? 'was' : 'were'} removed from this page.`
    : 'Nothing secret was left in this page.';
  return `Finished. ${what}${signedOut ? ' The wizard forgot your sign-in too.' : ''}`;
}

/** The notice on the start page when the browser brings back a page the admin had left (its Back button). */
export function leftNotice(removed: readonly string[]): string {
  return `You left the wizard, so ${listInWords(removed)} ${removed.length === 1 ? 'was' : 'were'} removed from this page.`;
}

/** The confirmation Finish asks for while something exists only in this page. */
export function unsavedWarning(unsaved: readonly string[]): string {
  const one = unsaved.length === 1;
  return (
    `${capitalized(listInWords(unsaved))} ${one ? 'has' : 'have'} not been saved. Finishing removes ` +
    `${one ? 'it' : 'them'} from this page, and ${one ? 'it' : 'they'} cannot be recovered.`
  );
}

/** The answers after Finish: those the page opened with (a shared link's choices), on the start page again. */
export function answersAfterFinish(opening: WizardAnswers): WizardAnswers {
  return { ...opening, path: null, certificate: null, savedFiles: [] };
}

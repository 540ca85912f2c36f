import { isSignedIn } from '../../auth/signed-in';

/** What the sign-in step tells the admin it asks for, and why. */
export const SIGN_IN_EXPLANATION =
  'The wizard signs you in and reads your basic profile (User.Read). It asks for permission to create app ' +
  'registrations (Application.ReadWrite.All) only when you click Create, and for consent permissions only if you ' +
  'choose to grant admin consent.';

/** The shell's Next button appears once someone is signed in. */
export function signInNextLabel(): string | null {
  return isSignedIn() ? 'Next' : null;
}

/** Nothing to ask once someone is signed in (the start card signs in): Next from Start goes on to Connectors. */
export function signInPassOver(): boolean {
  return isSignedIn();
}

import type { StepContext } from '../../wizard/step-definition';

/** What the sign-in step tells the admin it asks for, and why. */
export const SIGN_IN_EXPLANATION =
  'The wizard signs you in and reads your basic profile (User.Read). It asks for permission to create app ' +
  'registrations (Application.ReadWrite.All) only when you click Create, and for consent permissions only if you ' +
  'choose to grant admin consent.';

/** The shell's Next button appears once someone is signed in. */
export function signInNextLabel(context: StepContext): string | null {
  return context.signedIn ? 'Next' : null;
}

/** Nothing to ask once someone is signed in (the start card signs in): Next from Start goes on to Connectors. */
export function signInPassOver(context: StepContext): boolean {
  return context.signedIn;
}

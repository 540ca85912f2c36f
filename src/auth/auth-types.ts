import type { AuthErrorExplanation } from './explain-auth-error';
import type { GetToken } from '../config/get-token';

/** The signed-in admin, as the wizard shows them. */
export interface AuthAccount {
  /** Display name from the ID token (`name`). */
  readonly name: string;
  /** Sign-in name (`preferred_username`), e.g. admin@contoso.onmicrosoft.com. */
  readonly username: string;
  /** Directory (tenant) ID from the ID token's `tid` claim: the tenant the registration will be created in. */
  readonly tenantId: string;
}

/** How `signIn` asks: the account picker or not, and whether a full-page redirect may replace a blocked popup. */
export interface SignInOptions {
  /** Show Microsoft's account picker even when a session exists ("Use another account"). */
  readonly selectAccount?: boolean;
  /**
   * Whether to sign in by redirecting the whole page when the browser blocks the popup. The page reloads, so pass
   * false while anything exists only in this page (a generated private key). Default true.
   */
  readonly allowRedirect?: boolean;
  /**
   * Graph permissions to ask for in the same window as the sign-in (check and repair reads registrations from the
   * next screen on). Default none beyond User.Read.
   */
  readonly permissions?: readonly string[];
}

/** What `useAuth()` returns when sign-in is configured. */
export interface Auth {
  /** The signed-in account, or null. */
  readonly account: AuthAccount | null;
  /**
   * True while a sign-in, sign-out or permission window is open. The admin may have closed it (MSAL cannot tell):
   * keep the buttons usable, a new click replaces the waiting window.
   */
  readonly busy: boolean;
  /** Why the last sign-in or sign-out failed, explained; null after a success. */
  readonly error: AuthErrorExplanation | null;
  /**
   * Signs in with `openid profile User.Read` in a popup, falling back to a full-page redirect when popups are
   * blocked. Call it from a click handler, with no await before it. Resolves true once this call signed someone in;
   * false when it failed (the reason lands in `error`), was replaced by a newer click, or left for a redirect.
   * Never rejects.
   */
  readonly signIn: (options?: SignInOptions) => Promise<boolean>;
  /** Signs out of Microsoft in a popup and forgets every token. Never rejects: failures land in `error`. */
  readonly signOut: () => Promise<void>;
  /**
   * Forgets the account and every token this page holds, with no window: the wizard's Finish. The Microsoft session
   * in the browser stays, so signing in again may not ask for a password. Never rejects.
   */
  readonly forgetSignIn: () => Promise<void>;
  /**
   * Asks for more Graph permissions (incremental consent) in a popup, unless a token with them is already held.
   * Call it first thing in a click handler (browsers block popups that no click opened). `reason` says what they
   * are for ("create the app registration"), for the error text. Rejects with {@link AuthFailure}; ignore
   * `explanation.kind === 'replaced'` (a newer click took over a window the admin had closed). `whileAsking` runs once
   * the window is open, only if one opens: work that can overlap the admin's answer.
   */
  readonly requestPermissions: (
    permissions: readonly string[],
    reason: string,
    whileAsking?: () => void,
  ) => Promise<void>;
  /** See {@link GetToken}. Never opens a window: when Microsoft wants interaction, call `requestPermissions`. */
  readonly getToken: GetToken;
}

/** An authentication failure, already explained for the admin. `cause` holds the original error. */
export class AuthFailure extends Error {
  readonly explanation: AuthErrorExplanation;

  constructor(explanation: AuthErrorExplanation, cause?: unknown) {
    super(`${explanation.title} (${explanation.errorCode})`, { cause });
    this.name = 'AuthFailure';
    this.explanation = explanation;
  }
}

import {
  type AuthenticationResult,
  CacheLookupPolicy,
  InteractionStatus,
  type IPublicClientApplication,
  type PopupRequest,
} from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Cloud } from '../config/clouds';
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';
import type { AccountStore } from './account-store';
import { AuthFailure, type Auth, type SignInOptions } from './auth-types';
import { explainAuthError, type AuthErrorExplanation } from './explain-auth-error';
import { graphScopes } from './graph-scopes';
import { createTokenMemo, type TokenMemo } from './token-memo';
import { AuthContext } from './use-auth';

/** The one MSAL instance (initialised, redirect handled) and what the sign-in API needs around it. */
export interface AuthProviderProps {
  readonly instance: IPublicClientApplication;
  readonly accounts: AccountStore;
  readonly cloud: Cloud;
  readonly clientId: string;
  readonly origin: string;
  /** Why a redirect sign-in that brought the page back failed, if it did. */
  readonly initialError: AuthErrorExplanation | null;
  readonly children: ReactNode;
}

/** MSAL's provider, and the wizard's own sign-in API (`useAuth()`) on top of it. */
export function AuthProvider({ instance, children, ...props }: AuthProviderProps) {
  return (
    <MsalProvider instance={instance}>
      <AuthApi {...props}>{children}</AuthApi>
    </MsalProvider>
  );
}

/** Keeps what MSAL returned in the page's token memo, for the account `key`. */
function holdToken(tokens: TokenMemo, key: string, result: AuthenticationResult): void {
  tokens.remember(key, {
    accessToken: result.accessToken,
    scopes: result.scopes,
    expiresAt: result.expiresOn?.getTime() ?? 0,
  });
}

const windowStatuses: readonly string[] = [InteractionStatus.AcquireToken, InteractionStatus.Logout];

/**
 * Runs popups so that a new click replaces one still waiting. MSAL v5 cannot see that the admin closed its popup (the
 * answer comes back through the redirect bridge, or not at all), so the next click overrides the waiting one.
 */
function usePopups() {
  const waiting = useRef(0);
  return useCallback(async <T,>(open: (override: boolean) => Promise<T>): Promise<T> => {
    const override = waiting.current > 0;
    waiting.current += 1;
    try {
      return await open(override);
    } finally {
      waiting.current -= 1;
    }
  }, []);
}

function AuthApi({
  accounts,
  cloud,
  clientId,
  origin,
  initialError,
  children,
}: Omit<AuthProviderProps, 'instance'>) {
  const { instance, inProgress } = useMsal();
  const account = useSyncExternalStore(accounts.subscribe, accounts.getSnapshot);
  const [error, setError] = useState(initialError);
  const popup = usePopups();
  // Keyed by account; cleared on sign-out, and an account change keys elsewhere.
  const [tokens] = useState(createTokenMemo);
  const explain = useCallback(
    (e: unknown, reason?: string) =>
      explainAuthError(e, { cloud, clientId, origin, ...(reason === undefined ? {} : { reason }) }),
    [cloud, clientId, origin],
  );

  const signIn = useCallback(
    async ({ selectAccount = false, allowRedirect = true, permissions = [] }: SignInOptions = {}) => {
      setError(null);
      const previous = instance.getActiveAccount();
      const request: PopupRequest = {
        scopes: graphScopes(cloud, [...WIZARD_PERMISSIONS.signIn, ...permissions]),
        ...(selectAccount ? { prompt: 'select_account' } : {}),
      };
      try {
        // No await before this call, so the popup opens within the click that asked for it.
        const result = await popup((override) =>
          instance.loginPopup({ ...request, overrideInteractionInProgress: override }),
        );
        if (previous && previous.homeAccountId !== result.account.homeAccountId) {
          await instance.clearCache({ account: previous });
        }
        return true;
      } catch (e) {
        const explanation = explain(e);
        if (explanation.kind === 'replaced') return false;
        if (explanation.kind !== 'popup-blocked' || !allowRedirect) {
          setError(explanation);
          return false;
        }
        // Popups are blocked: sign in in this window instead. The page comes back through handleRedirectPromise.
        await instance.loginRedirect(request).catch((e2: unknown) => setError(explain(e2)));
        return false;
      }
    },
    [instance, cloud, explain, popup],
  );

  const signOut = useCallback(async () => {
    setError(null);
    tokens.clear();
    const current = instance.getActiveAccount();
    if (!current) return;
    try {
      // Tracked like the sign-in windows: a sign-in clicked while this window still finishes takes over from it.
      await popup(() => instance.logoutPopup({ account: current }));
    } catch (e) {
      if (!instance.getActiveAccount()) return;
      const kind = explain(e).kind;
      // Without a popup, forget the account and its tokens here: they only ever lived in this page's memory.
      if (kind === 'popup-blocked' || kind === 'in-progress') await instance.clearCache({ account: current });
      else setError(explain(e));
    }
  }, [instance, explain, tokens, popup]);

  const forgetSignIn = useCallback(async () => {
    setError(null);
    tokens.clear();
    // Every account and token MSAL holds (in this page's memory only); the active account goes with them.
    await instance.clearCache().catch(() => undefined);
  }, [instance, tokens]);

  const requestPermissions = useCallback(
    async (permissions: readonly string[], reason: string, whileAsking?: () => void) => {
      const current = instance.getActiveAccount();
      if (!current) throw new AuthFailure(explain({ errorCode: 'no_account_error' }, reason));
      const scopes = graphScopes(cloud, permissions);
      const key = current.homeAccountId;
      // Held in this page already (a moment ago): nothing to ask.
      if (tokens.find(key, scopes, Date.now())) return;
      const hold = (result: AuthenticationResult) => holdToken(tokens, key, result);
      try {
        // A token that already carries the permissions (an earlier click) needs no window. Only the cache and a
        // refresh token are tried, never the hidden iframe, so the popup below still opens within the click.
        hold(
          await instance.acquireTokenSilent({
            scopes,
            account: current,
            cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
          }),
        );
        return;
      } catch {
        // Not held yet: ask for them.
      }
      try {
        const asked = popup((override) =>
          instance.acquireTokenPopup({ scopes, account: current, overrideInteractionInProgress: override }),
        );
        whileAsking?.();
        hold(await asked);
      } catch (e) {
        throw new AuthFailure(explain(e, reason), e);
      }
    },
    [instance, cloud, explain, popup, tokens],
  );

  const getToken = useCallback(
    async (permissions: readonly string[]) => {
      const current = instance.getActiveAccount();
      const reason = 'call Microsoft Graph';
      if (!current) throw new AuthFailure(explain({ errorCode: 'no_account_error' }, reason));
      try {
        const scopes = graphScopes(cloud, permissions);
        const key = current.homeAccountId;
        const held = tokens.find(key, scopes, Date.now());
        if (held) return held;
        const result = await instance.acquireTokenSilent({ scopes, account: current });
        holdToken(tokens, key, result);
        return result.accessToken;
      } catch (e) {
        throw new AuthFailure(explain(e, reason), e);
      }
    },
    [instance, cloud, explain, tokens],
  );

  const busy = windowStatuses.includes(inProgress);
  const value = useMemo<Auth>(
    () => ({ account, busy, error, signIn, signOut, forgetSignIn, requestPermissions, getToken }),
    [account, busy, error, signIn, signOut, forgetSignIn, requestPermissions, getToken],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

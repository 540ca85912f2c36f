import {
  CacheLookupPolicy,
  InteractionStatus,
  type IPublicClientApplication,
  type PopupRequest,
} from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Cloud } from '../config/clouds';
import type { AccountStore } from './account-store';
import { AuthFailure, type Auth, type SignInOptions } from './auth-types';
import { explainAuthError, type AuthErrorExplanation } from './explain-auth-error';
import { graphScopes, WIZARD_PERMISSIONS } from './graph-scopes';
import { AuthContext } from './use-auth';

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
  const explain = useCallback(
    (e: unknown, reason?: string) =>
      explainAuthError(e, { cloud, clientId, origin, ...(reason === undefined ? {} : { reason }) }),
    [cloud, clientId, origin],
  );

  const signIn = useCallback(
    async ({ selectAccount = false, allowRedirect = true }: SignInOptions = {}) => {
      setError(null);
      const previous = instance.getActiveAccount();
      const request: PopupRequest = {
        scopes: graphScopes(cloud, WIZARD_PERMISSIONS.signIn),
        ...(selectAccount ? { prompt: 'select_account' } : {}),
      };
      try {
        // Called before any await, so the popup opens within the click that asked for it.
        const result = await instance.loginPopup(request);
        if (previous && previous.homeAccountId !== result.account.homeAccountId) {
          await instance.clearCache({ account: previous });
        }
      } catch (e) {
        const explanation = explain(e);
        if (explanation.kind !== 'popup-blocked' || !allowRedirect) return setError(explanation);
        // Popups are blocked: sign in in this window instead. The page comes back through handleRedirectPromise.
        await instance
          .loginRedirect(request)
          .catch((redirectError: unknown) => setError(explain(redirectError)));
      }
    },
    [instance, cloud, explain],
  );

  const signOut = useCallback(async () => {
    setError(null);
    const current = instance.getActiveAccount();
    if (!current) return;
    try {
      await instance.logoutPopup({ account: current });
    } catch (e) {
      if (!instance.getActiveAccount()) return;
      // Without a popup, forget the account and its tokens: they only ever lived in this page's memory.
      if (explain(e).kind === 'popup-blocked') await instance.clearCache({ account: current });
      else setError(explain(e));
    }
  }, [instance, explain]);

  const requestPermissions = useCallback(
    async (permissions: readonly string[], reason: string) => {
      const current = instance.getActiveAccount();
      if (!current) throw new AuthFailure(explain({ errorCode: 'no_account_error' }, reason));
      const scopes = graphScopes(cloud, permissions);
      try {
        // A token that already carries the permissions (an earlier click) needs no window. Only the cache and the
        // refresh token are tried, never the hidden iframe, so the popup below still opens within the click.
        await instance.acquireTokenSilent({
          scopes,
          account: current,
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        return;
      } catch {
        // Not held yet: ask for them.
      }
      try {
        await instance.acquireTokenPopup({ scopes, account: current });
      } catch (e) {
        throw new AuthFailure(explain(e, reason), e);
      }
    },
    [instance, cloud, explain],
  );

  const getToken = useCallback(
    async (permissions: readonly string[]) => {
      const current = instance.getActiveAccount();
      const reason = 'call Microsoft Graph';
      if (!current) throw new AuthFailure(explain({ errorCode: 'no_account_error' }, reason));
      try {
        const result = await instance.acquireTokenSilent({
          scopes: graphScopes(cloud, permissions),
          account: current,
        });
        return result.accessToken;
      } catch (e) {
        throw new AuthFailure(explain(e, reason), e);
      }
    },
    [instance, cloud, explain],
  );

  const busy = inProgress !== InteractionStatus.None;
  const value = useMemo<Auth>(
    () => ({ account, busy, error, signIn, signOut, requestPermissions, getToken }),
    [account, busy, error, signIn, signOut, requestPermissions, getToken],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

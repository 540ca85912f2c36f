/**
 * Sign-in for the demo tenant: the wizard's `Auth`, answered in the page. Its sign-in page and permission prompt look
 * like Microsoft's and behave like the emulated tenant's: an administrator can consent; an ordinary user meets "Need
 * admin approval" (AADSTS65004), as on a real tenant.
 */
import { Dialog, FluentProvider } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { AuthFailure, type Auth, type AuthAccount } from '../auth/auth-types';
import { explainAuthError } from '../auth/explain-auth-error';
import { AuthContext } from '../auth/use-auth';
import { clouds } from '../config/clouds';
import { DEMO_CLIENT_ID, type DemoTenant } from './demo-tenant';
import { wizardTheme } from '../ui/theme';
import { DemoConsentDialog, DemoSignInDialog } from './demo-dialogs';
import type { EmulatedUser } from './emulator/types';

type Prompt =
  | { readonly kind: 'sign-in'; readonly answer: (user: EmulatedUser | null) => void }
  | {
      readonly kind: 'consent';
      readonly user: EmulatedUser;
      readonly permissions: readonly string[];
      readonly answer: (accepted: boolean) => void;
    };

const accountOf = (user: EmulatedUser, tenantId: string): AuthAccount => ({
  name: user.displayName,
  username: user.userPrincipalName,
  tenantId,
});

export function DemoAuthProvider({
  tenant,
  children,
}: {
  readonly tenant: DemoTenant;
  readonly children: ReactNode;
}) {
  const [user, setUser] = useState<EmulatedUser | null>(null);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [error, setError] = useState<Auth['error']>(null);
  // Permissions each account has consented to in this page.
  const granted = useRef(new Map<string, Set<string>>());
  const userRef = useRef<EmulatedUser | null>(null);
  const tenantId = tenant.emulator.tenantId;
  const explain = useCallback(
    (fields: object, reason?: string) =>
      explainAuthError(fields, {
        cloud: clouds.global,
        clientId: DEMO_CLIENT_ID,
        origin: window.location.origin,
        ...(reason === undefined ? {} : { reason }),
      }),
    [],
  );

  const signIn = useCallback<Auth['signIn']>(
    ({ permissions = [] } = {}) =>
      new Promise((resolve) => {
        setError(null);
        setPrompt({
          kind: 'sign-in',
          answer: (picked) => {
            setPrompt(null);
            if (!picked) {
              setError(explain({ errorCode: 'user_cancelled', errorMessage: 'User cancelled the flow.' }));
              resolve(false);
              return;
            }
            userRef.current = picked;
            // Permissions asked with the sign-in are consented in the same window (an administrator's only).
            if (picked.isAdmin && permissions.length > 0)
              granted.current.set(picked.oid, new Set(permissions));
            setUser(picked);
            resolve(true);
          },
        });
      }),
    [explain],
  );

  const requestPermissions = useCallback<Auth['requestPermissions']>(
    (permissions, reason, whileAsking) => {
      const current = userRef.current;
      if (!current)
        return Promise.reject(new AuthFailure(explain({ errorCode: 'no_account_error' }, reason)));
      const held = granted.current.get(current.oid) ?? new Set<string>();
      if (permissions.every((p) => held.has(p))) return Promise.resolve();
      const asked = new Promise<void>((resolve, reject) => {
        setPrompt({
          kind: 'consent',
          user: current,
          permissions,
          answer: (accepted) => {
            setPrompt(null);
            if (accepted && current.isAdmin) {
              granted.current.set(current.oid, new Set([...held, ...permissions]));
              resolve();
              return;
            }
            const fields = {
              errorCode: 'access_denied',
              errorMessage: 'AADSTS65004: User declined to consent to access the app.',
            };
            reject(new AuthFailure(explain(fields, reason)));
          },
        });
      });
      whileAsking?.();
      return asked;
    },
    [explain],
  );

  const getToken = useCallback<Auth['getToken']>(
    (permissions) => {
      const current = userRef.current;
      if (!current) return Promise.reject(new AuthFailure(explain({ errorCode: 'no_account_error' })));
      return tenant.emulator.mintAccessToken({
        scopes: permissions,
        user: current,
        clientId: DEMO_CLIENT_ID,
      });
    },
    [tenant, explain],
  );

  const signOut = useCallback<Auth['signOut']>(async () => {
    userRef.current = null;
    granted.current.clear();
    setUser(null);
  }, []);
  // The demo tenant has no session to keep: forgetting the sign-in is signing out.
  const forgetSignIn = signOut;

  const value = useMemo<Auth>(
    () => ({
      account: user ? accountOf(user, tenantId) : null,
      busy: prompt !== null,
      error,
      signIn,
      signOut,
      forgetSignIn,
      requestPermissions,
      getToken,
    }),
    [user, tenantId, prompt, error, signIn, signOut, forgetSignIn, requestPermissions, getToken],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      {/* The dialog sits outside the app's provider: it needs the theme of its own. One dialog that opens and closes,
          so Fluent restores the page's accessibility tree when it closes. */}
      <FluentProvider theme={wizardTheme}>
        <Dialog open={prompt !== null} modalType="alert">
          {prompt?.kind === 'consent' ? (
            <DemoConsentDialog user={prompt.user} permissions={prompt.permissions} onAnswer={prompt.answer} />
          ) : (
            <DemoSignInDialog accounts={tenant.accounts} onAnswer={prompt?.answer ?? (() => undefined)} />
          )}
        </Dialog>
      </FluentProvider>
    </AuthContext.Provider>
  );
}

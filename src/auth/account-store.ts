import { EventType, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import type { AuthAccount } from './auth-types';

/** The active account as the wizard shows it; the tenant comes from the ID token's `tid` claim. */
export function toAuthAccount(account: AccountInfo | null): AuthAccount | null {
  if (!account) return null;
  const tid = account.idTokenClaims?.tid;
  return {
    name: account.name ?? account.username,
    username: account.username,
    tenantId: typeof tid === 'string' && tid ? tid : account.tenantId,
  };
}

const isAccount = (payload: unknown): payload is AccountInfo =>
  typeof payload === 'object' && payload !== null && 'homeAccountId' in payload;

/** The active account as an external store for `useSyncExternalStore`. */
export interface AccountStore {
  readonly subscribe: (onChange: () => void) => () => void;
  readonly getSnapshot: () => AuthAccount | null;
}

/**
 * Makes the account that signed in last the active one (MSAL's documented pattern: set it from the login event), and
 * publishes it. Every MSAL event re-reads the active account, so sign-out and cache clearing show up too.
 */
export function createAccountStore(instance: IPublicClientApplication): AccountStore {
  let current = instance.getActiveAccount();
  let snapshot = toAuthAccount(current);
  const listeners = new Set<() => void>();
  instance.addEventCallback((event) => {
    if (event.eventType === EventType.LOGIN_SUCCESS && isAccount(event.payload)) {
      instance.setActiveAccount(event.payload);
    }
    const next = instance.getActiveAccount();
    if (next?.homeAccountId === current?.homeAccountId) return;
    current = next;
    snapshot = toAuthAccount(next);
    for (const listener of listeners) listener();
  });
  return {
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => snapshot,
  };
}

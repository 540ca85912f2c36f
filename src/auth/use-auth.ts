import { createContext, useContext } from 'react';
import type { Auth } from './auth-types';

/**
 * The sign-in state and actions. Provided by `AuthProvider` (loaded only when config.json has a clientId), so this
 * file stays free of MSAL and offline deployments never download it.
 */
export const AuthContext = createContext<Auth | null>(null);

/** The sign-in API, or null when this deployment has no sign-in (no clientId in config.json). */
export function useAuth(): Auth | null {
  return useContext(AuthContext);
}

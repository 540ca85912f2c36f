import { PublicClientApplication } from '@azure/msal-browser';
import type { ReactNode } from 'react';
import { clouds } from '../config/clouds';
import type { AppConfig } from '../config/config-schema';
import { createAccountStore } from './account-store';
import { AuthProvider } from './auth-provider';
import { explainAuthError, type AuthErrorExplanation } from './explain-auth-error';
import { msalConfiguration } from './msal-config';

/** What start-up gets back: the provider to render the app in. */
export interface StartedAuth {
  readonly AuthProvider: (props: { readonly children: ReactNode }) => ReactNode;
  /** The page was reloaded by a redirect sign-in (successful or not): the wizard resumes at its sign-in step. */
  readonly returnedFromSignIn: boolean;
}

/**
 * Creates the app's one PublicClientApplication and finishes any redirect sign-in before the first render. main.tsx
 * loads this module with a dynamic import, and only when config.json has a clientId, so offline deployments never
 * download MSAL.
 */
export async function startAuth(config: AppConfig, clientId: string): Promise<StartedAuth> {
  const cloud = clouds[config.cloud];
  const origin = window.location.origin;
  const instance = new PublicClientApplication(msalConfiguration(clientId, cloud, origin));
  await instance.initialize();
  const accounts = createAccountStore(instance);

  // After a redirect sign-in the page starts again here: finish it before the first render, so the account (or the
  // reason it failed) is there from the start. MsalProvider's own call gets the same, memoized, promise.
  let initialError: AuthErrorExplanation | null = null;
  let returnedFromSignIn: boolean;
  try {
    returnedFromSignIn = (await instance.handleRedirectPromise()) !== null;
  } catch (error) {
    initialError = explainAuthError(error, { cloud, clientId, origin });
    returnedFromSignIn = true;
  }

  function StartedAuthProvider({ children }: { readonly children: ReactNode }) {
    return (
      <AuthProvider
        instance={instance}
        accounts={accounts}
        cloud={cloud}
        clientId={clientId}
        origin={origin}
        initialError={initialError}
      >
        {children}
      </AuthProvider>
    );
  }
  return { AuthProvider: StartedAuthProvider, returnedFromSignIn };
}

import { useLayoutEffect } from 'react';

/**
 * Asks the browser to confirm leaving the page while secrets exist only in this page (a private key, a client
 * secret). Browsers show their own wording; the page says what is unsaved where the download buttons are. The
 * listener comes and goes in the same commit as what the page shows: a passive effect would leave it a moment after
 * the page says the secret is saved, and a quick close would still be asked about.
 */
export function useUnsavedGuard(unsaved: readonly string[]) {
  const active = unsaved.length > 0;
  useLayoutEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show a prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

import { useEffect } from 'react';

/**
 * Asks the browser to confirm leaving the page while secrets exist only in this page (a private key, a client
 * secret). Browsers show their own wording; the page says what is unsaved where the download buttons are.
 */
export function useUnsavedGuard(unsaved: readonly string[]) {
  const active = unsaved.length > 0;
  useEffect(() => {
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

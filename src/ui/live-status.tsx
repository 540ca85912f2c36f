import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { LIVE_STATUS_ID } from './live-status-id';

/** Puts a message in the page's live region; the same message again is said again. */
type Announce = (message: string) => void;

const LiveStatusContext = createContext<Announce | null>(null);

/**
 * The page's polite live region (`role="status"`), visually hidden and always in the page, so what is put in it is
 * announced even when the part of the page that says it appears or goes away at the same moment (the progress of a
 * certificate, a run that moves on to the next step). Errors are not said here: they show in `role="alert"` bars
 * where they happen, and said twice they would be read twice.
 */
export function LiveStatusProvider({ children }: { readonly children: ReactNode }) {
  // The count tells a repeated message from the one before, so a screen reader hears it again.
  const [status, setStatus] = useState({ message: '', count: 0 });
  const announce = useCallback<Announce>(
    (message) => setStatus((s) => ({ message, count: s.count + 1 })),
    [],
  );
  return (
    <LiveStatusContext.Provider value={announce}>
      {children}
      <div id={LIVE_STATUS_ID} role="status" className="visually-hidden">
        {/* A new node for each message: screen readers announce an added node more reliably than changed text. */}
        {status.message && <span key={status.count}>{status.message}</span>}
      </div>
    </LiveStatusContext.Provider>
  );
}

/** The function that announces a message politely, for messages that follow a click (a value copied). */
export function useAnnouncer(): Announce {
  const announce = useContext(LiveStatusContext);
  if (!announce) throw new Error('useAnnouncer is used outside LiveStatusProvider.');
  return announce;
}

/**
 * Announces `message` politely whenever it changes to a new, non-empty text: a status derived from what the component
 * shows (a run's progress, the stage of a certificate). An empty message says nothing.
 */
export function useLiveStatus(message: string) {
  const announce = useAnnouncer();
  useEffect(() => {
    if (message) announce(message);
  }, [message, announce]);
}

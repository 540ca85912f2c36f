import { Button } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAuth } from '../auth/use-auth';
import { OnDemand } from '../ui/error-boundary';
import { lazyComponent } from '../ui/lazy-component';
import { unsavedSecrets, type WizardAnswers } from './answers';
import { unsavedOfRun, useAutomaticRun } from './automatic-run';
import { useCertificatePreparer } from './certificate-preparation';
import { finishedNotice, leftNotice, secretsInPage } from './finish';

/** Only the last steps have Finish: the dialog's code loads as their button shows. */
const FinishDialog = lazyComponent(() => import('./finish-dialog').then((m) => m.FinishDialog));

/** How the wizard ended: Finish (the notice says so), or the admin left the page. */
export type FinishReason = 'finish' | 'left';

/**
 * What Finish does, for the shell (inside the run and certificate providers): `finish` drops the run and its client
 * secret, the certificate prepared ahead and the sign-in's tokens, then hands the shell the notice for the start page,
 * where it resets the answers. `unsaved` is what Finish asks about first.
 *
 * Leaving the page (another address, closing the tab) does the same but keeps the sign-in, so that a copy the
 * browser keeps for its Back button holds no secret: the start page then says what was removed.
 */
export function useFinish(
  answers: WizardAnswers,
  onFinished: (notice: string, reason: FinishReason) => void,
) {
  const run = useAutomaticRun();
  const preparer = useCertificatePreparer();
  const auth = useAuth();
  const unsaved = [...unsavedOfRun(run), ...unsavedSecrets(answers)];
  const removed = secretsInPage(answers, Boolean(run?.state.result?.secret));
  const busy = run?.state.status === 'running';

  const finish = useCallback(
    (reason: FinishReason) => {
      if (run && !run.forget()) return false;
      preparer.drop();
      const signedIn = reason === 'finish' && Boolean(auth?.account);
      if (signedIn) void auth?.forgetSignIn();
      onFinished(reason === 'finish' ? finishedNotice(removed, signedIn) : leftNotice(removed), reason);
      return true;
    },
    [run, preparer, auth, onFinished, removed],
  );

  return { finish, removed, unsaved, busy };
}

interface FinishButtonProps {
  readonly label: string;
  readonly answers: WizardAnswers;
  readonly onFinished: (notice: string, reason: FinishReason) => void;
}

/** The last step's button: Finish, after a confirmation while something has not been saved. */
export function FinishButton({ label, answers, onFinished }: FinishButtonProps) {
  const { finish, unsaved, busy } = useFinish(answers, onFinished);
  const done = () => void finish('finish');
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button
        appearance="primary"
        icon={<CheckmarkRegular />}
        iconPosition="after"
        disabledFocusable={busy}
        onClick={() => (unsaved.length ? setConfirming(true) : done())}
      >
        {label}
      </Button>
      <OnDemand title="The confirmation to finish could not be loaded">
        <FinishDialog
          open={confirming && unsaved.length > 0}
          unsaved={unsaved}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            done();
          }}
        />
      </OnDemand>
    </>
  );
}

/** Leaving the page wipes its secrets too; for every step, since the Finish button is on the last ones only. */
export function WipeOnPageHide({ answers, onFinished }: Omit<FinishButtonProps, 'label'>) {
  const { finish, removed } = useFinish(answers, onFinished);
  // The listener reads the latest finish without being added again on every render.
  const latest = useRef({ finish, removed });
  useEffect(() => {
    latest.current = { finish, removed };
  });
  useEffect(() => {
    const wipe = () => {
      if (latest.current.removed.length === 0) return;
      // Synchronously: the browser may freeze the page right after this event, secrets and all.
      flushSync(() => void latest.current.finish('left'));
    };
    window.addEventListener('pagehide', wipe);
    return () => window.removeEventListener('pagehide', wipe);
  }, []);
  return null;
}

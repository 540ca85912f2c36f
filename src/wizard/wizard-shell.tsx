import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type MouseEvent } from 'react';
import { useAuth } from '../auth/use-auth';
import { OnDemand } from '../ui/error-boundary';
import type { AppConfig } from '../config/config-schema';
import { planFor, unsavedSecrets, type WizardAnswers } from './answers';
import { AutomaticRunProvider } from './automatic-run';
import { CertificatePreparationProvider, certificateNeed } from './certificate-preparation';
import { answersAfterFinish } from './finish';
import { FinishButton, WipeOnPageHide } from './finish-control';
import type { StepContext, WizardStep } from './step-definition';
import { Stepper } from './stepper';
import { useShareLinkSync } from './use-share-link-sync';
import { useUnsavedGuard } from './use-unsaved-guard';
import { createWizardReducer, initialWizardState, shownSteps, stepsToPreload } from './wizard-reducer';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: '240px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  content: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
  },
  heading: { ...typographyStyles.title2, margin: `0 0 ${tokens.spacingVerticalL}`, outline: 'none' },
  notice: { marginBottom: tokens.spacingVerticalL },
  loading: { justifyContent: 'flex-start', padding: `${tokens.spacingVerticalXXL} 0` },
  footer: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

interface WizardShellProps<TDrafts> {
  /** The registry; `TDrafts` maps each step's id to its form values. */
  readonly steps: readonly WizardStep<TDrafts>[];
  readonly config: AppConfig;
  readonly initialAnswers: WizardAnswers;
  /** Where to open, e.g. the sign-in step after a redirect sign-in; the first step when absent. */
  readonly initialStep?: string | undefined;
}

const FORM_ID = 'wizard-step-form';

/**
 * Mounts with the step once its code is there (never while it downloads), and tells the shell, which shows Next
 * only then: before, there is no form for it to submit, and a click would go nowhere.
 */
function StepShown({ id, onShown }: { readonly id: string; readonly onShown: (id: string) => void }) {
  useEffect(() => onShown(id), [id, onShown]);
  return null;
}

/**
 * Pressing Back or Next leaves the focus in the field being typed in. Otherwise the field, losing it as the press
 * starts, would be checked and show its message above the buttons, moving them from under the pointer before the
 * press ends, and the click would be lost. Back checks nothing; Next checks the whole form once it is clicked.
 */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The stepper, the current step and Back/Next. It knows no step: it renders whatever registry it is handed. */
export function WizardShell<TDrafts>({
  steps,
  config,
  initialAnswers,
  initialStep,
}: WizardShellProps<TDrafts>) {
  const styles = useStyles();
  // The steps' context carries the sign-in state, so a Next label or a pass-over follows it as it changes.
  const auth = useAuth();
  const signedIn = Boolean(auth?.account);
  const contextOf = useCallback(
    (answers: WizardAnswers): StepContext => ({ answers, config, plan: planFor(answers, config), signedIn }),
    [config, signedIn],
  );
  const reducer = useMemo(() => createWizardReducer<TDrafts>(steps, contextOf), [steps, contextOf]);
  const [state, dispatch] = useReducer(
    reducer,
    initialWizardState<TDrafts>(steps, initialAnswers, initialStep),
  );
  const context = useMemo(() => contextOf(state.answers), [contextOf, state.answers]);
  const shown = shownSteps(steps, context);
  const index = shown.findIndex((s) => s.id === state.current);
  const step = shown[index] ?? shown[0];
  useShareLinkSync(state.answers, config);
  useUnsavedGuard(unsavedSecrets(state.answers));

  // While a step shows, download the code of the steps that may come next, so Next never waits for it.
  const upcoming = step ? stepsToPreload(steps, shown, step.id, auth !== null) : [];
  const preloadIds = upcoming.map((s) => s.id).join(' ');
  useEffect(() => {
    const ids = preloadIds.split(' ');
    for (const next of steps.filter((s) => ids.includes(s.id))) {
      // A failed download is tried again when the step renders, which says so if it fails again.
      next.preload?.().catch(() => undefined);
    }
  }, [steps, preloadIds]);

  const [shownStep, setShownStep] = useState<string | null>(null);

  const current = state.current;
  const heading = useRef<HTMLHeadingElement>(null);
  const focusedStep = useRef(current);
  useEffect(() => {
    // Whenever the step changes (Next, Back, the stepper, or the wizard going on by itself after a sign-in or a run),
    // move focus to the new step's heading, so keyboard and screen-reader users start at its top and hear its name.
    // The page opens with the focus where the browser puts it.
    if (focusedStep.current === current) return;
    focusedStep.current = current;
    heading.current?.focus();
  }, [current]);

  // What Finish (or leaving the page) removed, said on the start page until the admin goes on.
  const [notice, setNotice] = useState<string | null>(null);
  const onFinished = useCallback(
    (text: string) => {
      dispatch({ type: 'finish', answers: answersAfterFinish(initialAnswers) });
      setNotice(text);
    },
    [initialAnswers],
  );

  // Bound to the step it is handed to, so a completion that arrives after the admin moved on is ignored.
  const onComplete = useCallback(
    (patch: Partial<WizardAnswers>) => {
      setNotice(null);
      dispatch({ type: 'complete', step: current, patch });
    },
    [current],
  );
  const onUpdate = useCallback((patch: Partial<WizardAnswers>) => dispatch({ type: 'update', patch }), []);
  const onBack = useCallback(() => dispatch({ type: 'back' }), []);
  const onDrafts = useCallback((drafts: Partial<TDrafts>) => dispatch({ type: 'draft', drafts }), []);

  if (!step) return null;
  const nextLabel = step.nextLabel(context);
  const StepComponent = step.Component;
  return (
    <AutomaticRunProvider config={config}>
      <CertificatePreparationProvider need={certificateNeed(state.answers, context.plan)}>
        <WipeOnPageHide answers={state.answers} onFinished={onFinished} />
        <div className={styles.layout}>
          <Stepper steps={shown} current={step.id} onGoTo={(id) => dispatch({ type: 'go-to', step: id })} />
          <main className={styles.content} aria-labelledby="step-heading">
            <h1 id="step-heading" className={styles.heading} ref={heading} tabIndex={-1}>
              {step.title}
            </h1>
            {notice && index === 0 && (
              <MessageBar className={styles.notice} intent="success" politeness="polite">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            {/*
              The heading stays (and keeps the focus) while the step's code downloads, which the preloading makes
              rare, or when it could not be downloaded.
            */}
            <OnDemand
              key={step.id}
              title="This step could not be loaded"
              fallback={<Spinner className={styles.loading} label="Loading the step…" />}
            >
              <StepComponent
                formId={FORM_ID}
                context={context}
                onComplete={onComplete}
                onUpdate={onUpdate}
                onBack={onBack}
                drafts={state.drafts}
                onDrafts={onDrafts}
              />
              <StepShown id={step.id} onShown={setShownStep} />
            </OnDemand>
            {(index > 0 || nextLabel) && (
              <div className={styles.footer}>
                <span>
                  {index > 0 && (
                    <Button
                      icon={<ArrowLeftRegular />}
                      onMouseDown={keepFocus}
                      onClick={() => dispatch({ type: 'back' })}
                    >
                      Back
                    </Button>
                  )}
                </span>
                {nextLabel && shownStep === step.id && step.finishes && (
                  <FinishButton label={nextLabel} answers={state.answers} onFinished={onFinished} />
                )}
                {nextLabel && shownStep === step.id && !step.finishes && (
                  <Button
                    appearance="primary"
                    type="submit"
                    form={FORM_ID}
                    onMouseDown={keepFocus}
                    icon={<ArrowRightRegular />}
                    iconPosition="after"
                  >
                    {nextLabel}
                  </Button>
                )}
              </div>
            )}
          </main>
        </div>
      </CertificatePreparationProvider>
    </AutomaticRunProvider>
  );
}

import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { clouds } from '../../config/clouds';
import { defaultFixes, evaluateChecklist, offeredFixes } from '../../graph/checklist';
import { checklistReport } from '../../graph/checklist-report';
import { describeRequests, formatRequests } from '../../graph/describe-requests';
import { titleOf } from '../../graph/operation-kinds';
import { PLACEHOLDERS } from '../../graph/request-names';
import type { RunState } from '../../graph/run-types';
import type { RepairFix } from '../../plan/plan-types';
import { CodeBlock } from '../../ui/code-block';
import { CopyButton } from '../../ui/copy-button';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { errorMessage, useRegistrationSnapshot } from '../../wizard/use-registration-snapshot';
import { checkPlanFor, repairPlanFor } from '../../wizard/repair';
import { inOverlap, rotatedName } from '../../wizard/rotation';
import type { StepProps } from '../../wizard/step-definition';
import { ChecklistView } from './checklist-view';
import { withCredentialsPortalLink } from './credentials-portal-link';
import { useRotationChoice } from './use-rotation-choice';
import { useLiveStatus } from '../../ui/live-status';
import { runStatusMessage } from '../../wizard/run-status';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  progress: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const READING = 'Reading the registration, its consent and owners…';

/**
 * Reads the registration, shows the checklist, and repairs what the admin ticked through the plan runner, after
 * showing exactly the requests it sends. After a repair it checks again.
 */
export function RepairCheckStep({ formId, context, onComplete }: StepProps) {
  const styles = useStyles();
  const { answers, config } = context;
  const run = useAutomaticRun();
  // Reads only: a check starts on arrival and again after each repair.
  const { read: check, readAgain } = useRegistrationSnapshot(context);
  const [chosen, setChosen] = useState<RepairFix[] | null>(null);
  // The run's state when this step started a repair; null when none is under way.
  const [awaiting, setAwaiting] = useState<RunState | null>(null);
  const repairing = awaiting !== null;
  const [repaired, setRepaired] = useState<readonly string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const snapshot = check.status === 'read' ? check.snapshot : null;
  const plan = useMemo(() => checkPlanFor(answers, config, snapshot), [answers, config, snapshot]);

  const items = useMemo(
    () =>
      snapshot && plan
        ? withCredentialsPortalLink(
            evaluateChecklist(snapshot, plan, snapshot.readAt),
            clouds[config.cloud],
            snapshot.application.appId,
          )
        : [],
    [snapshot, plan, config.cloud],
  );
  const offered = offeredFixes(items);
  const fixes = (chosen ?? defaultFixes(items)).filter((f) => offered.includes(f));
  const repairPlan = snapshot && fixes.length ? repairPlanFor(answers, config, snapshot, fixes) : null;
  // The ids the check read are known: only those the run learns (the new service principal's) stay placeholders.
  const requests = repairPlan
    ? describeRequests(repairPlan, {
        ...PLACEHOLDERS,
        applicationId: snapshot?.application.id ?? PLACEHOLDERS.applicationId,
        appId: snapshot?.application.appId ?? PLACEHOLDERS.appId,
        ...(snapshot?.servicePrincipal?.id ? { servicePrincipalId: snapshot.servicePrincipal.id } : {}),
        resourceServicePrincipalId: (appId) =>
          snapshot?.resources.get(appId)?.id ?? PLACEHOLDERS.resourceServicePrincipalId(appId),
      })
    : [];

  // When a repair this step started ends: note what it did, and check again.
  const state = run?.state;
  if (
    awaiting &&
    state &&
    state !== awaiting &&
    (state.status === 'succeeded' || state.status === 'failed')
  ) {
    setAwaiting(null);
    if (state.status === 'succeeded') {
      setRepaired(state.operations.map((o) => `${o.title}${o.detail ? `: ${o.detail}` : ''}`));
      setChosen(null);
      readAgain();
    } else {
      setProblem(state.error ? `${state.error.meaning} ${state.error.action}` : 'The repair did not finish.');
    }
  }

  // A rotation whose new credential is on the registration beside the old one: it is finished before anything else
  // runs, since another run would take the new secret out of this page.
  const rotation = answers.rotation;
  const underWay =
    inOverlap(rotation) && rotation.appId === snapshot?.application.appId?.toLowerCase() ? rotation : null;
  const choice = useRotationChoice(context, snapshot, onComplete);

  const repair = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!run || !repairPlan || underWay) return;
    setProblem(null);
    setRepaired(null);
    setAwaiting(run.state);
    // Straight from the click: the permission window (consent permissions) opens within it.
    run.start(repairPlan).catch((error: unknown) => {
      setAwaiting(null);
      setProblem(errorMessage(error));
    });
  };

  const errors = items.filter((i) => i.status === 'error').length;
  const warnings = items.filter((i) => i.status === 'warning').length;
  const summary = snapshot
    ? `${snapshot.application.displayName} (${snapshot.application.appId}): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.${offered.length === 0 ? ' Nothing left for Repair to fix.' : ''}`
    : '';
  // Said politely: the reading, a repair's progress, and what the check found (after a repair, that it finished).
  // A registration that is not found or cannot be read, and a repair that fails, are alerts below.
  useLiveStatus(
    repairing
      ? state === awaiting
        ? ''
        : runStatusMessage(state, 'the registration was repaired')
      : check.status === 'reading'
        ? READING
        : snapshot
          ? `${repaired ? 'Repair finished. ' : ''}${summary}`
          : '',
  );
  const report = snapshot && plan ? checklistReport(snapshot, plan, items, repaired ?? undefined) : '';
  const graphHost = clouds[config.cloud].graph;

  return (
    <form id={formId} onSubmit={repair} className={styles.stack} aria-busy={check.status === 'reading'}>
      {check.status === 'reading' && <Spinner label={READING} />}
      {check.status === 'not-found' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>No registration has the ID {answers.repairAppId}</MessageBarTitle>
            Check the application (client) ID on the registration’s Overview page, and that you signed in to
            its tenant. Go back to enter another.
          </MessageBarBody>
        </MessageBar>
      )}
      {check.status === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The registration could not be read</MessageBarTitle>
            {check.message}{' '}
            <Button appearance="transparent" onClick={readAgain}>
              Check again
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {repaired && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Repair finished</MessageBarTitle>
            The registration was checked again below.
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Repair did not finish</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {choice.problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{choice.problem}</MessageBarBody>
        </MessageBar>
      )}
      {choice.reading && <Spinner size="tiny" label="Reading your tenant’s credential policies…" />}
      {underWay && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The rotation of the {rotatedName(underWay.old)} is under way</MessageBarTitle>
            {underWay.replacement
              ? `The newer one is on the registration beside it. Confirm that ${config.platformName} uses it, then remove the old one`
              : `The new one is on the registration beside it. Hand it over to ${config.platformName}, then remove the old one`}
            ; Repair and other rotations wait until then.{' '}
            <Button appearance="transparent" onClick={() => onComplete({})}>
              Continue the rotation
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {snapshot && (
        <>
          <Body1>{summary}</Body1>
          <ChecklistView
            items={items}
            fixes={fixes}
            onRotate={(c) => underWay || choice.rotate(c)}
            onRemoveOld={(c) => underWay || choice.removeOld(c)}
            rotateDisabled={underWay !== null || choice.reading}
            refused={choice.refused}
            disabled={repairing}
            onFixChange={(fix, on) =>
              setChosen(on ? [...new Set([...fixes, fix])] : fixes.filter((f) => f !== fix))
            }
          />
          {repairPlan && (
            <section className={styles.stack} aria-labelledby="repair-review">
              <Subtitle2 as="h2" id="repair-review">
                What Repair changes
              </Subtitle2>
              <ol className={styles.progress}>
                {repairPlan.operations
                  .filter((op) => op.kind !== 'resolve-permissions' && op.kind !== 'read-registration')
                  .map((op) => {
                    const progress = state?.operations.find((o) => o.id === op.id);
                    return (
                      <li key={op.id}>
                        {titleOf(op, repairPlan)}
                        {progress && repairing ? ` (${progress.status})` : ''}
                      </li>
                    );
                  })}
              </ol>
              <CodeBlock
                label={`The ${requests.length} requests Repair sends to Microsoft Graph`}
                code={formatRequests(graphHost, requests)}
              />
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  type="submit"
                  disabledFocusable={repairing || underWay !== null}
                  icon={repairing ? <Spinner size="tiny" /> : undefined}
                >
                  Repair registration
                </Button>
              </div>
            </section>
          )}
          <div className={styles.actions}>
            <CopyButton label="report for a support ticket" value={report} appearance="secondary" />
            <Body1>Copy the result as plain text for a support ticket (no secret is in it).</Body1>
          </div>
        </>
      )}
    </form>
  );
}

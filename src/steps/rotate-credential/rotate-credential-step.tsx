import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/use-auth';
import { clouds } from '../../config/clouds';
import { PRIVATE_KEY_FILE_NAMES } from '../../exports/certificate-files';
import type { ExpiringCredential } from '../../exports/expiry-calendar';
import { describeRequests } from '../../graph/describe-requests';
import { PLACEHOLDERS } from '../../graph/request-names';
import { useLiveStatus } from '../../ui/live-status';
import { certificateOf, privateKeyOf } from '../../wizard/answers';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { replacementWords, rotatedName, rotationPlanFor, rotationReminders } from '../../wizard/rotation';
import { runStatusMessage } from '../../wizard/run-status';
import type { StepProps } from '../../wizard/step-definition';
import { AddStage } from './add-stage';
import { RemovalStage } from './removal-stage';
import { RotationHandOver } from './rotation-hand-over';
import { useRegistrationSnapshot } from '../../wizard/use-registration-snapshot';
import { useRotationStages } from './use-rotation-stages';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'an unknown date');
const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.toLowerCase() === b.toLowerCase());

/**
 * Rotation with overlap of one credential the checklist found ending: add the new one beside it (after showing the
 * exact requests), hand it over, and remove the old one only once the admin confirms that the platform uses the new
 * one, each stage through the plan runner. The new secret or key stays in the page until it is saved.
 */
export function RotateCredentialStep({ formId, context, onUpdate, onBack }: StepProps) {
  const styles = useStyles();
  const { answers, config } = context;
  const rotation = answers.rotation;
  const run = useAutomaticRun();
  const auth = useAuth();
  const { read, snapshot, readAgain } = useRegistrationSnapshot(context);
  const [openedAt] = useState(() => Date.now());
  const [confirmed, setConfirmed] = useState(false);
  const state = run?.state;
  const platform = config.platformName;

  const mine = rotation && snapshot && same(rotation.appId, snapshot.application.appId) ? rotation : null;
  const plan = useMemo(
    () => (mine && snapshot && !mine.done ? rotationPlanFor(answers, config, snapshot, mine) : null),
    [answers, config, snapshot, mine],
  );

  const { started, problem, begin } = useRotationStages(run, mine, onUpdate, readAgain);
  const running = started !== null;

  const stage = mine?.newKeyId === null ? 'add' : 'remove';
  const what = mine?.old.type === 'certificate' ? 'certificate' : 'secret';
  const newWords = what === 'secret' ? 'client secret' : 'certificate';
  useLiveStatus(
    running && state !== started.before
      ? runStatusMessage(
          state,
          started.stage === 'add' ? `the new ${newWords} was added` : `the old ${newWords} was removed`,
        )
      : read.status === 'reading' && !snapshot
        ? 'Reading the registration…'
        : '',
  );

  if (!run) return <Body1>Sign in to rotate a credential.</Body1>;
  if (read.status === 'reading' && !snapshot) return <Spinner label="Reading the registration…" />;
  if (read.status === 'failed' || read.status === 'not-found') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>The registration could not be read</MessageBarTitle>
          {read.status === 'failed'
            ? read.message
            : `No registration has the ID ${answers.repairAppId}.`}{' '}
          <Button appearance="transparent" onClick={readAgain}>
            Read it again
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!mine || !snapshot) {
    return <Body1>Choose a credential to rotate on the checklist: go Back to it.</Body1>;
  }

  const app = snapshot.application;
  const application = { id: app.id ?? '', appId: app.appId ?? '', displayName: app.displayName ?? '' };
  const oldName = rotatedName(mine.old);
  const requests = plan
    ? describeRequests(plan, { ...PLACEHOLDERS, applicationId: application.id, appId: application.appId })
    : [];
  const graphHost = clouds[config.cloud].graph;
  const certificate = what === 'certificate' ? answers.certificate : null;
  const summary = certificateOf(certificate);

  // The new credential, as the hand-over shows it.
  const result = state?.result;
  const secret = result?.secret && same(result.secret.keyId, mine.newKeyId) ? result.secret : null;
  // A rotation finished later hands nothing over: the newer credential was given to the platform before.
  const added: ExpiringCredential | null = mine.replacement
    ? null
    : secret
      ? { kind: 'secret', keyId: secret.keyId, hint: secret.hint, endDateTime: secret.endDateTime }
      : summary && mine.newKeyId
        ? {
            kind: 'certificate',
            keyId: mine.newKeyId,
            hint: summary.thumbprintSha1Hex,
            endDateTime: summary.graphKeyCredential.endDateTime,
          }
        : null;
  // Nothing to save for a rotation finished later: nothing new was made in this page.
  const saved =
    mine.replacement !== null ||
    (what === 'secret'
      ? !secret || run.secretSaved
      : !privateKeyOf(certificate) || PRIVATE_KEY_FILE_NAMES.some((f) => answers.savedFiles.includes(f)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!plan || running || (stage === 'remove' && !confirmed)) return;
    begin(plan, stage, summary?.graphKeyCredential.keyId ?? null);
  };
  const checkAgain = () => {
    // Back to the checklist first (this step stops being shown once the rotation is forgotten), which reads again.
    onBack();
    onUpdate({ rotation: null });
  };
  const progress = running ? (state ?? null) : null;

  const handOver = added && (
    <RotationHandOver
      platform={platform}
      application={application}
      directoryId={auth?.account?.tenantId ?? snapshot.servicePrincipal?.appOwnerOrganizationId ?? ''}
      secret={secret}
      secretGone={what === 'secret' && !secret}
      certificate={certificate}
      reminders={rotationReminders(snapshot, added, mine.old.keyId, openedAt)}
      savedFiles={answers.savedFiles}
      secretSaved={run.secretSaved}
      onSecretSaved={() => run.markSecretSaved()}
      onSaved={(names) => onUpdate({ savedFiles: [...new Set([...answers.savedFiles, ...names])] })}
      now={openedAt}
    />
  );

  return (
    <form id={formId} onSubmit={submit} className={styles.stack} aria-busy={running}>
      {stage === 'add' && plan && (
        <AddStage
          rotation={mine}
          oldName={oldName}
          platform={platform}
          plan={plan}
          requests={requests}
          graphHost={graphHost}
          progress={progress}
          running={running}
          certificate={summary}
          lifetime={answers.secretLifetimeMonths}
          onLifetime={(secretLifetimeMonths) => onUpdate({ secretLifetimeMonths })}
        />
      )}
      {stage === 'remove' && !mine.done && (
        <RemovalStage
          rotation={mine}
          oldName={oldName}
          platform={platform}
          plan={plan}
          requests={requests}
          graphHost={graphHost}
          progress={progress}
          running={running}
          reading={read.status === 'reading'}
          saved={saved}
          confirmed={confirmed}
          onConfirmed={setConfirmed}
        >
          {handOver}
        </RemovalStage>
      )}
      {mine.done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Rotation finished</MessageBarTitle>
            The old {oldName}, which ended on {day(mine.old.endDateTime)}, was removed. The registration keeps
            the {mine.replacement ? `newer ${replacementWords(mine.replacement)}` : `new ${newWords}`}, which{' '}
            {platform} uses.
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The rotation did not finish</MessageBarTitle>
            {problem}
          </MessageBarBody>
        </MessageBar>
      )}
      {mine.done && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={checkAgain}>
            Check the registration again
          </Button>
        </div>
      )}
    </form>
  );
}

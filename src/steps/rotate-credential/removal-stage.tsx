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
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { DescribedRequest } from '../../graph/describe-requests';
import type { RunState } from '../../graph/run-types';
import type { RegistrationPlan } from '../../plan/plan-types';
import { replacementWords, type RotationAnswer } from '../../wizard/rotation';
import { RotationRemoval } from './rotation-removal';
import { RunReview } from './run-review';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

interface RemovalStageProps {
  readonly rotation: RotationAnswer;
  readonly oldName: string;
  readonly platform: string;
  readonly plan: RegistrationPlan | null;
  readonly requests: readonly DescribedRequest[];
  readonly graphHost: string;
  readonly progress: RunState | null;
  readonly running: boolean;
  /** The registration is being read again: the removal waits for the fresh read. */
  readonly reading: boolean;
  /** Whether the new credential is saved: until then the removal cannot be confirmed. */
  readonly saved: boolean;
  readonly confirmed: boolean;
  readonly onConfirmed: (confirmed: boolean) => void;
  /** The hand-over of a credential this page added; nothing for a rotation finished later. */
  readonly children?: ReactNode;
}

/**
 * The rotation's last stage: the new credential beside the old one (handed over here, or found by the checklist when
 * the rotation is finished later), the exact requests of the removal, and the admin's confirmation that the
 * platform uses the new one, without which nothing is removed.
 */
export function RemovalStage(props: RemovalStageProps) {
  const { rotation, oldName, platform, plan, running } = props;
  const styles = useStyles();
  const what = rotation.old.type === 'certificate' ? 'certificate' : 'secret';
  const newWords = what === 'secret' ? 'client secret' : 'certificate';
  const later = rotation.replacement;
  return (
    <>
      {later ? (
        <Body1>
          Finishing a rotation begun earlier: the registration holds the {oldName}, ending on{' '}
          {rotation.old.endDateTime?.slice(0, 10) ?? 'no date'}, and the newer {replacementWords(later)}. Both
          work until the old one is removed.
        </Body1>
      ) : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The new {newWords} is on the registration</MessageBarTitle>
            It works beside the old {oldName} until you remove that one.
          </MessageBarBody>
        </MessageBar>
      )}
      {props.children}
      {plan && (
        <>
          <RunReview
            id="rotation-remove"
            title={later ? `Remove the old ${newWords}` : `3. Remove the old ${newWords}`}
            plan={plan}
            requests={props.requests}
            graphHost={props.graphHost}
            progress={props.progress}
            sender="the removal sends"
          />
          <RotationRemoval
            platform={platform}
            what={what}
            oldName={oldName}
            newName={later ? replacementWords(later) : null}
            saved={props.saved}
            confirmed={props.confirmed}
            onConfirmed={props.onConfirmed}
            disabled={running}
          />
          <div className={styles.actions}>
            <Button
              type="submit"
              icon={running ? <Spinner size="tiny" /> : <DeleteRegular />}
              disabledFocusable={running || !props.confirmed || !props.saved || props.reading}
            >
              Remove the old {newWords}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

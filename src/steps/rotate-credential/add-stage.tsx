import { Body1, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { DescribedRequest } from '../../graph/describe-requests';
import type { RunState } from '../../graph/run-types';
import type { RegistrationPlan, SecretLifetimeMonths } from '../../plan/plan-types';
import type { RotationAnswer } from '../../wizard/rotation';
import { NewCredential } from './new-credential';
import { PolicyNotes } from './policy-notes';
import { RunReview } from './run-review';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

interface AddStageProps {
  readonly rotation: RotationAnswer;
  readonly oldName: string;
  readonly platform: string;
  readonly plan: RegistrationPlan;
  readonly requests: readonly DescribedRequest[];
  readonly graphHost: string;
  readonly progress: RunState | null;
  readonly running: boolean;
  /** The new certificate (a certificate rotation), from the Certificate step. */
  readonly certificate: CertificateSummary | null;
  readonly lifetime: SecretLifetimeMonths;
  readonly onLifetime: (months: SecretLifetimeMonths) => void;
}

/**
 * The rotation's first stage: what it replaces and with what, what the tenant's policies changed, and exactly the
 * requests that add the new credential. A plan with nothing it may add (the policy refuses a self-signed
 * certificate, or none was made yet) offers no Add and says what to do instead.
 */
export function AddStage(props: AddStageProps) {
  const { rotation, plan, running } = props;
  const styles = useStyles();
  const newWords = rotation.old.type === 'secret' ? 'client secret' : 'certificate';
  const blocked = plan.operations.length === 0;
  const caNotice = plan.notices.some((n) => n.kind === 'trusted-ca-required');
  return (
    <>
      <NewCredential
        old={rotation.old}
        oldName={props.oldName}
        platform={props.platform}
        certificate={props.certificate}
        lifetime={props.lifetime}
        onLifetime={props.onLifetime}
        disabled={running}
      />
      <PolicyNotes plan={plan} policies={rotation.policies} />
      {blocked && rotation.old.type === 'certificate' && !caNotice && (
        <Body1>Make the new certificate on the Certificate step first: go Back to it.</Body1>
      )}
      {!blocked && (
        <>
          <RunReview
            id="rotation-add"
            title={`1. Add the new ${newWords}`}
            plan={plan}
            requests={props.requests}
            graphHost={props.graphHost}
            progress={props.progress}
            sender="Rotate sends"
          />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              type="submit"
              icon={running ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
              disabledFocusable={running}
            >
              Add the new {newWords}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

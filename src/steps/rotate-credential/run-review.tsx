import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { titleOf } from '../../graph/operation-kinds';
import { formatRequests, type DescribedRequest } from '../../graph/describe-requests';
import type { RunState } from '../../graph/run-types';
import type { RegistrationPlan } from '../../plan/plan-types';
import { CodeBlock } from '../../ui/code-block';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

interface RunReviewProps {
  /** The heading's id, for the section's name. */
  readonly id: string;
  readonly title: string;
  readonly plan: RegistrationPlan;
  readonly requests: readonly DescribedRequest[];
  /** The Graph host of the cloud, in front of each request's path. */
  readonly graphHost: string;
  /** The run's state while this plan runs: each operation then shows how far it got. */
  readonly progress: RunState | null;
  /** What the requests do, in a few words for the code block's name (e.g. "Rotate sends"). */
  readonly sender: string;
}

/**
 * One stage of a rotation before it runs, as Repair shows its own: what each operation does, and exactly the
 * requests it sends to Microsoft Graph (the builders the runner uses).
 */
export function RunReview({ id, title, plan, requests, graphHost, progress, sender }: RunReviewProps) {
  const styles = useStyles();
  return (
    <section className={styles.stack} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      <ol className={styles.list}>
        {plan.operations.map((op) => {
          const status = progress?.operations.find((o) => o.id === op.id);
          return (
            <li key={op.id}>
              {titleOf(op, plan)}
              {status ? ` (${status.status}${status.detail ? `: ${status.detail}` : ''})` : ''}
            </li>
          );
        })}
      </ol>
      <CodeBlock
        label={`The ${requests.length} requests ${sender} to Microsoft Graph`}
        code={formatRequests(graphHost, requests)}
      />
    </section>
  );
}

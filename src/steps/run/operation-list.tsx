import { Body1, Caption1, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CircleRegular,
  ClockRegular,
  DismissCircleFilled,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import type { OperationProgress, OperationStatus } from '../../graph/run-types';
import { waitWords } from '../../wizard/wait-message';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  icon: { fontSize: '20px', marginTop: '1px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  detail: { display: 'block', color: tokens.colorNeutralForeground3 },
});

const statusWords: Record<OperationStatus, string> = {
  pending: 'Not started',
  running: 'In progress',
  waiting: 'Waiting',
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
};

function StatusIcon({ status }: { readonly status: OperationStatus }) {
  const styles = useStyles();
  switch (status) {
    case 'running':
      return <Spinner size="extra-tiny" aria-hidden />;
    case 'waiting':
      return <ClockRegular className={styles.icon} aria-hidden />;
    case 'done':
      return <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.done)} aria-hidden />;
    case 'failed':
      return <DismissCircleFilled className={mergeClasses(styles.icon, styles.failed)} aria-hidden />;
    case 'skipped':
      return <SubtractCircleRegular className={styles.icon} aria-hidden />;
    default:
      return <CircleRegular className={styles.icon} aria-hidden />;
  }
}

/** The runner's operations with their status, in plan order. */
export function OperationList({ operations }: { readonly operations: readonly OperationProgress[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Progress">
      {operations.map((op) => (
        <li key={op.id} className={styles.item} data-status={op.status}>
          <StatusIcon status={op.status} />
          <span>
            <Body1>{op.title}</Body1>
            <span className="visually-hidden">
              :{' '}
              {op.status === 'waiting' && op.waitKind
                ? waitWords[op.waitKind].status
                : statusWords[op.status]}
            </span>
            {op.detail && <Caption1 className={styles.detail}>{op.detail}</Caption1>}
            {op.error && (
              <Caption1 className={styles.detail}>
                {op.error.code}: {op.error.meaning}
              </Caption1>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

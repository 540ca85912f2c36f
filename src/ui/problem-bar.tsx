import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

const useStyles = makeStyles({
  // A problem may quote a long value without spaces (a URI, a pasted token): it wraps anywhere rather than
  // widening the page.
  problem: { overflowWrap: 'anywhere' },
});

interface ProblemBarProps {
  readonly title: string;
  readonly problems: readonly string[];
  readonly intent?: 'warning' | 'error' | 'info';
}

/**
 * A list of problems under one heading, announced as an alert: it shows when the wizard replaces its start-up screen,
 * so a screen reader says it at once. Renders nothing when there are none.
 */
export function ProblemBar({ title, problems, intent = 'warning' }: ProblemBarProps) {
  const styles = useStyles();
  if (!problems.length) return null;
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul>
          {problems.map((p) => (
            <li key={p} className={styles.problem}>
              {p}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface ProblemBarProps {
  readonly title: string;
  readonly problems: readonly string[];
  readonly intent?: 'warning' | 'error' | 'info';
}

/** A list of problems under one heading, announced politely. Renders nothing when there are none. */
export function ProblemBar({ title, problems, intent = 'warning' }: ProblemBarProps) {
  if (!problems.length) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

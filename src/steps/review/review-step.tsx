import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { FormEvent } from 'react';
import { toJsonFile } from '../../exports/manifest';
import { CodeBlock } from '../../ui/code-block';
import { CorrectionList } from '../../ui/correction-list';
import { PermissionList } from '../../ui/permission-list';
import type { StepProps } from '../../wizard/step-definition';
import { summarisePlan } from './plan-summary';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  notes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The whole plan, in plain words and as the exact JSON, before anything is created. */
export function ReviewStep({ formId, context, onComplete }: StepProps) {
  const styles = useStyles();
  const plan = context.plan;
  if (!plan) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onComplete({});
  };
  return (
    <form id={formId} onSubmit={submit} className={styles.stack}>
      <dl className={styles.summary} aria-label="Summary of the plan">
        {summarisePlan(plan).map((line) => (
          <div key={line.label} style={{ display: 'contents' }}>
            <dt className={styles.term}>{line.label}</dt>
            <dd className={styles.detail}>{line.text}</dd>
          </div>
        ))}
      </dl>
      {(plan.corrections.length > 0 || plan.notices.length > 0) && (
        <section className={styles.notes} aria-labelledby="notes-heading">
          <h2 id="notes-heading" className={styles.heading}>
            Corrections and notes
          </h2>
          <CorrectionList corrections={plan.corrections} />
          {plan.notices.map((n) => (
            <MessageBar key={n.kind} intent="warning" layout="multiline">
              <MessageBarBody>{n.message}</MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}
      <section aria-labelledby="permissions-heading">
        <h2 id="permissions-heading" className={styles.heading}>
          Permissions ({plan.permissions.length})
        </h2>
        <PermissionList permissions={plan.permissions} headingLevel={3} />
      </section>
      <section className={styles.notes} aria-labelledby="json-heading">
        <h2 id="json-heading" className={styles.heading}>
          The application as Microsoft Graph receives it
        </h2>
        <Body1>Exactly this JSON becomes the registration; credentials are added separately.</Body1>
        <CodeBlock label="Application JSON" code={toJsonFile(plan.application)} />
      </section>
    </form>
  );
}

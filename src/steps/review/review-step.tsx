import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { AuthErrorMessage } from '../../auth/auth-error-message';
import { AuthFailure } from '../../auth/auth-types';
import type { AuthErrorExplanation } from '../../auth/explain-auth-error';
import { useAuth } from '../../auth/use-auth';
import { clouds } from '../../config/clouds';
import { toJsonFile } from '../../exports/manifest';
import { describeRequests, runPermissions } from '../../graph/describe-requests';
import { CodeBlock } from '../../ui/code-block';
import { CorrectionList } from '../../ui/correction-list';
import { PermissionList } from '../../ui/permission-list';
import { planFor } from '../../wizard/answers';
import { runOptionsFor, useAutomaticRun } from '../../wizard/automatic-run';
import type { StepProps } from '../../wizard/step-definition';
import { useDraftSync } from '../../wizard/use-draft-sync';
import { AutomaticOptions } from './automatic-options';
import { summarisePlan } from './plan-summary';
import { RequestList } from './request-list';
import { automaticOptionsSchema, toOptionAnswers, type AutomaticOptionsForm } from './review-schema';

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
export function ReviewStep({ formId, context, onComplete, draft, onDraft }: StepProps) {
  const styles = useStyles();
  const { answers, config } = context;
  const automatic = answers.path === 'automatic';
  const run = useAutomaticRun();
  const auth = useAuth();
  const [problem, setProblem] = useState<AuthErrorExplanation | null>(null);
  const form = useForm<AutomaticOptionsForm>({
    resolver: zodResolver(automaticOptionsSchema),
    defaultValues: (draft as AutomaticOptionsForm | undefined) ?? {
      secretLifetimeMonths: String(
        answers.secretLifetimeMonths,
      ) as AutomaticOptionsForm['secretLifetimeMonths'],
      grantConsent: answers.grantConsent,
    },
  });
  useDraftSync(form, onDraft);
  const watched = useWatch({ control: form.control });
  const options = automaticOptionsSchema.safeParse(watched);
  const chosen = options.success ? { ...answers, ...toOptionAnswers(options.data) } : answers;
  const plan = automatic ? planFor(chosen, config) : context.plan;
  if (!plan) return null;
  const runOptions = runOptionsFor(chosen, plan);
  const interrupted = automatic ? run?.interruptedRun(plan) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!automatic) {
      event.preventDefault();
      onComplete({});
      return;
    }
    void form.handleSubmit(async (values) => {
      setProblem(null);
      if (!run) return;
      const patch = toOptionAnswers(values);
      const final = { ...answers, ...patch };
      const finalPlan = planFor(final, config);
      if (!finalPlan) return;
      try {
        await run.start(finalPlan, runOptionsFor(final, finalPlan));
        onComplete(patch);
      } catch (error) {
        if (error instanceof AuthFailure && error.explanation.kind !== 'replaced')
          setProblem(error.explanation);
      }
    })(event);
  };
  return (
    <form id={formId} onSubmit={submit} className={styles.stack} noValidate>
      {automatic && !auth?.account && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Sign in on the Sign in step first: the registration is created in your tenant.
          </MessageBarBody>
        </MessageBar>
      )}
      {interrupted && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>An earlier run of this registration did not finish</MessageBarTitle>
            Creating it again continues that run: nothing is created twice, and a client secret it made that
            was never saved is removed and replaced.
          </MessageBarBody>
        </MessageBar>
      )}
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
        {/* The notes above already warn about a retired API. */}
        <PermissionList permissions={plan.permissions} headingLevel={3} retiredNotes={false} />
      </section>
      <section className={styles.notes} aria-labelledby="json-heading">
        <h2 id="json-heading" className={styles.heading}>
          The application as Microsoft Graph receives it
        </h2>
        <Body1>Exactly this JSON becomes the registration; credentials are added separately.</Body1>
        <CodeBlock label="Application JSON" code={toJsonFile(plan.application)} />
      </section>
      {automatic && (
        <section className={styles.notes} aria-labelledby="options-heading">
          <h2 id="options-heading" className={styles.heading}>
            Before you create it
          </h2>
          <AutomaticOptions form={form} consentNeeded={plan.adminConsent.required} />
          <RequestList graphHost={clouds[config.cloud].graph} requests={describeRequests(plan, runOptions)} />
          <Body1>
            Create asks you to allow {runPermissions(plan, runOptions).join(', ')} for this session, then
            sends these requests.
          </Body1>
          {problem && <AuthErrorMessage explanation={problem} />}
        </section>
      )}
    </form>
  );
}

import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { uniqueNameFor } from '../../plan/unique-name';
import { AuthErrorMessage } from '../../auth/auth-error-message';
import { AuthFailure } from '../../auth/auth-types';
import type { AuthErrorExplanation } from '../../auth/explain-auth-error';
import { useAuth } from '../../auth/use-auth';
import { clouds } from '../../config/clouds';
import { toJsonFile } from '../../exports/manifest';
import { describeRequests } from '../../graph/describe-requests';
import { CodeBlock } from '../../ui/code-block';
import { CorrectionList } from '../../ui/correction-list';
import { PermissionList } from '../../ui/permission-list';
import { certificateOf, existingFor, planFor, uniqueNameOf, type WizardAnswers } from '../../wizard/answers';
import { useAutomaticRun } from '../../wizard/automatic-run';
import { createPermissions } from '../../wizard/automatic-run-code';
import type { StepProps } from '../../wizard/step-definition';
import { useStepForm } from '../../wizard/use-step-form';
import type { ExistingRegistration } from '../../plan/plan-types';
import { AutomaticOptions } from './automatic-options';
import { SecureDefaults } from './secure-defaults';
import { credentialChanges, defaultNewSecret } from './credential-changes';
import { summarisePlan } from './plan-summary';
import { RequestList } from './request-list';
import { automaticOptionsSchema, toOptionAnswers, type AutomaticOptionsForm } from './review-schema';
import { TenantCheck } from './tenant-check';
import { TenantReadiness } from './tenant-readiness';
import { consentReadiness } from '../../plan/consent-readiness';
import type { TenantPolicies } from '../../plan/tenant-policy-types';
import { WaitNotice } from '../../wizard/wait-notice';
import { CodeExports } from '../../wizard/code-exports';
import type { RunWaiting } from '../../graph/run-types';
import { useLiveStatus } from '../../ui/live-status';
import { waitWords } from '../../wizard/wait-message';

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
export function ReviewStep({
  formId,
  context,
  onComplete,
  onUpdate,
  draft,
  onDraft,
}: StepProps<AutomaticOptionsForm>) {
  const styles = useStyles();
  const { answers, config } = context;
  const automatic = answers.path === 'automatic';
  const run = useAutomaticRun();
  const auth = useAuth();
  const [problem, setProblem] = useState<AuthErrorExplanation | null>(null);
  const [graphProblem, setGraphProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkWait, setCheckWait] = useState<RunWaiting | undefined>();
  const [targetError, setTargetError] = useState<string | null>(null);
  // What the last read of the tenant found that keeps the admin on the review, said once it is shown.
  const [checked, setChecked] = useState('');
  useLiveStatus(
    checking ? (checkWait ? `${waitWords[checkWait.kind].title}.` : 'Reading your tenant…') : checked,
  );
  const form = useStepForm(automaticOptionsSchema, {
    draft,
    onDraft,
    defaults: {
      secretLifetimeMonths: String(
        answers.secretLifetimeMonths,
      ) as AutomaticOptionsForm['secretLifetimeMonths'],
      grantConsent: answers.grantConsent,
      lockInstanceProperties: answers.lockInstanceProperties,
      newSecret: answers.newSecret ?? defaultNewSecret(existingFor(answers), null),
    },
  });
  const watched = useWatch({ control: form.control });
  const options = automaticOptionsSchema.safeParse(watched);
  const chosen = options.success ? { ...answers, ...toOptionAnswers(options.data) } : answers;
  const plan = planFor(chosen, config);
  if (!plan) return null;
  const interrupted = automatic ? run?.interruptedRun(plan) : null;
  const unsavedSecret = interrupted?.secret && !interrupted.secret.saved ? interrupted.secret.keyId : null;
  // The registration the display name finds (instance 1), and the one this plan writes (another when "new").
  const found = existingFor(answers, 1);
  const existing = existingFor(answers);
  const certificate = plan.credentials.certificate.credential ? certificateOf(answers.certificate) : null;
  const readiness = answers.tenantPolicies
    ? consentReadiness(plan.connectors, answers.tenantPolicies.consent)
    : null;
  const changes =
    existing === undefined
      ? null
      : credentialChanges(
          plan,
          existing,
          certificate
            ? {
                subject: certificate.graphKeyCredential.displayName,
                thumbprint: certificate.thumbprintSha1Hex,
              }
            : null,
          chosen.secretLifetimeMonths,
          unsavedSecret,
        );

  /** Records what the check found, and the secret choice it implies unless the admin made one. */
  const remember = (
    uniqueName: string,
    registration: ExistingRegistration | null,
    tenantPolicies: TenantPolicies | null,
  ): WizardAnswers => {
    const tenantChecks = { ...answers.tenantChecks, [uniqueName]: registration };
    if (registration && !form.getFieldState('newSecret').isDirty)
      form.setValue('newSecret', defaultNewSecret(registration, unsavedSecret));
    onUpdate({ tenantChecks, tenantPolicies });
    return { ...answers, tenantChecks, tenantPolicies };
  };

  /**
   * Whether the policies just read change what the admin reviewed: the plan follows a credential policy, consent
   * now is recommended but not chosen, or something could not be checked.
   */
  const readinessChanges = (final: WizardAnswers, policies: TenantPolicies): boolean => {
    const adapted = planFor(final, config)?.notices.some(
      (n) =>
        n.kind === 'secret-forbidden' ||
        n.kind === 'secret-lifetime-capped' ||
        n.kind === 'trusted-ca-required',
    );
    // Consent the plan already said was needed is no news: the admin chose with it in view.
    const advice = consentReadiness(final.connectors, policies.consent).settingsDecide && !final.grantConsent;
    return Boolean(adapted) || advice || policies.unreadable.length > 0;
  };

  const chooseTarget = async (target: 'update' | 'new') => {
    setTargetError(null);
    setGraphProblem(null);
    if (target === 'update') {
      onUpdate({ target, instance: 1 });
      return;
    }
    if (!run) return;
    const name = answers.displayName.trim();
    onUpdate({ target });
    setChecking(true);
    try {
      const instance = await run.freeInstance(name);
      onUpdate({
        target,
        instance,
        tenantChecks: { ...answers.tenantChecks, [uniqueNameFor(name, instance)]: null },
      });
    } catch (error) {
      setGraphProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!automatic) {
      event.preventDefault();
      onComplete({ lockInstanceProperties: form.getValues('lockInstanceProperties') });
      return;
    }
    void form.handleSubmit(async (values) => {
      setProblem(null);
      setGraphProblem(null);
      setChecked('');
      // A read of the tenant is under way; its answer decides what the run does.
      if (!run || checking) return;
      const patch = toOptionAnswers(values);
      let final: WizardAnswers = { ...answers, ...patch };
      const firstPlan = planFor(final, config);
      if (!firstPlan) return;
      try {
        // The permission popup must open within the click: nothing is awaited before it.
        await run.authorize(firstPlan);
        const uniqueName = uniqueNameOf(final);
        const checkRegistration = existingFor(final) === undefined;
        const checkPolicies = final.tenantPolicies === null;
        if (checkRegistration || checkPolicies) {
          setChecking(true);
          const [registration, policies] = await Promise.all([
            checkRegistration
              ? run.inspect(uniqueName, setCheckWait, firstPlan)
              : Promise.resolve(existingFor(final) ?? null),
            checkPolicies ? run.readPolicies(undefined, setCheckWait) : Promise.resolve(final.tenantPolicies),
          ])
            .then(async ([found, read]): Promise<[ExistingRegistration | null, TenantPolicies | null]> =>
              // A registration that exists may have its own app management policies, which replace the default.
              checkPolicies && found
                ? [found, await run.readPolicies(found.id, setCheckWait)]
                : [found, read],
            )
            .finally(() => {
              setChecking(false);
              setCheckWait(undefined);
            });
          final = { ...remember(uniqueName, registration, policies), ...patch };
          // Something is there: the admin reviews what it holds and what changes before anything is written.
          if (checkRegistration && registration) {
            setChecked(
              'Your tenant has this registration already. Review what the run adds, keeps and removes, then update it.',
            );
            return;
          }
          // The policies change the plan or the advice: the admin reviews them before anything is written.
          if (checkPolicies && policies && readinessChanges(final, policies)) {
            // Granting consent now becomes the choice where the settings stop users; the admin may still untick it.
            if (consentReadiness(final.connectors, policies.consent).settingsDecide && !final.grantConsent)
              form.setValue('grantConsent', true);
            setChecked('Your tenant’s settings change the plan. Review the notes, then create it.');
            return;
          }
        }
        const base = existingFor(final, 1);
        if (base && base.displayName !== final.displayName.trim() && final.target === null) {
          setTargetError(`Choose whether to update “${base.displayName}” or create a new registration.`);
          return;
        }
        const finalPlan = planFor(final, config);
        if (!finalPlan) return;
        await run.start(finalPlan);
        // The run changes what the check saw: a later review checks again.
        const { [uniqueName]: _stale, ...tenantChecks } = final.tenantChecks;
        onComplete({ ...patch, tenantChecks });
      } catch (error) {
        if (error instanceof AuthFailure) {
          if (error.explanation.kind !== 'replaced') setProblem(error.explanation);
        } else {
          setGraphProblem(
            `The wizard could not read your tenant: ${error instanceof Error ? error.message : String(error)}. Nothing was written. Try again.`,
          );
        }
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
      <CodeExports plan={plan} cloud={clouds[config.cloud]} headingLevel={2} headingSize="medium" />
      <SecureDefaults form={form} plan={plan} automatic={automatic} />
      {automatic && (
        <section className={styles.notes} aria-labelledby="options-heading">
          <h2 id="options-heading" className={styles.heading}>
            Before you create it
          </h2>
          <section className={styles.notes} aria-labelledby="tenant-heading">
            <h3 id="tenant-heading" className={styles.heading}>
              In your tenant
            </h3>
            <TenantCheck
              plan={plan}
              found={found}
              existing={existing}
              changes={changes}
              form={form}
              target={answers.target}
              onTarget={(target) => void chooseTarget(target)}
              targetError={targetError}
            />
            <TenantReadiness plan={plan} policies={answers.tenantPolicies} readiness={readiness} />
            {checking && <Spinner size="tiny" label="Reading your tenant…" />}
            <WaitNotice waiting={checkWait} />
            {graphProblem && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{graphProblem}</MessageBarBody>
              </MessageBar>
            )}
          </section>
          <AutomaticOptions
            form={form}
            consentNeeded={plan.adminConsent.required}
            consentRecommended={readiness?.recommendConsentNow ?? false}
          />
          <RequestList graphHost={clouds[config.cloud].graph} requests={describeRequests(plan)} />
          <Body1>
            Create asks you to allow {createPermissions(plan).join(', ')} for this session, then sends these
            requests.
          </Body1>
          {problem && <AuthErrorMessage explanation={problem} />}
        </section>
      )}
    </form>
  );
}

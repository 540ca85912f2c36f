import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ConsentReadiness } from '../../plan/consent-readiness';
import type { RegistrationPlan } from '../../plan/plan-types';
import type { TenantPolicies } from '../../plan/tenant-policy-types';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** The admin consent workflow in words: whether users can ask, and who reviews. */
function workflowText(policies: TenantPolicies): string {
  const workflow = policies.consent.adminConsentWorkflow;
  if (!workflow) return 'Whether the admin consent workflow is on could not be read.';
  if (!workflow.enabled) {
    return 'The admin consent workflow is off: a user who cannot consent sees “Need admin approval” and has to ask an administrator some other way.';
  }
  const reviewers = workflow.reviewers.length ? workflow.reviewers.join(', ') : 'nobody yet';
  return `The admin consent workflow is on: a user who cannot consent can send a request from “Approval required”, reviewed by ${reviewers} (Enterprise applications › Admin consent requests).`;
}

/** The credential policy in words. */
function credentialText(plan: RegistrationPlan, policies: TenantPolicies): string {
  const c = policies.credentials;
  if (!c.readable) return 'The credential policies could not be read.';
  const rules = [
    c.secretsForbidden ? 'client secrets are forbidden' : null,
    c.maxSecretLifetimeDays !== null ? `client secrets last at most ${c.maxSecretLifetimeDays} days` : null,
    c.trustedCertificateAuthorityRequired
      ? 'certificates must come from a trusted certificate authority'
      : null,
    c.maxCertificateLifetimeDays !== null
      ? `certificates last at most ${c.maxCertificateLifetimeDays} days`
      : null,
  ].filter((r): r is string => r !== null);
  if (rules.length === 0) return 'No app management policy restricts the registration’s credentials.';
  const adapted = plan.notices.some(
    (n) =>
      n.kind === 'secret-forbidden' ||
      n.kind === 'secret-lifetime-capped' ||
      n.kind === 'trusted-ca-required',
  );
  return `Your tenant’s app management policy (${c.sources.join(', ')}): ${rules.join('; ')}.${adapted ? ' The plan follows it (see the notes above).' : ''}`;
}

interface TenantReadinessProps {
  readonly plan: RegistrationPlan;
  /** Null until Create read them. */
  readonly policies: TenantPolicies | null;
  readonly readiness: ConsentReadiness | null;
}

/**
 * The tenant's readiness, read before any write: whether each connector's accounts can consent themselves, the
 * admin consent workflow, the credential policy the plan follows, and what could not be checked.
 */
export function TenantReadiness({ plan, policies, readiness }: TenantReadinessProps) {
  const styles = useStyles();
  if (!policies || !readiness) {
    return (
      <Body1>
        Create also reads your tenant’s user consent settings, admin consent workflow and app management
        policies (Policy.Read.All) before anything is written, and stops here if they change the plan or the
        advice.
      </Body1>
    );
  }
  return (
    <section className={styles.stack} aria-label="Tenant readiness">
      <h4 className={styles.heading}>Can the connectors’ accounts consent themselves?</h4>
      <Body1>{readiness.setting}</Body1>
      <ul className={styles.list}>
        {readiness.connectors.map((c) => (
          <li key={`${c.id}:${c.mode}`}>{c.text}</li>
        ))}
      </ul>
      {readiness.recommendConsentNow && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Grant admin consent now (recommended)</MessageBarTitle>
            Not every connector’s accounts will be able to consent themselves. Granting admin consent for your
            organization now lets them connect without meeting “Need admin approval”.
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>{workflowText(policies)}</Body1>
      <h4 className={styles.heading}>Credential policy</h4>
      <Body1>{credentialText(plan, policies)}</Body1>
      {policies.unreadable.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not checked</MessageBarTitle>
            Microsoft Graph refused these reads, so the wizard could not check them (your role may not allow
            it; a Global Reader can). The run goes on without them:
            <ul className={styles.list}>
              {policies.unreadable.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

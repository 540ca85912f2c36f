import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RegistrationPlan } from '../../plan/plan-types';
import type { TenantPolicies } from '../../plan/tenant-policy-types';

const POLICY_NOTICES = new Set(['secret-lifetime-capped', 'secret-forbidden', 'trusted-ca-required']);

interface PolicyNotesProps {
  readonly plan: RegistrationPlan;
  /** The policies read when the rotation started; null when none were read. */
  readonly policies: TenantPolicies | null;
}

/**
 * What the tenant's credential policies changed in the rotation, in the plan's own words (the same as a setup's
 * review), and what could not be checked: the rotation goes on without it, as Create does.
 */
export function PolicyNotes({ plan, policies }: PolicyNotesProps) {
  const notes = plan.notices.filter((n) => POLICY_NOTICES.has(n.kind));
  const unreadable = policies?.unreadable.filter((u) => /credential polic/i.test(u)) ?? [];
  return (
    <>
      {notes.map((n) => (
        <MessageBar key={n.kind} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Your tenant’s policy changes the rotation</MessageBarTitle>
            {n.message}
          </MessageBarBody>
        </MessageBar>
      ))}
      {unreadable.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not checked</MessageBarTitle>
            {unreadable.join('; ')}. Your role may not allow reading it (Policy.Read.All). The rotation goes
            on without it: if the tenant restricts credentials, Microsoft Graph refuses the new one and the
            wizard says why, with nothing changed.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

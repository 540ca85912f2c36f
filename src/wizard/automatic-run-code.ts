/**
 * The Graph code automatic mode runs on: the plan runner, and the permissions a run asks for. Start-up loads it with a
 * dynamic import only where someone can sign in (with MSAL, or with the demo tenant), and hands it to
 * `AutomaticRunProvider` through `AutomaticRunCodeContext`; offline deployments never download it.
 */
import { WIZARD_PERMISSIONS } from '../config/wizard-permissions';
import { runPermissions } from '../graph/describe-requests';
import type { RegistrationPlan } from '../plan/plan-types';

export { createPlanRunner } from '../graph/plan-runner';

/** What Create asks for: the run's permissions, and the policy reads the review makes before any write. */
export function createPermissions(plan: RegistrationPlan): readonly string[] {
  return [...runPermissions(plan), ...WIZARD_PERMISSIONS.readPolicies];
}

/**
 * What a run of `plan` asks for: a repair's own permissions; a rotation's, with the policy reads before it adds a
 * credential (its removal reads none); or Create's.
 */
export function permissionsToRun(plan: RegistrationPlan): readonly string[] {
  // The same set at the Rotate click (before a new certificate exists) and at Add: one window, one token.
  if (plan.rotation?.stage === 'add')
    return [...new Set([...WIZARD_PERMISSIONS.create, ...createPermissions(plan)])];
  return plan.repair || plan.rotation ? runPermissions(plan) : createPermissions(plan);
}

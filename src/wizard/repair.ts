/** Check and repair: the plans the checklist judges against and Repair runs, from the answers and the check. */
import type { AppConfig } from '../config/config-schema';
import type { RegistrationSnapshot } from '../graph/registration-check';
import { buildPlan } from '../plan/build-plan';
import type { RegistrationPlan, RepairFix } from '../plan/plan-types';
import { redirectUriFor, type WizardAnswers } from './answers';

/** What the registration should be for the chosen connectors (its own name kept). */
export function checkPlanFor(
  answers: WizardAnswers,
  config: AppConfig,
  snapshot: RegistrationSnapshot | null,
): RegistrationPlan | null {
  if (answers.connectors.length === 0) return null;
  return buildPlan({
    connectors: answers.connectors,
    displayName: snapshot?.application.displayName || answers.displayName,
    redirectUris: answers.connectors.map((c) => redirectUriFor(answers, config, c.id)),
  });
}

/** The plan Repair runs: the chosen fixes on the registration as the check read it. */
export function repairPlanFor(
  answers: WizardAnswers,
  config: AppConfig,
  snapshot: RegistrationSnapshot,
  fixes: readonly RepairFix[],
): RegistrationPlan {
  const app = snapshot.application;
  const displayName = app.displayName ?? '';
  return buildPlan({
    connectors: answers.connectors,
    displayName,
    redirectUris: answers.connectors.map((c) => redirectUriFor(answers, config, c.id)),
    repair: { applicationId: app.id ?? '', appId: app.appId ?? '', displayName, current: app, fixes },
  });
}

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { initialAnswers, planFor, type SetupPath, type WizardAnswers } from '../wizard/answers';
import { startRotation } from '../wizard/rotation';
import type { StepContext } from '../wizard/step-definition';
import { steps } from './registry';

const contextOf = (answers: WizardAnswers): StepContext => ({
  answers,
  config: defaultConfig,
  plan: planFor(answers, defaultConfig),
  signedIn: false,
});

/** Answers that show as many steps as one path can: an admin connector (a certificate), branding on. */
const fullest = (path: SetupPath): WizardAnswers => ({
  ...initialAnswers(defaultConfig),
  path,
  connectors: [{ id: 'sharepoint', mode: 'admin' }],
  customizeBranding: true,
});

describe('the step registry', () => {
  it('marks as sign-in only exactly the steps the offline path never shows', () => {
    const offline = steps.filter((s) => s.isShown(contextOf(fullest('offline')))).map((s) => s.id);
    expect(steps.filter((s) => s.signInOnly).map((s) => s.id)).toEqual(
      steps.filter((s) => !offline.includes(s.id)).map((s) => s.id),
    );
    // Each of them shows on some signed-in path, so the mark never hides a step that could be reached.
    const old = { type: 'certificate', keyId: 'old', displayName: 'CN=portal', endDateTime: null } as const;
    const rotating = { ...fullest('repair'), rotation: startRotation('app', old) };
    const paths = [fullest('automatic'), fullest('repair'), rotating];
    for (const step of steps.filter((s) => s.signInOnly)) {
      expect(
        paths.some((answers) => step.isShown(contextOf(answers))),
        step.id,
      ).toBe(true);
    }
  });
});

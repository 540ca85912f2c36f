import type { ComponentType } from 'react';
import type { AppConfig } from '../config/config-schema';
import type { RegistrationPlan } from '../plan/plan-types';
import type { WizardAnswers } from './answers';

/** What every step sees. */
export interface StepContext {
  readonly answers: WizardAnswers;
  readonly config: AppConfig;
  /** Null until at least one connector is chosen. */
  readonly plan: RegistrationPlan | null;
}

export interface StepProps {
  /** The id to give the step's `<form>`: the shell's Next button submits it. */
  readonly formId: string;
  readonly context: StepContext;
  /** Called with the step's validated answers; the wizard stores them and moves on. */
  readonly onComplete: (patch: Partial<WizardAnswers>) => void;
  /** Stores answers without leaving the step, e.g. a generated certificate or a file the admin saved. */
  readonly onUpdate: (patch: Partial<WizardAnswers>) => void;
  /** The step's unsaved form values from an earlier visit, if it left any. Only this step writes them. */
  readonly draft: unknown;
  /** Called with the form's values as the admin types, so leaving by Back or the stepper loses nothing. */
  readonly onDraft: (values: unknown) => void;
}

/** One step of the wizard. The registry is an ordered list of these; the shell renders them generically. */
export interface StepDefinition {
  readonly id: string;
  /** The heading and the stepper's label. */
  readonly title: string;
  readonly Component: ComponentType<StepProps>;
  /** Whether the step applies to these answers; hidden steps are skipped both ways. */
  readonly isShown: (context: StepContext) => boolean;
  /**
   * Whether moving forward onto the step goes straight past it, because it has nothing to ask right now (the sign-in
   * step once someone is signed in). It stays in the stepper, and Back still reaches it. Never, when absent.
   */
  readonly passOver?: (context: StepContext) => boolean;
  /** The Next button's label; null when the step has its own buttons, or is the last one. */
  readonly nextLabel: (context: StepContext) => string | null;
}

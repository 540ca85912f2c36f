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
  /** Whether an account is signed in right now; always false in a deployment without sign-in. */
  readonly signedIn: boolean;
}

/** What the shell hands every step, whatever its form. */
interface StepBaseProps {
  /** The id to give the step's `<form>`: the shell's Next button submits it. */
  readonly formId: string;
  readonly context: StepContext;
  /** Called with the step's validated answers; the wizard stores them and moves on. */
  readonly onComplete: (patch: Partial<WizardAnswers>) => void;
  /** Stores answers without leaving the step, e.g. a generated certificate or a file the admin saved. */
  readonly onUpdate: (patch: Partial<WizardAnswers>) => void;
  /** Goes to the step before, as the shell's Back button does: for a step whose own button leads back. */
  readonly onBack: () => void;
}

/**
 * A step's props. `TForm` is the step's form values (its schema's inferred type); a step without a form leaves it
 * out, and then has no draft.
 */
export interface StepProps<TForm = never> extends StepBaseProps {
  /** The step's unsaved form values from an earlier visit, if it left any. Only this step writes them. */
  readonly draft: TForm | undefined;
  /** Called with the form's values as the admin types, so leaving by Back or the stepper loses nothing. */
  readonly onDraft: (values: TForm) => void;
}

/** What the shell and the wizard's state read of a step, whatever its form. */
export interface StepInfo {
  readonly id: string;
  /** The heading and the stepper's label. */
  readonly title: string;
  /** Whether the step applies to these answers; hidden steps are skipped both ways. */
  readonly isShown: (context: StepContext) => boolean;
  /**
   * Whether moving forward onto the step goes straight past it, because it has nothing to ask right now (the sign-in
   * step once someone is signed in). It stays in the stepper, and Back still reaches it. Never, when absent.
   */
  readonly passOver?: (context: StepContext) => boolean;
  /** The Next button's label; null when the step has its own buttons. */
  readonly nextLabel: (context: StepContext) => string | null;
  /**
   * The step ends the wizard: its button (labelled by `nextLabel`) is Finish, which removes every secret from the page
   * and opens the start page again, instead of submitting the step's form.
   */
  readonly finishes?: boolean;
  /**
   * The step shows only on a path that signs in (automatic mode, check and repair): a deployment without sign-in never
   * shows it, so the shell never downloads its code there. Never, when absent.
   */
  readonly signInOnly?: boolean;
}

/** One step as its module declares it: its component's draft is typed as the step's own form values. */
export interface StepDefinition<TId extends string, TForm = never> extends StepInfo {
  readonly id: TId;
  readonly Component: ComponentType<StepProps<TForm>>;
}

/** The draft one step keeps, keyed by its id: its form values. */
export type DraftsFor<TId extends string, TForm> = { readonly [K in TId]: TForm };

/**
 * What the shell hands a registry step: the drafts every step left, keyed by step id (a step has none until its form
 * changes, and none once it completes), from which the step takes its own.
 */
export interface WizardStepProps<TDrafts> extends StepBaseProps {
  readonly drafts: Partial<TDrafts>;
  /** Stores the drafts in `patch` next to the others. */
  readonly onDrafts: (patch: Partial<TDrafts>) => void;
}

/**
 * One step as the registry lists it, made by `defineStep`. The shell handles every step alike through the drafts
 * record; only the step itself reads and writes its own entry, typed as its form values.
 */
export interface WizardStep<TDrafts> extends StepInfo {
  readonly Component: ComponentType<WizardStepProps<TDrafts>>;
  /**
   * Downloads the step's code ahead of its first render (a `lazyComponent`); absent when the code is in the start-up
   * bundle. Rejects when the download fails.
   */
  readonly preload?: () => Promise<void>;
}

/**
 * The drafts record of a registry whose steps are `TStep` (a union of `WizardStep`s): every step's entry, keyed by
 * its id. It is the intersection of what each step keeps, which a function parameter's inference produces.
 */
export type DraftsOf<TStep> = (
  TStep extends WizardStep<infer TDrafts> ? (drafts: TDrafts) => void : never
) extends (drafts: infer TAll) => void
  ? TAll
  : never;

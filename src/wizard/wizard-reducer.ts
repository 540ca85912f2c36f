import { patchAnswers, type WizardAnswers } from './answers';
import type { StepContext, StepInfo } from './step-definition';

/** The wizard's state. `TDrafts` maps each step's id to its form values (`DraftsOf` the registry). */
export interface WizardState<TDrafts> {
  readonly answers: WizardAnswers;
  readonly current: string;
  /** Steps the admin has reached. */
  readonly visited: readonly string[];
  /**
   * Unvalidated form values per step, keyed by step id, kept as the admin types so that leaving a step by Back or the
   * stepper loses nothing. Only the step that wrote a draft reads it; answers hold validated values only.
   */
  readonly drafts: Partial<TDrafts>;
}

export type WizardAction<TDrafts> =
  /** `step` is the step that completed: a completion that arrives after the admin moved on (a sign-in popup that
   * finished late) changes nothing. */
  | { readonly type: 'complete'; readonly step: string; readonly patch: Partial<WizardAnswers> }
  /** `drafts` holds the new draft of one step, under its id. */
  | { readonly type: 'draft'; readonly drafts: Partial<TDrafts> }
  | { readonly type: 'update'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: string }
  /**
   * The admin is done: the wizard opens again on its first step with `answers` (the ones the page opened with), and
   * keeps nothing of this setup: no certificate, passphrase or draft.
   */
  | { readonly type: 'finish'; readonly answers: WizardAnswers };

type Steps = readonly Pick<StepInfo, 'id' | 'isShown' | 'passOver' | 'signInOnly'>[];

export function shownSteps<T extends Steps[number]>(steps: readonly T[], context: StepContext): T[] {
  return steps.filter((s) => s.isShown(context));
}

/**
 * The steps that may come right after `current`, whose code the shell downloads while `current` shows: the next step
 * shown for the answers so far, and the next two of the registry whatever the answers, since the current step's own
 * answers may show them (the start step's path choice shows sign-in, then the registration to repair). Without
 * `signIn` (a deployment without sign-in, or where it could not start), steps that only a signed-in path shows are
 * left out: nothing can show them.
 */
export function stepsToPreload<T extends Steps[number]>(
  steps: readonly T[],
  shown: readonly T[],
  current: string,
  signIn: boolean,
) {
  const nextShown = shown[shown.findIndex((s) => s.id === current) + 1];
  const index = steps.findIndex((s) => s.id === current);
  const nextInRegistry =
    index < 0 ? [] : steps.slice(index + 1, index + 3).filter((s) => signIn || !s.signInOnly);
  return steps.filter((s) => s === nextShown || nextInRegistry.includes(s));
}

/** `drafts` without the draft of `step`. */
function withoutDraft<TDrafts>(drafts: Partial<TDrafts>, step: string): Partial<TDrafts> {
  const rest = { ...drafts };
  Reflect.deleteProperty(rest, step);
  return rest;
}

/**
 * The wizard's state machine, pure so it can be tested without React. `contextOf` derives what `isShown` needs (the
 * plan) from the answers.
 */
export function createWizardReducer<TDrafts>(
  steps: Steps,
  contextOf: (answers: WizardAnswers) => StepContext,
) {
  return function reduce(state: WizardState<TDrafts>, action: WizardAction<TDrafts>): WizardState<TDrafts> {
    switch (action.type) {
      case 'update':
        return { ...state, answers: patchAnswers(state.answers, action.patch) };
      case 'draft':
        return { ...state, drafts: { ...state.drafts, ...action.drafts } };
      case 'complete': {
        if (action.step !== state.current) return state;
        const answers = patchAnswers(state.answers, action.patch);
        const context = contextOf(answers);
        const shown = shownSteps(steps, context);
        const index = shown.findIndex((s) => s.id === state.current);
        const drafts = withoutDraft(state.drafts, state.current);
        if (index < 0 || !shown[index + 1]) return { ...state, answers, drafts };
        // Pass over steps with nothing to ask, but never past the last one.
        let target = index + 1;
        while (shown[target]?.passOver?.(context) && shown[target + 1]) target += 1;
        const reached = shown.slice(index + 1, target + 1).map((s) => s.id);
        const visited = [...state.visited, ...reached.filter((id) => !state.visited.includes(id))];
        return { answers, current: reached.at(-1) ?? state.current, visited, drafts };
      }
      case 'back': {
        const shown = shownSteps(steps, contextOf(state.answers));
        const index = shown.findIndex((s) => s.id === state.current);
        const previous = shown[index - 1];
        return previous ? { ...state, current: previous.id } : state;
      }
      case 'go-to': {
        // Only backwards: moving forwards goes through Next, which validates the step being left.
        const shown = shownSteps(steps, contextOf(state.answers)).map((s) => s.id);
        const target = shown.indexOf(action.step);
        return target >= 0 && target < shown.indexOf(state.current)
          ? { ...state, current: action.step }
          : state;
      }
      case 'finish':
        return initialWizardState<TDrafts>(steps, action.answers);
    }
  };
}

/** The state the wizard opens in: the first step, or `at` with every step before it counted as visited. */
export function initialWizardState<TDrafts>(
  steps: Steps,
  answers: WizardAnswers,
  at?: string,
): WizardState<TDrafts> {
  const index = Math.max(0, at ? steps.findIndex((s) => s.id === at) : 0);
  const visited = steps.slice(0, index + 1).map((s) => s.id);
  return { answers, current: visited.at(-1) ?? '', visited, drafts: {} };
}

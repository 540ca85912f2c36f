import type { WizardAnswers } from './answers';
import type { StepContext, StepDefinition } from './step-definition';

export interface WizardState {
  readonly answers: WizardAnswers;
  readonly current: string;
  /** Steps the admin has reached. */
  readonly visited: readonly string[];
  /**
   * Unvalidated form values per step, kept as the admin types so that leaving a step by Back or the stepper loses
   * nothing. Only the step that wrote a draft reads it; answers hold validated values only.
   */
  readonly drafts: Readonly<Record<string, unknown>>;
}

export type WizardAction =
  | { readonly type: 'complete'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'draft'; readonly step: string; readonly values: unknown }
  | { readonly type: 'update'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: string };

type Steps = readonly Pick<StepDefinition, 'id' | 'isShown'>[];

export function shownSteps<T extends Steps[number]>(steps: readonly T[], context: StepContext): T[] {
  return steps.filter((s) => s.isShown(context));
}

/**
 * The wizard's state machine, pure so it can be tested without React. `contextOf` derives what `isShown` needs (the
 * plan) from the answers.
 */
export function createWizardReducer(steps: Steps, contextOf: (answers: WizardAnswers) => StepContext) {
  return function reduce(state: WizardState, action: WizardAction): WizardState {
    switch (action.type) {
      case 'update':
        return { ...state, answers: { ...state.answers, ...action.patch } };
      case 'draft':
        return { ...state, drafts: { ...state.drafts, [action.step]: action.values } };
      case 'complete': {
        const answers = { ...state.answers, ...action.patch };
        const shown = shownSteps(steps, contextOf(answers));
        const index = shown.findIndex((s) => s.id === state.current);
        const next = shown[index + 1];
        const { [state.current]: _done, ...drafts } = state.drafts;
        if (index < 0 || !next) return { ...state, answers, drafts };
        const visited = state.visited.includes(next.id) ? state.visited : [...state.visited, next.id];
        return { answers, current: next.id, visited, drafts };
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
    }
  };
}

/** The state the wizard opens in: the first step, or `at` with every step before it counted as visited. */
export function initialWizardState(steps: Steps, answers: WizardAnswers, at?: string): WizardState {
  const index = Math.max(0, at ? steps.findIndex((s) => s.id === at) : 0);
  const visited = steps.slice(0, index + 1).map((s) => s.id);
  return { answers, current: visited.at(-1) ?? '', visited, drafts: {} };
}

import type { WizardAnswers } from './answers';
import type { StepContext, StepDefinition } from './step-definition';

export interface WizardState {
  readonly answers: WizardAnswers;
  readonly current: string;
  /** Steps the admin has reached; the stepper lets them jump back to any of these. */
  readonly visited: readonly string[];
}

export type WizardAction =
  | { readonly type: 'complete'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'draft'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: string };

type Steps = readonly Pick<StepDefinition, 'id' | 'isShown'>[];

export function shownSteps(steps: Steps, context: StepContext) {
  return steps.filter((s) => s.isShown(context));
}

/**
 * The wizard's state machine, pure so it can be tested without React. `contextOf` derives what `isShown` needs (the
 * plan) from the answers.
 */
export function createWizardReducer(steps: Steps, contextOf: (answers: WizardAnswers) => StepContext) {
  return function reduce(state: WizardState, action: WizardAction): WizardState {
    switch (action.type) {
      case 'draft':
        return { ...state, answers: { ...state.answers, ...action.patch } };
      case 'complete': {
        const answers = { ...state.answers, ...action.patch };
        const shown = shownSteps(steps, contextOf(answers));
        const index = shown.findIndex((s) => s.id === state.current);
        const next = shown[index + 1];
        if (!next) return { ...state, answers };
        const visited = state.visited.includes(next.id) ? state.visited : [...state.visited, next.id];
        return { answers, current: next.id, visited };
      }
      case 'back': {
        const shown = shownSteps(steps, contextOf(state.answers));
        const index = shown.findIndex((s) => s.id === state.current);
        const previous = shown[index - 1];
        return previous ? { ...state, current: previous.id } : state;
      }
      case 'go-to': {
        const shown = shownSteps(steps, contextOf(state.answers));
        const target = shown.some((s) => s.id === action.step) && state.visited.includes(action.step);
        return target ? { ...state, current: action.step } : state;
      }
    }
  };
}

export function initialWizardState(steps: Steps, answers: WizardAnswers): WizardState {
  const first = steps[0]?.id ?? '';
  return { answers, current: first, visited: [first] };
}

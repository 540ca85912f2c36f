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
  /** `step` is the step that completed: a completion that arrives after the admin moved on (a sign-in popup that
   * finished late) changes nothing. */
  | { readonly type: 'complete'; readonly step: string; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'draft'; readonly step: string; readonly values: unknown }
  | { readonly type: 'update'; readonly patch: Partial<WizardAnswers> }
  | { readonly type: 'back' }
  | { readonly type: 'go-to'; readonly step: string };

type Steps = readonly Pick<StepDefinition, 'id' | 'isShown' | 'passOver'>[];

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
        if (action.step !== state.current) return state;
        const answers = { ...state.answers, ...action.patch };
        const context = contextOf(answers);
        const shown = shownSteps(steps, context);
        const index = shown.findIndex((s) => s.id === state.current);
        const { [state.current]: _done, ...drafts } = state.drafts;
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
    }
  };
}

/** The state the wizard opens in: the first step, or `at` with every step before it counted as visited. */
export function initialWizardState(steps: Steps, answers: WizardAnswers, at?: string): WizardState {
  const index = Math.max(0, at ? steps.findIndex((s) => s.id === at) : 0);
  const visited = steps.slice(0, index + 1).map((s) => s.id);
  return { answers, current: visited.at(-1) ?? '', visited, drafts: {} };
}

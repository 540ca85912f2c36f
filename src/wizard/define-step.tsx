import { useCallback } from 'react';
import { isPreloadable } from '../ui/lazy-component';
import type { DraftsFor, StepDefinition, WizardStep, WizardStepProps } from './step-definition';

/** `values` as the drafts entry of step `id`. */
function draftEntry<TId extends string, TForm>(id: TId, values: TForm): Partial<DraftsFor<TId, TForm>> {
  // Typed first as the (empty) record, so the computed key keeps the entry's type.
  const none: Partial<DraftsFor<TId, TForm>> = {};
  return { ...none, [id]: values };
}

/**
 * Makes a step a registry entry. Its component gets its own draft, typed as its form values (`TForm`, taken from
 * the component's props), and hands new drafts back under its id; the shell only moves the drafts record around, so
 * the registry stays one list of steps with different forms. A `lazyComponent`'s `preload` goes along, for the
 * shell.
 */
export function defineStep<TId extends string, TForm = never>({
  Component,
  ...step
}: StepDefinition<TId, TForm>): WizardStep<DraftsFor<TId, TForm>> {
  function StepWithDraft({ drafts, onDrafts, ...props }: WizardStepProps<DraftsFor<TId, TForm>>) {
    const onDraft = useCallback((values: TForm) => onDrafts(draftEntry(step.id, values)), [onDrafts]);
    return <Component {...props} draft={drafts[step.id]} onDraft={onDraft} />;
  }
  StepWithDraft.displayName = `Step(${step.id})`;
  return {
    ...step,
    Component: StepWithDraft,
    ...(isPreloadable(Component) ? { preload: Component.preload } : {}),
  };
}

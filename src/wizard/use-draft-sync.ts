import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** Hands every change of a step's form to the wizard as a draft, so leaving the step loses nothing. */
export function useDraftSync<T extends FieldValues>(
  form: UseFormReturn<T>,
  onDraft: (values: unknown) => void,
) {
  useEffect(() => {
    const subscription = form.watch((values) => onDraft(values));
    return () => subscription.unsubscribe();
  }, [form, onDraft]);
}

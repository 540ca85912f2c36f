import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Mode,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { ZodType } from '../ui/zod-without-eval';

/** A step's schema: it validates the form's values as they are, with no transform, so drafts and answers agree. */
export type StepSchema<TForm extends FieldValues> = ZodType<TForm, TForm>;

/**
 * What a step hands `useStepForm`: its draft and `onDraft` as the shell gave them, and where a new form starts. The
 * two starting points are typed as what `useForm` opens on, which a step's `TForm` values always are.
 */
export interface StepFormOptions<TForm extends FieldValues> {
  /** The values left by an earlier visit; the form opens on them rather than on `defaults`. */
  readonly draft: DefaultValues<TForm> | undefined;
  /** Receives the form's values at every change. */
  readonly onDraft: (values: TForm) => void;
  /** The values the form opens on without a draft. */
  readonly defaults: DefaultValues<TForm>;
  /** When fields validate; react-hook-form's default (on submit, then on change) when absent. */
  readonly mode?: Mode;
}

/** `useForm`'s options for a step: the schema validates, and the draft wins over the defaults. */
export function stepFormProps<TForm extends FieldValues>(
  schema: StepSchema<TForm>,
  { draft, defaults, mode }: Omit<StepFormOptions<TForm>, 'onDraft'>,
): UseFormProps<TForm> {
  return { resolver: zodResolver(schema), defaultValues: draft ?? defaults, ...(mode ? { mode } : {}) };
}

/** Hands every change of `form` to `onDraft` with all of its values. Returns the unsubscribe. */
export function syncDraft<TForm extends FieldValues>(
  form: Pick<UseFormReturn<TForm>, 'watch' | 'getValues'>,
  onDraft: (values: TForm) => void,
): () => void {
  const subscription = form.watch(() => onDraft(form.getValues()));
  return () => subscription.unsubscribe();
}

/**
 * A step's form: `useForm` with the step's zod schema as resolver, opened on the step's draft when it left one, and
 * handing every change back as the new draft, so what the admin typed survives Back and the stepper.
 */
export function useStepForm<TForm extends FieldValues>(
  schema: StepSchema<TForm>,
  options: StepFormOptions<TForm>,
): UseFormReturn<TForm> {
  const form = useForm<TForm>(stepFormProps(schema, options));
  const { onDraft } = options;
  useEffect(() => syncDraft(form, onDraft), [form, onDraft]);
  return form;
}

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createFormControl } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from '../ui/zod-without-eval';
import { stepFormProps, syncDraft, useStepForm, type StepFormOptions } from './use-step-form';

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name.'),
  consent: z.boolean(),
});
type Form = z.infer<typeof schema>;
const defaults: Form = { name: 'Contoso', consent: true };

/** What a step's form shows on its first render. */
function firstRender(options: StepFormOptions<Form>): string {
  function Step() {
    const form = useStepForm(schema, options);
    return createElement('output', null, `${form.getValues('name')}|${String(form.getValues('consent'))}`);
  }
  return renderToStaticMarkup(createElement(Step));
}

/** The form `useStepForm` makes, outside React. */
const formWith = (options: Omit<StepFormOptions<Form>, 'onDraft'>) =>
  createFormControl<Form>(stepFormProps(schema, options));
type StepForm = ReturnType<typeof formWith>;

/** Types into a field the way a `Controller` does. */
const type = (form: StepForm, name: keyof Form, value: string | boolean) =>
  form.register(name).onChange({ target: { name, value }, type: 'change' });

describe('useStepForm', () => {
  it('opens on the draft the step left, and on the defaults without one', () => {
    const onDraft = vi.fn();
    expect(firstRender({ draft: undefined, onDraft, defaults })).toBe('<output>Contoso|true</output>');
    expect(firstRender({ draft: { name: 'Half-typed na', consent: false }, onDraft, defaults })).toBe(
      '<output>Half-typed na|false</output>',
    );
    expect(onDraft).not.toHaveBeenCalled();
  });

  it('validates with the step’s schema and shows its messages', async () => {
    const form = formWith({ draft: { name: '  ', consent: true }, defaults });
    expect(await form.trigger()).toBe(false);
    expect(form.getFieldState('name').error?.message).toBe('Enter a name.');
    form.setValue('name', 'Contoso Files');
    expect(await form.trigger()).toBe(true);
    expect(form.getFieldState('name').error).toBeUndefined();
  });

  it('validates when the step asks: on submit by default, or on leaving a field', async () => {
    const leaveEmpty = async (form: StepForm) => {
      await type(form, 'name', '');
      await form.register('name').onBlur({ target: { name: 'name', value: '' }, type: 'blur' });
      return form.getFieldState('name').error?.message;
    };
    const draft = undefined;
    expect(await leaveEmpty(formWith({ draft, defaults }))).toBeUndefined();
    expect(await leaveEmpty(formWith({ draft, defaults, mode: 'onTouched' }))).toBe('Enter a name.');
  });

  it('hands every change to the wizard as the whole form, until the step unsubscribes', async () => {
    const form = formWith({ draft: undefined, defaults });
    const onDraft = vi.fn<(values: Form) => void>();
    const unsubscribe = syncDraft(form, onDraft);

    await type(form, 'name', 'Half-typed na');
    expect(onDraft).toHaveBeenLastCalledWith({ name: 'Half-typed na', consent: true });
    await type(form, 'consent', false);
    expect(onDraft).toHaveBeenLastCalledWith({ name: 'Half-typed na', consent: false });

    const calls = onDraft.mock.calls.length;
    unsubscribe();
    await type(form, 'name', 'Gone');
    expect(onDraft).toHaveBeenCalledTimes(calls);
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { initialAnswers } from './answers';
import { defineStep } from './define-step';
import type { DraftsOf, StepContext, StepProps, WizardStep } from './step-definition';

interface NameForm {
  readonly name: string;
}
interface ConsentForm {
  readonly consent: boolean;
}

/** A form step that shows its draft and, when asked, hands one back. */
function NameStep({ draft, onDraft }: StepProps<NameForm>) {
  if (draft?.name === 'send') onDraft({ name: 'sent' });
  return createElement('output', null, draft?.name ?? 'no draft');
}
function ConsentStep({ draft }: StepProps<ConsentForm>) {
  return createElement('output', null, String(draft?.consent));
}
function PlainStep(_: StepProps) {
  return createElement('output', null, 'plain');
}

const shown = { isShown: () => true, nextLabel: () => 'Next' };
const registry = [
  defineStep({ id: 'plain', title: 'Plain', Component: PlainStep, ...shown }),
  defineStep({ id: 'name', title: 'Name', Component: NameStep, ...shown }),
  defineStep({ id: 'consent', title: 'Consent', Component: ConsentStep, ...shown }),
];
type Drafts = DraftsOf<(typeof registry)[number]>;
const steps: readonly WizardStep<Drafts>[] = registry;

const context: StepContext = {
  answers: initialAnswers(defaultConfig),
  config: defaultConfig,
  plan: null,
  signedIn: false,
};
const render = (step: WizardStep<Drafts>, drafts: Partial<Drafts>, onDrafts = vi.fn()) =>
  renderToStaticMarkup(
    createElement(step.Component, {
      formId: 'form',
      context,
      onComplete: vi.fn(),
      onUpdate: vi.fn(),
      onBack: vi.fn(),
      drafts,
      onDrafts,
    }),
  );

describe('defineStep', () => {
  it('types the registry’s drafts as each step’s form values, keyed by its id', () => {
    expectTypeOf<Drafts['name']>().toEqualTypeOf<NameForm>();
    expectTypeOf<Drafts['consent']>().toEqualTypeOf<ConsentForm>();
    expectTypeOf<Drafts['plain']>().toBeNever();
    // @ts-expect-error A step with another form cannot take this step's place.
    const wrong: WizardStep<{ name: ConsentForm }> = registry[1];
    expect(wrong.id).toBe('name');
  });

  it('hands each step its own draft, and none to a step that has not left one', () => {
    const drafts = { name: { name: 'Half-typed na' }, consent: { consent: false } };
    const [plain, name, consent] = steps;
    expect(render(name!, drafts)).toBe('<output>Half-typed na</output>');
    expect(render(consent!, drafts)).toBe('<output>false</output>');
    expect(render(consent!, { name: { name: 'x' } })).toBe('<output>undefined</output>');
    expect(render(plain!, drafts)).toBe('<output>plain</output>');
    expect(render(name!, {})).toBe('<output>no draft</output>');
  });

  it('stores what a step hands back under that step’s id', () => {
    const onDrafts = vi.fn();
    render(steps[1]!, { name: { name: 'send' } }, onDrafts);
    expect(onDrafts).toHaveBeenCalledExactlyOnceWith({ name: { name: 'sent' } });
  });
});

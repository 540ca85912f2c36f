import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import { initialAnswers, planFor, type WizardAnswers } from './answers';
import type { StepContext } from './step-definition';
import { createWizardReducer, initialWizardState, type WizardState } from './wizard-reducer';

const contextOf = (answers: WizardAnswers): StepContext => ({
  answers,
  config: defaultConfig,
  plan: planFor(answers, defaultConfig),
});

const steps = [
  { id: 'start', isShown: () => true },
  { id: 'connectors', isShown: () => true },
  { id: 'certificate', isShown: (c: StepContext) => Boolean(c.plan?.credentials.certificate.required) },
  { id: 'review', isShown: () => true },
  { id: 'results', isShown: (c: StepContext) => c.answers.path === 'offline' },
];

const reduce = createWizardReducer(steps, contextOf);
const start = (): WizardState => initialWizardState(steps, initialAnswers(defaultConfig));

describe('wizard reducer', () => {
  it('starts on the first step', () => {
    expect(start()).toMatchObject({ current: 'start', visited: ['start'] });
  });

  it('can open at a later step, with the steps before it visited', () => {
    const s = initialWizardState(steps, initialAnswers(defaultConfig), 'connectors');
    expect(s).toMatchObject({ current: 'connectors', visited: ['start', 'connectors'] });
    expect(reduce(s, { type: 'back' }).current).toBe('start');
    expect(initialWizardState(steps, initialAnswers(defaultConfig), 'nowhere').current).toBe('start');
  });

  it('stores the answers of a completed step and moves to the next shown step', () => {
    let s = reduce(start(), { type: 'complete', patch: { path: 'offline' } });
    expect(s.current).toBe('connectors');
    s = reduce(s, { type: 'complete', patch: { connectors: [{ id: 'outlook-mail', mode: 'user' }] } });
    expect(s.current).toBe('review');
    expect(s.answers.connectors).toEqual([{ id: 'outlook-mail', mode: 'user' }]);
    s = reduce(s, { type: 'complete', patch: {} });
    expect(s.current).toBe('results');
    expect(s.visited).toEqual(['start', 'connectors', 'review', 'results']);
  });

  it('shows the certificate step only when the answers need a certificate', () => {
    let s = reduce(start(), { type: 'complete', patch: { path: 'offline' } });
    s = reduce(s, { type: 'complete', patch: { connectors: [{ id: 'sharepoint', mode: 'admin' }] } });
    expect(s.current).toBe('certificate');
    s = reduce(s, { type: 'back' });
    expect(s.current).toBe('connectors');
  });

  it('stays on the last step when it is completed', () => {
    let s = reduce(start(), { type: 'complete', patch: { path: 'automatic' } });
    s = reduce(s, { type: 'complete', patch: { connectors: [{ id: 'onedrive', mode: 'user' }] } });
    s = reduce(s, { type: 'complete', patch: {} });
    expect(s.current).toBe('review');
    const again = reduce(s, { type: 'complete', patch: { displayName: 'X' } });
    expect(again.current).toBe('review');
    expect(again.answers.displayName).toBe('X');
  });

  it('keeps drafts apart from the answers until the step is completed', () => {
    let s = reduce(start(), { type: 'complete', patch: { path: 'offline' } });
    s = reduce(s, { type: 'draft', step: 'connectors', values: { typed: 'half-done' } });
    expect(s.current).toBe('connectors');
    expect(s.drafts).toEqual({ connectors: { typed: 'half-done' } });
    expect(s.answers.connectors).toEqual([]);
    s = reduce(s, { type: 'back' });
    expect(s.drafts).toEqual({ connectors: { typed: 'half-done' } });
    s = reduce(s, { type: 'complete', patch: {} });
    s = reduce(s, { type: 'complete', patch: { connectors: [{ id: 'onedrive', mode: 'user' }] } });
    expect(s.drafts).toEqual({});
  });

  it('does not go back from the first step', () => {
    const s = start();
    expect(reduce(s, { type: 'back' })).toBe(s);
  });

  it('jumps back to earlier shown steps only', () => {
    let s = reduce(start(), { type: 'complete', patch: { path: 'offline' } });
    s = reduce(s, { type: 'complete', patch: { connectors: [{ id: 'sharepoint', mode: 'admin' }] } });
    s = reduce(s, { type: 'complete', patch: {} });
    expect(s.current).toBe('review');
    expect(reduce(s, { type: 'go-to', step: 'results' })).toBe(s);
    expect(reduce(s, { type: 'go-to', step: 'nowhere' })).toBe(s);
    expect(reduce(s, { type: 'go-to', step: 'certificate' }).current).toBe('certificate');
    const back = reduce(s, { type: 'go-to', step: 'connectors' });
    expect(back.current).toBe('connectors');
    // Completing with user mode hides the certificate step: Next skips it.
    const userOnly = reduce(back, {
      type: 'complete',
      patch: { connectors: [{ id: 'sharepoint', mode: 'user' }] },
    });
    expect(userOnly.current).toBe('review');
    expect(reduce(userOnly, { type: 'go-to', step: 'certificate' })).toBe(userOnly);
  });
});

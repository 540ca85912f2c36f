import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultConfig } from '../config/config-schema';
import type { GeneratedCertificate } from '../crypto/certificate-types';
import { initialAnswers, planFor, type WizardAnswers } from './answers';
import { startRotation } from './rotation';
import type { StepContext } from './step-definition';
import {
  createWizardReducer,
  initialWizardState,
  shownSteps,
  stepsToPreload,
  type WizardState,
} from './wizard-reducer';

const contextOf = (answers: WizardAnswers, signedIn = false): StepContext => ({
  answers,
  config: defaultConfig,
  plan: planFor(answers, defaultConfig),
  signedIn,
});

const steps = [
  { id: 'start', isShown: () => true },
  { id: 'connectors', isShown: () => true },
  { id: 'certificate', isShown: (c: StepContext) => Boolean(c.plan?.credentials.certificate.required) },
  { id: 'review', isShown: () => true },
  { id: 'results', isShown: (c: StepContext) => c.answers.path === 'offline' },
];

/** Two steps keep drafts, each typed as its own form's values. */
interface Drafts {
  readonly connectors: { readonly typed: string };
  readonly review: { readonly grantConsent: boolean };
}
type State = WizardState<Drafts>;

const reduce = createWizardReducer<Drafts>(steps, (answers) => contextOf(answers));
const start = (): State => initialWizardState<Drafts>(steps, initialAnswers(defaultConfig));
/** The current step completes, as its own onComplete does. */
const complete = (state: State, patch: Partial<WizardAnswers>) =>
  reduce(state, { type: 'complete', step: state.current, patch });

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
    let s = complete(start(), { path: 'offline' });
    expect(s.current).toBe('connectors');
    s = complete(s, { connectors: [{ id: 'outlook-mail', mode: 'user' }] });
    expect(s.current).toBe('review');
    expect(s.answers.connectors).toEqual([{ id: 'outlook-mail', mode: 'user' }]);
    s = complete(s, {});
    expect(s.current).toBe('results');
    expect(s.visited).toEqual(['start', 'connectors', 'review', 'results']);
  });

  it('shows the certificate step only when the answers need a certificate', () => {
    let s = complete(start(), { path: 'offline' });
    s = complete(s, { connectors: [{ id: 'sharepoint', mode: 'admin' }] });
    expect(s.current).toBe('certificate');
    s = reduce(s, { type: 'back' });
    expect(s.current).toBe('connectors');
  });

  it('stays on the last step when it is completed', () => {
    let s = complete(start(), { path: 'automatic' });
    s = complete(s, { connectors: [{ id: 'onedrive', mode: 'user' }] });
    s = complete(s, {});
    expect(s.current).toBe('review');
    const again = complete(s, { displayName: 'X' });
    expect(again.current).toBe('review');
    expect(again.answers.displayName).toBe('X');
  });

  it('keeps drafts apart from the answers until the step is completed', () => {
    let s = complete(start(), { path: 'offline' });
    s = reduce(s, { type: 'draft', drafts: { connectors: { typed: 'half-done' } } });
    expect(s.current).toBe('connectors');
    expect(s.drafts).toEqual({ connectors: { typed: 'half-done' } });
    expect(s.answers.connectors).toEqual([]);
    s = reduce(s, { type: 'back' });
    expect(s.drafts).toEqual({ connectors: { typed: 'half-done' } });
    s = complete(s, {});
    s = complete(s, { connectors: [{ id: 'onedrive', mode: 'user' }] });
    expect(s.drafts).toEqual({});
  });

  it('keeps each step’s draft under its id, typed as that step’s form', () => {
    let s = complete(start(), { path: 'offline' });
    s = reduce(s, { type: 'draft', drafts: { connectors: { typed: 'half' } } });
    s = reduce(s, { type: 'draft', drafts: { review: { grantConsent: false } } });
    s = reduce(s, { type: 'draft', drafts: { connectors: { typed: 'half-done' } } });
    expect(s.drafts).toEqual({ connectors: { typed: 'half-done' }, review: { grantConsent: false } });
    expectTypeOf(s.drafts.connectors).toEqualTypeOf<{ readonly typed: string } | undefined>();
    expectTypeOf(s.drafts.review).toEqualTypeOf<{ readonly grantConsent: boolean } | undefined>();
    // @ts-expect-error A step's draft has that step's form values, not another's.
    reduce(s, { type: 'draft', drafts: { connectors: { grantConsent: true } } });
    // @ts-expect-error Only steps with a form keep drafts.
    reduce(s, { type: 'draft', drafts: { start: { typed: 'x' } } });

    // Completing a step drops its own draft only.
    s = complete(s, { connectors: [{ id: 'onedrive', mode: 'user' }] });
    expect(s.current).toBe('review');
    expect(s.drafts).toEqual({ review: { grantConsent: false } });
    expect(s.drafts).not.toHaveProperty('connectors');
  });

  it('does not go back from the first step', () => {
    const s = start();
    expect(reduce(s, { type: 'back' })).toBe(s);
  });

  it('jumps back to earlier shown steps only', () => {
    let s = complete(start(), { path: 'offline' });
    s = complete(s, { connectors: [{ id: 'sharepoint', mode: 'admin' }] });
    s = complete(s, {});
    expect(s.current).toBe('review');
    expect(reduce(s, { type: 'go-to', step: 'results' })).toBe(s);
    expect(reduce(s, { type: 'go-to', step: 'nowhere' })).toBe(s);
    expect(reduce(s, { type: 'go-to', step: 'certificate' }).current).toBe('certificate');
    const back = reduce(s, { type: 'go-to', step: 'connectors' });
    expect(back.current).toBe('connectors');
    // Completing with user mode hides the certificate step: Next skips it.
    const userOnly = complete(back, { connectors: [{ id: 'sharepoint', mode: 'user' }] });
    expect(userOnly.current).toBe('review');
    expect(reduce(userOnly, { type: 'go-to', step: 'certificate' })).toBe(userOnly);
  });

  it('ignores a completion from a step the admin has already left', () => {
    const s = complete(start(), { path: 'offline' });
    expect(s.current).toBe('connectors');
    // A popup sign-in started on Start finishes after the admin chose the other card.
    const late = reduce(s, { type: 'complete', step: 'start', patch: { path: 'automatic' } });
    expect(late).toBe(s);
  });

  it('passes over a step with nothing to ask going forward, and Back still reaches it', () => {
    let signedIn = false;
    const withSignIn = [
      { id: 'start', isShown: () => true },
      {
        id: 'sign-in',
        isShown: (c: StepContext) => c.answers.path === 'automatic',
        passOver: (c: StepContext) => c.signedIn,
      },
      { id: 'connectors', isShown: () => true },
      { id: 'review', isShown: () => true },
    ];
    // The shell builds the context with the sign-in state of the moment.
    const reduceSignIn = createWizardReducer<Drafts>(withSignIn, (answers) => contextOf(answers, signedIn));
    const first = initialWizardState<Drafts>(withSignIn, initialAnswers(defaultConfig));
    const go = (state: State, patch: Partial<WizardAnswers>) =>
      reduceSignIn(state, { type: 'complete', step: state.current, patch });

    expect(go(first, { path: 'automatic' }).current).toBe('sign-in');
    signedIn = true;
    const passed = go(first, { path: 'automatic' });
    expect(passed).toMatchObject({ current: 'connectors', visited: ['start', 'sign-in', 'connectors'] });
    expect(passed.answers.path).toBe('automatic');
    const back = reduceSignIn(passed, { type: 'back' });
    expect(back.current).toBe('sign-in');
    expect(go(back, {}).current).toBe('connectors');
    expect(reduceSignIn(passed, { type: 'go-to', step: 'sign-in' }).current).toBe('sign-in');
  });

  it('Finish opens the first step again with the answers it is given: no certificate, passphrase or draft', () => {
    const opening = {
      ...initialAnswers(defaultConfig),
      connectors: [{ id: 'sharepoint', mode: 'admin' }],
    } as const;
    let s = complete(start(), { path: 'offline' });
    s = complete(s, { connectors: [{ id: 'sharepoint', mode: 'admin' }] });
    expect(s.current).toBe('certificate');
    s = reduce(s, { type: 'draft', drafts: { review: { grantConsent: false } } });
    s = reduce(s, {
      type: 'update',
      patch: {
        certificate: {
          source: 'generated',
          certificate: {} as GeneratedCertificate,
          passphrase: 'maple-river-7',
        },
        savedFiles: ['key.pem'],
      },
    });
    s = complete(s, {});
    expect(s.current).toBe('review');

    const finished = reduce(s, { type: 'finish', answers: opening });
    expect(finished).toEqual({ answers: opening, current: 'start', visited: ['start'], drafts: {} });
    expect(finished.answers.certificate).toBeNull();
    expect(JSON.stringify(finished)).not.toContain('maple-river-7');
  });

  it('picking another registration drops the stale rotation, but never a private key that was not saved', () => {
    const APP = 'aaaaaaaa-0000-4000-8000-000000000001';
    const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';
    const old = { type: 'certificate', keyId: 'old', displayName: 'CN=portal', endDateTime: null } as const;
    const key = {
      source: 'generated',
      certificate: { privateKeyEncrypted: true } as GeneratedCertificate,
      passphrase: 'maple-river-7',
    } as const;
    const rotating = (savedFiles: string[]): State => ({
      ...start(),
      answers: {
        ...initialAnswers(defaultConfig),
        path: 'repair',
        repairAppId: APP,
        rotation: { ...startRotation(APP, old), newKeyId: 'new' },
        certificate: key,
        savedFiles,
      },
    });
    const pick = (s: State, repairAppId: string) => complete(s, { repairAppId });

    // Saved: the rotation and the certificate made for it go with the registration they belong to.
    const saved = pick(rotating(['key.pem']), OTHER);
    expect(saved.answers).toMatchObject({ repairAppId: OTHER, rotation: null, certificate: null });
    // Unsaved: the rotation goes, the key stays until the admin agrees to lose it (the step then says so).
    const unsaved = pick(rotating([]), OTHER);
    expect(unsaved.answers).toMatchObject({ rotation: null, certificate: key });
    expect(complete(unsaved, { repairAppId: OTHER, certificate: null }).answers.certificate).toBeNull();
    // The same registration again (in capitals, or through an update) keeps the rotation under way.
    expect(pick(rotating([]), APP.toUpperCase()).answers.rotation).not.toBeNull();
    expect(
      reduce(rotating([]), { type: 'update', patch: { repairAppId: APP } }).answers.rotation,
    ).not.toBeNull();
    expect(
      reduce(rotating(['key.pem']), { type: 'update', patch: { repairAppId: OTHER } }).answers.rotation,
    ).toBeNull();
  });

  it('never passes over the last step', () => {
    const last = [
      { id: 'start', isShown: () => true },
      { id: 'done', isShown: () => true, passOver: () => true },
    ];
    const reduceLast = createWizardReducer<Drafts>(last, (answers) => contextOf(answers));
    const s = initialWizardState<Drafts>(last, initialAnswers(defaultConfig));
    expect(reduceLast(s, { type: 'complete', step: 'start', patch: {} }).current).toBe('done');
  });
});

describe('stepsToPreload', () => {
  const ids = (answers: WizardAnswers, current: string) =>
    stepsToPreload(steps, shownSteps(steps, contextOf(answers)), current, true).map((s) => s.id);

  it('takes the next shown step and the next two of the registry', () => {
    const answers = initialAnswers(defaultConfig);
    // No connector yet: the certificate step is hidden, and still preloaded, as choosing one may show it.
    expect(ids(answers, 'start')).toEqual(['connectors', 'certificate']);
    expect(ids(answers, 'connectors')).toEqual(['certificate', 'review']);
    expect(ids({ ...answers, path: 'offline' }, 'review')).toEqual(['results']);
  });

  it('reaches past hidden steps to the next shown one', () => {
    const answers = { ...initialAnswers(defaultConfig), path: 'offline' as const };
    const hidden = [
      { id: 'start', isShown: () => true },
      { id: 'a', isShown: () => false },
      { id: 'b', isShown: () => false },
      { id: 'c', isShown: () => false },
      { id: 'd', isShown: () => true },
    ];
    const shown = shownSteps(hidden, contextOf(answers));
    expect(stepsToPreload(hidden, shown, 'start', true).map((s) => s.id)).toEqual(['a', 'b', 'd']);
  });

  it('leaves out the steps only a signed-in path shows, where nothing can sign in', () => {
    const withSignIn = [
      { id: 'start', isShown: () => true },
      { id: 'sign-in', isShown: (c: StepContext) => c.answers.path === 'automatic', signInOnly: true },
      { id: 'repair', isShown: (c: StepContext) => c.answers.path === 'repair', signInOnly: true },
      { id: 'connectors', isShown: () => true },
    ];
    const shown = shownSteps(withSignIn, contextOf(initialAnswers(defaultConfig)));
    const preload = (signIn: boolean) => stepsToPreload(withSignIn, shown, 'start', signIn).map((s) => s.id);
    expect(preload(true)).toEqual(['sign-in', 'repair', 'connectors']);
    expect(preload(false)).toEqual(['connectors']);
  });

  it('has nothing after the last step', () => {
    expect(ids({ ...initialAnswers(defaultConfig), path: 'offline' }, 'results')).toEqual([]);
  });
});

import { lazyComponent } from '../ui/lazy-component';
import { existingFor } from '../wizard/answers';
import { defineStep } from '../wizard/define-step';
import type { DraftsOf, WizardStep } from '../wizard/step-definition';
import { signInNextLabel, signInPassOver } from './sign-in/sign-in-schema';
import { StartStep } from './start/start-step';

/*
 * Only the start step is in the start-up bundle. Every other step's component (with its form library, schemas and
 * the Fluent components only it uses) is a chunk of its own, downloaded when the shell preloads it, as the step
 * before it shows, or at the latest when it renders. What the shell needs to know about a step (its title, whether
 * it shows, its Next label) stays here, in the start-up bundle.
 */
const SignInStep = lazyComponent(() => import('./sign-in/sign-in-step').then((m) => m.SignInStep));
const RepairTargetStep = lazyComponent(() =>
  import('./repair-target/repair-target-step').then((m) => m.RepairTargetStep),
);
const ConnectorsStep = lazyComponent(() =>
  import('./connectors/connectors-step').then((m) => m.ConnectorsStep),
);
const RepairCheckStep = lazyComponent(() =>
  import('./repair-check/repair-check-step').then((m) => m.RepairCheckStep),
);
const AppDetailsStep = lazyComponent(() =>
  import('./app-details/app-details-step').then((m) => m.AppDetailsStep),
);
const BrandingStep = lazyComponent(() => import('./branding/branding-step').then((m) => m.BrandingStep));
const CertificateStep = lazyComponent(() =>
  import('./certificate/certificate-step').then((m) => m.CertificateStep),
);
const RotateCredentialStep = lazyComponent(() =>
  import('./rotate-credential/rotate-credential-step').then((m) => m.RotateCredentialStep),
);
const ReviewStep = lazyComponent(() => import('./review/review-step').then((m) => m.ReviewStep));
const RunStep = lazyComponent(() => import('./run/run-step').then((m) => m.RunStep));
const CredentialsStep = lazyComponent(() =>
  import('./credentials/credentials-step').then((m) => m.CredentialsStep),
);
const OfflineResultsStep = lazyComponent(() =>
  import('./offline-results/offline-results-step').then((m) => m.OfflineResultsStep),
);

const definedSteps = [
  defineStep({
    id: 'start',
    title: 'Start',
    Component: StartStep,
    isShown: () => true,
    nextLabel: () => null,
  }),
  defineStep({
    id: 'sign-in',
    signInOnly: true,
    title: 'Sign in',
    Component: SignInStep,
    isShown: (c) => c.answers.path === 'automatic' || c.answers.path === 'repair',
    passOver: signInPassOver,
    nextLabel: signInNextLabel,
  }),
  defineStep({
    id: 'repair-target',
    signInOnly: true,
    title: 'Registration',
    Component: RepairTargetStep,
    isShown: (c) => c.answers.path === 'repair',
    nextLabel: () => 'Next',
  }),
  defineStep({
    id: 'connectors',
    title: 'Connectors',
    Component: ConnectorsStep,
    isShown: () => true,
    nextLabel: (c) => (c.answers.path === 'repair' ? 'Check registration' : 'Next'),
  }),
  defineStep({
    id: 'repair-check',
    signInOnly: true,
    title: 'Check and repair',
    Component: RepairCheckStep,
    isShown: (c) => c.answers.path === 'repair',
    nextLabel: () => null,
  }),
  defineStep({
    id: 'app-details',
    title: 'App details',
    Component: AppDetailsStep,
    isShown: (c) => c.answers.path !== 'repair',
    nextLabel: () => 'Next',
  }),
  defineStep({
    id: 'branding',
    title: 'How it looks to your users',
    Component: BrandingStep,
    isShown: (c) => c.answers.path !== 'repair' && c.answers.customizeBranding,
    nextLabel: () => 'Next',
  }),
  defineStep({
    id: 'certificate',
    title: 'Certificate',
    Component: CertificateStep,
    // Check and repair shows it to make the new certificate of a rotation, until that is on the registration.
    isShown: (c) =>
      c.answers.path === 'repair'
        ? c.answers.rotation?.old.type === 'certificate' && c.answers.rotation.newKeyId === null
        : Boolean(c.plan?.credentials.certificate.required),
    nextLabel: (c) => (c.answers.certificate ? 'Next' : null),
  }),
  defineStep({
    id: 'rotate-credential',
    signInOnly: true,
    title: 'Rotate credential',
    Component: RotateCredentialStep,
    isShown: (c) => c.answers.path === 'repair' && c.answers.rotation !== null,
    nextLabel: () => null,
  }),
  defineStep({
    id: 'review',
    title: 'Review',
    Component: ReviewStep,
    isShown: (c) => c.answers.path !== 'repair',
    nextLabel: (c) =>
      c.answers.path === 'offline'
        ? 'Create files'
        : existingFor(c.answers)
          ? 'Update app registration'
          : 'Create app registration',
  }),
  defineStep({
    id: 'run',
    signInOnly: true,
    title: 'Create',
    Component: RunStep,
    isShown: (c) => c.answers.path === 'automatic',
    nextLabel: () => null,
  }),
  defineStep({
    id: 'credentials',
    signInOnly: true,
    title: 'Credentials',
    Component: CredentialsStep,
    isShown: (c) => c.answers.path === 'automatic',
    nextLabel: () => 'Finish',
    finishes: true,
  }),
  defineStep({
    id: 'offline-results',
    title: 'Files and portal steps',
    Component: OfflineResultsStep,
    isShown: (c) => c.answers.path === 'offline',
    nextLabel: () => 'Finish',
    finishes: true,
  }),
];

/** Each form step's unsaved values, keyed by step id and typed as that step's form values. */
export type StepDrafts = DraftsOf<(typeof definedSteps)[number]>;

/** The wizard's steps, in order. The shell renders whichever of them `isShown` allows. */
export const steps: readonly WizardStep<StepDrafts>[] = definedSteps;

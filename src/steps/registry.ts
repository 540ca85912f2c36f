import { existingFor } from '../wizard/answers';
import { defineStep } from '../wizard/define-step';
import type { DraftsOf, WizardStep } from '../wizard/step-definition';
import { AppDetailsStep } from './app-details/app-details-step';
import { CertificateStep } from './certificate/certificate-step';
import { ConnectorsStep } from './connectors/connectors-step';
import { CredentialsStep } from './credentials/credentials-step';
import { OfflineResultsStep } from './offline-results/offline-results-step';
import { RepairCheckStep } from './repair-check/repair-check-step';
import { RepairTargetStep } from './repair-target/repair-target-step';
import { ReviewStep } from './review/review-step';
import { RunStep } from './run/run-step';
import { signInNextLabel, signInPassOver } from './sign-in/sign-in-schema';
import { SignInStep } from './sign-in/sign-in-step';
import { StartStep } from './start/start-step';

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
    title: 'Sign in',
    Component: SignInStep,
    isShown: (c) => c.answers.path === 'automatic' || c.answers.path === 'repair',
    passOver: signInPassOver,
    nextLabel: signInNextLabel,
  }),
  defineStep({
    id: 'repair-target',
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
    id: 'certificate',
    title: 'Certificate',
    Component: CertificateStep,
    isShown: (c) => c.answers.path !== 'repair' && Boolean(c.plan?.credentials.certificate.required),
    nextLabel: (c) => (c.answers.certificate ? 'Next' : null),
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
    title: 'Create',
    Component: RunStep,
    isShown: (c) => c.answers.path === 'automatic',
    nextLabel: () => null,
  }),
  defineStep({
    id: 'credentials',
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

/**
 * Situations the demo tenant can be put in for training, chosen with `?demo=<name>`: what support staff meet with
 * customers, shown on demand. Each sets the emulated tenant's own fault switches, so the wizard meets exactly what it
 * would meet on Microsoft's service.
 */
import type { FaultSettings } from './emulator/faults';

export type DemoScenarioName =
  'standard' | 'non-admin' | 'throttled' | 'slow-replication' | 'dropped-connection' | 'existing' | 'drifted';

export interface DemoScenario {
  readonly name: DemoScenarioName;
  /** What the demo shows, for the banner. */
  readonly description: string;
  /** The emulated tenant's faults from the start. */
  readonly faults?: FaultSettings;
  /** The sign-in page offers only the ordinary user. */
  readonly ordinaryUserOnly?: boolean;
  /** A registration made earlier, by an earlier session of the wizard, with the demo's default answers. */
  readonly earlierRegistration?: boolean;
  /** A registration made by hand in the portal, with drift, for "Check and repair an existing registration". */
  readonly driftedRegistration?: boolean;
}

export const DEMO_SCENARIOS: Readonly<Record<DemoScenarioName, DemoScenario>> = {
  standard: { name: 'standard', description: 'A tenant where everything goes right.' },
  'non-admin': {
    name: 'non-admin',
    description:
      'Signed in as an ordinary user: Microsoft asks for admin approval, and the wizard says who can grant it.',
    ordinaryUserOnly: true,
  },
  throttled: {
    name: 'throttled',
    description:
      'Microsoft Graph throttles the first requests (429 with Retry-After); the run waits and goes on.',
    faults: { throttle: { count: 3, retryAfterSeconds: 2 } },
  },
  'slow-replication': {
    name: 'slow-replication',
    description:
      'New objects take 6 seconds to be visible everywhere, as Microsoft Entra sometimes does; the run waits for them.',
    faults: { replicationDelay: { ms: 6_000 } },
  },
  'dropped-connection': {
    name: 'dropped-connection',
    description:
      'The connection drops after the client secret was created; the run finds it and creates nothing twice.',
    faults: { networkFailureOnCall: { call: 3, effectApplied: true } },
  },
  existing: {
    name: 'existing',
    description:
      'The registration exists already, from an earlier session: the review shows what it holds and what the run changes.',
    earlierRegistration: true,
  },
  drifted: {
    name: 'drifted',
    description:
      'A registration made by hand in the portal for Outlook Mail (admin accounts): two permissions missing, ID tokens off, a secret ending in 10 days (rotate it from the checklist), no enterprise application and no consent. Choose "Check a registration".',
    driftedRegistration: true,
  },
};

/** The scenario `?demo=<value>` names; an unknown or empty value is the standard demo. */
export function demoScenario(value: string | null): DemoScenario {
  return value !== null && Object.hasOwn(DEMO_SCENARIOS, value)
    ? DEMO_SCENARIOS[value as DemoScenarioName]
    : DEMO_SCENARIOS.standard;
}

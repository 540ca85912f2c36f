/**
 * A registration as Check and repair reads it, made of the application alone (no service principal, grants, owners
 * or resources): for the tests of what the checklist and credential rotation make of its secrets and certificates.
 */
import type { Application } from '@microsoft/microsoft-graph-types';
import type { RegistrationSnapshot } from '../src/graph/registration-check';

export function applicationSnapshot(application: Application, readAt: number): RegistrationSnapshot {
  return {
    application,
    servicePrincipal: null,
    delegatedGrants: [],
    appRoleAssignments: [],
    owners: [],
    resources: new Map(),
    readAt,
  };
}

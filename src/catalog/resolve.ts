import { connector, type ConnectorId, type ConnectorMode } from './connectors';
import { findCorrection, type Correction } from './corrections';
import { findPermission, permissionKey, type Permission, type PermissionRef } from './permissions';

export interface ResolvedConnectorMode {
  /** The permissions to request, de-duplicated, in the procedure's order. */
  readonly permissions: readonly Permission[];
  /** The procedure's names that do not exist as written, and what replaced them. */
  readonly corrections: readonly Correction[];
}

/**
 * Turns the procedure's lists for one connector and mode into permissions that exist. Throws when a name neither
 * exists nor has a correction, so an unknown or null id can never reach a registration; the catalog tests prove that
 * no shipped connector throws.
 */
export function resolveConnectorMode(id: ConnectorId, mode: ConnectorMode): ResolvedConnectorMode {
  const seen = new Set<string>();
  const resolved: Permission[] = [];
  const applied: Correction[] = [];
  for (const section of connector(id).modes[mode].procedure) {
    for (const name of section.names) {
      const asWritten: PermissionRef = { api: section.api, kind: section.kind, name };
      const correction = findCorrection(asWritten);
      const ref = correction?.resolvedTo ?? asWritten;
      const permission = findPermission(ref);
      if (!permission) {
        throw new Error(`${id} (${mode}): no ${section.kind} permission ${name} on ${section.api}`);
      }
      if (correction) applied.push(correction);
      const key = permissionKey(permission);
      if (!seen.has(key)) {
        seen.add(key);
        resolved.push(permission);
      }
    }
  }
  return { permissions: resolved, corrections: applied };
}

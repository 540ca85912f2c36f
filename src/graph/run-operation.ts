/** Which function executes which kind of planned operation. */
import type { PlannedOperation } from '../plan/plan-types';
import { addClientSecret } from './operation-secret';
import { readBack, readExisting, resolvePermissions, upsertApplication } from './operations-application';
import { ensureServicePrincipal, grantAppRoles, grantDelegated } from './operations-consent';
import type { OperationContext } from './run-session';

/** Executes one planned operation; it reads what earlier ones learned from `ctx.session` and adds to it. */
export function runOperation(ctx: OperationContext, op: PlannedOperation): Promise<void> {
  switch (op.kind) {
    case 'resolve-permissions':
      return resolvePermissions(ctx, op.resourceAppIds);
    case 'read-existing':
      return readExisting(ctx);
    case 'upsert-application':
      return upsertApplication(ctx);
    case 'add-password':
      return addClientSecret(ctx);
    case 'ensure-service-principal':
      return ensureServicePrincipal(ctx);
    case 'grant-delegated':
      return grantDelegated(ctx, op);
    case 'grant-app-roles':
      return grantAppRoles(ctx, op);
    case 'read-back':
      return readBack(ctx);
  }
}

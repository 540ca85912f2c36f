/**
 * The logo users see on the consent prompt, My Apps and the enterprise application: `PUT /applications/{id}/logo`
 * with the image's bytes, once the registration exists. The bytes come from the plan, in the page's memory only.
 */
import { APPLICATION_READWRITE, uploadLogoRequest } from './graph-requests';
import type { OperationKindEntry } from './operation-kinds';
import { isNotFoundLag } from './retry-policy';
import { required } from './run-session';
import type { OperationContext } from './run-session';

const permissions = [APPLICATION_READWRITE];

/** Uploads the plan's logo. A PUT replaces the logo, so repeating it after a lost answer is safe. */
export async function uploadLogo(ctx: OperationContext): Promise<void> {
  const { session } = ctx;
  const app = required(session.application, 'application');
  const logo = required(session.plan.logo ?? undefined, 'logo');
  await ctx.send(uploadLogoRequest(app.id, logo), {
    permissions,
    retryOnNetworkError: true,
    isReplicationLag: isNotFoundLag,
  });
  session.uploadedLogo = logo;
  ctx.detail(
    `Uploaded ${logo.fileName} (${logo.width}×${logo.height} pixels, ${Math.ceil(logo.bytes.length / 1024)} KB)`,
  );
}

export const uploadLogoKind: OperationKindEntry<'upload-logo'> = {
  title: () => 'Upload the logo users see when they consent',
  after: ['upsert-application'],
  permissions,
  requests: (_op, plan, names) => (plan.logo ? [uploadLogoRequest(names.applicationId, plan.logo)] : []),
  run: (ctx) => uploadLogo(ctx),
  // Another logo in the plan (chosen after the run started) must be uploaded again.
  stillDone: (session) => session.uploadedLogo === session.plan.logo,
};

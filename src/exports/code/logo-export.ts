/**
 * The logo in the code exports. Graph's logo is a stream (`PUT /applications/{id}/logo` with the image's bytes), not
 * a property of the application, so every file reads it from a file next to it: the image the admin chose, saved
 * as `logo.png` (or `.jpg`, `.gif`, after its type). Offline mode's ZIP carries that file.
 */
import type { LogoContentType, LogoImage } from '../../catalog/logo-image';
import type { RegistrationPlan } from '../../plan/plan-types';

const EXTENSIONS: Record<LogoContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/** The file name the exports read the logo from, after its type. */
export const logoFileName = (logo: Pick<LogoImage, 'contentType'>): string =>
  `logo.${EXTENSIONS[logo.contentType]}`;

/** The plan's logo with the file name the exports use; throws for a plan without one (no logo operation then). */
export function exportedLogo(plan: RegistrationPlan): {
  readonly file: string;
  readonly type: LogoContentType;
} {
  if (!plan.logo) throw new Error('The plan uploads no logo.');
  return { file: logoFileName(plan.logo), type: plan.logo.contentType };
}

/** The header line that names the logo file, for plans with a logo. */
export const logoHeaderLines = (plan: RegistrationPlan): string[] =>
  plan.logo
    ? [
        `Logo: read from ${logoFileName(plan.logo)} next to this file (the image you chose in the wizard, ${plan.logo.width}×${plan.logo.height} pixels).`,
      ]
    : [];

/** The upload with curl and a bearer token, for tools that cannot send a binary body themselves. */
export function curlUploadLines(
  graphHost: string,
  file: string,
  type: LogoContentType,
  token: string,
): string[] {
  return [
    `TOKEN=$(${token})`,
    `curl --silent --show-error -X PUT "${graphHost}/v1.0/applications/<object id>/logo" \\`,
    `  -H "Authorization: Bearer $TOKEN" -H "Content-Type: ${type}" --data-binary @${file}`,
  ];
}

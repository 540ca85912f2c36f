/**
 * `PUT /applications/{id}/logo`: the application's logo as a stream of image bytes. Graph documents the request
 * (Content-Type `image/png`, `image/jpeg` or `image/gif`, the bytes as the body, 204) but not its errors, so the
 * emulator is at least as strict as the portal: one of those types, bytes that are an image of that type, and at
 * most 100 KB (Microsoft's stated limit for app logos; a public report says the API itself takes up to 500 KB). A
 * refusal is 400 `Request_BadRequest` in the emulator's wording. An accepted logo sets `info.logoUrl` to a CDN address.
 */
import {
  LOGO_CONTENT_TYPES,
  LOGO_MAX_BYTES,
  logoContentTypeOf,
  type LogoContentType,
} from '../../catalog/logo-image';
import { findApplication } from './application-store';
import { requireScope } from './graph-auth';
import { badRequest, methodNotAllowed, noContent, notFound } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

const isLogoType = (type: string): type is LogoContentType =>
  (LOGO_CONTENT_TYPES as readonly string[]).includes(type);

/** Answers `/applications/{id}/logo` (or `applications(appId='…')/logo`). */
export function handleApplicationLogo(
  g: GraphContext,
  key: { property: string; value: string },
): EmulatorHttpResponse {
  if (g.req.method !== 'PUT') return methodNotAllowed(g);
  const denied = requireScope(g, 'writeApplications');
  if (denied) return denied;
  const app = findApplication(g, key.property, key.value);
  if (!app) return notFound(g, key.value);
  const type = (g.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isLogoType(type)) {
    return badRequest(
      g,
      `The logo's Content-Type '${type || '(none)'}' is not supported. Send a PNG, JPEG or GIF image as image/png, image/jpeg or image/gif.`,
    );
  }
  const bytes = g.req.bodyBytes ?? new TextEncoder().encode(g.req.body ?? '');
  if (bytes.length === 0) return badRequest(g, 'The request body is empty: send the logo image as the body.');
  if (bytes.length > LOGO_MAX_BYTES) {
    return badRequest(
      g,
      `The logo is ${bytes.length} bytes; a logo may be at most ${LOGO_MAX_BYTES} bytes (100 KB).`,
    );
  }
  if (logoContentTypeOf(bytes) !== type) {
    return badRequest(g, `The request body is not a valid ${type} image.`);
  }
  g.rt.state.applicationLogos.set(app.id, { contentType: type, bytes: bytes.slice() });
  app.info = {
    ...app.info,
    logoUrl: `https://secure.aadcdn.microsoftonline-p.com/${g.rt.state.tenant.id}/appbranding/${app.appId}/1/bannerlogo?ts=${g.rt.now()}`,
  };
  return noContent(g);
}

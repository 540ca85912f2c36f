/**
 * Cross-origin resource sharing (CORS) as Microsoft Graph and the sign-in service answer it. It matters only when a
 * browser talks to the emulator over real HTTP (`http-server.ts`, the run benchmark's wire mode): behind Playwright's
 * `context.route`, Chromium's preflights are answered by Playwright itself and CORS headers are added to every
 * fulfilled answer, so none of this is seen there.
 *
 * Graph answers a preflight without `Access-Control-Max-Age`, so a browser keeps it for its default time (5 s in
 * Chromium) per URL, and exposes a fixed list of response headers that leaves out `Retry-After` (browser code cannot
 * read it; the `exposeRetryAfter` fault switch adds it).
 */

/** The response headers Graph exposes to browser code (`Retry-After` is not one of them). */
export const GRAPH_EXPOSED_HEADERS: readonly string[] = [
  'ETag',
  'Location',
  'Preference-Applied',
  'Content-Range',
  'request-id',
  'client-request-id',
  'ReadWriteConsistencyToken',
  'SdkVersion',
  'WWW-Authenticate',
  'x-ms-client-gcc-tenant',
];

/** The request headers a Graph preflight allows: what the wizard and the Graph SDKs send. */
export const GRAPH_ALLOWED_HEADERS: readonly string[] = [
  'authorization',
  'content-type',
  'accept',
  'client-request-id',
  'sdkversion',
  'retry-attempt',
  'consistencylevel',
  'prefer',
  'if-match',
  'if-none-match',
];

const GRAPH_ALLOWED_METHODS = 'GET, POST, PATCH, PUT, DELETE, OPTIONS';

/** Headers of a Graph preflight answer (no `Access-Control-Max-Age`, as Graph sends none). */
export function graphPreflightHeaders(origin: string | undefined): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Methods': GRAPH_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': GRAPH_ALLOWED_HEADERS.join(', '),
  };
}

/**
 * CORS headers of a Graph answer. With an `Origin` (a browser's cross-origin request): the origin allowed and the
 * exposed headers. Without one, only `Retry-After` when the fault switch exposes it (what the Node harness reads).
 */
export function graphResponseCorsHeaders(
  origin: string | undefined,
  exposeRetryAfter: boolean,
): Record<string, string> {
  if (origin === undefined) return exposeRetryAfter ? { 'Access-Control-Expose-Headers': 'Retry-After' } : {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': [
      ...GRAPH_EXPOSED_HEADERS,
      ...(exposeRetryAfter ? ['Retry-After'] : []),
    ].join(', '),
  };
}

/**
 * Headers of a preflight on a sign-in host (MSAL's token requests may carry `X-AnchorMailbox`): the requested method
 * and headers allowed, for any origin.
 */
export function loginPreflightHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    ...(headers['access-control-request-headers']
      ? { 'Access-Control-Allow-Headers': headers['access-control-request-headers'] }
      : {}),
  };
}

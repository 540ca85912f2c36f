/** Microsoft Graph answers: the OData error envelope, JSON entities and collections, common errors. */
import { graphResponseCorsHeaders } from './cors';
import { newGuid } from './random';
import { isoSeconds } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { IssuedAccessToken } from './state';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/** One Graph operation being answered (a top-level request or a `$batch` item). */
export interface GraphContext {
  readonly rt: Runtime;
  readonly req: RequestContext;
  /** `https://graph.microsoft.com/v1.0` for this request's host. */
  readonly serviceRoot: string;
  readonly requestId: string;
  readonly clientRequestId: string;
  /** Set once the bearer token is accepted. */
  token?: IssuedAccessToken;
  user?: EmulatedUser;
}

/** Creates the Graph context of a request. */
export function graphContext(rt: Runtime, req: RequestContext): GraphContext {
  const requestId = newGuid(rt.random);
  return {
    rt,
    req,
    serviceRoot: `https://${req.host}/v1.0`,
    requestId,
    clientRequestId: req.headers['client-request-id'] ?? requestId,
  };
}

const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Headers on every Graph answer. */
export function graphHeaders(g: GraphContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Cache-Control': 'no-cache',
    'request-id': g.requestId,
    'client-request-id': g.clientRequestId,
    ...graphResponseCorsHeaders(g.req.headers['origin'], g.rt.faults.exposeRetryAfter),
    ...extra,
  };
}

/** A JSON answer with Graph's headers. */
export function graphJson(
  g: GraphContext,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): EmulatorHttpResponse {
  return {
    status,
    headers: graphHeaders(g, { 'Content-Type': ODATA_JSON, ...extra }),
    body: JSON.stringify(body),
  };
}

/** 204 No Content. */
export function noContent(g: GraphContext): EmulatorHttpResponse {
  return { status: 204, headers: graphHeaders(g), body: '' };
}

/** A Graph error: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`. */
export function graphError(
  g: GraphContext,
  status: number,
  code: string,
  message: string,
  options: {
    headers?: Record<string, string>;
    details?: unknown[];
    innerError?: Record<string, string>;
  } = {},
): EmulatorHttpResponse {
  return graphJson(
    g,
    status,
    {
      error: {
        code,
        message,
        ...(options.details ? { details: options.details } : {}),
        innerError: {
          ...options.innerError,
          date: isoSeconds(g.rt.now()).replace(/Z$/, ''),
          'request-id': g.requestId,
          'client-request-id': g.clientRequestId,
        },
      },
    },
    options.headers,
  );
}

/** 404 Request_ResourceNotFound for an object id (or other key). */
export function notFound(g: GraphContext, id: string): EmulatorHttpResponse {
  return graphError(
    g,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** 400 Request_BadRequest. */
export function badRequest(g: GraphContext, message: string, details?: unknown[]): EmulatorHttpResponse {
  return graphError(g, 400, 'Request_BadRequest', message, details ? { details } : {});
}

/** 403 Authorization_RequestDenied. */
export function forbidden(g: GraphContext): EmulatorHttpResponse {
  return graphError(
    g,
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}

/** 405 for a method the target does not support. */
export function methodNotAllowed(g: GraphContext): EmulatorHttpResponse {
  return graphError(
    g,
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request target.',
  );
}

/** The request body as a JSON object, or the 400 Graph sends for anything else. */
export function readJsonObject(g: GraphContext): Record<string, unknown> | EmulatorHttpResponse {
  try {
    const parsed: unknown = JSON.parse(g.req.body ?? '');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return graphError(
    g,
    400,
    'BadRequest',
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  );
}

/** True for a ready answer (as opposed to parsed data). */
export function isResponse(value: unknown): value is EmulatorHttpResponse {
  return (
    typeof value === 'object' && value !== null && 'status' in value && 'headers' in value && 'body' in value
  );
}

/** An entity with its `@odata.context`. */
export function entity(g: GraphContext, contextPath: string, value: object): Record<string, unknown> {
  return { '@odata.context': `${g.serviceRoot}/$metadata#${contextPath}`, ...value };
}

/** A collection answer `{ "@odata.context", value: [...] }`. */
export function collection(
  g: GraphContext,
  contextPath: string,
  values: readonly object[],
): EmulatorHttpResponse {
  return graphJson(g, 200, { '@odata.context': `${g.serviceRoot}/$metadata#${contextPath}`, value: values });
}

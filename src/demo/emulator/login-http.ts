/** Answers of the emulated sign-in service: error pages, redirects and `/token` errors. */
import { newGuid } from './random';
import { escapeHtml, jsonResponse } from './runtime';
import type { Runtime } from './runtime';
import type { EmulatorHttpResponse } from './types';

const NO_STORE = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };

/** `2024-11-19 06:37:42Z`, Entra's timestamp format. */
export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** An HTML page (the sign-in UI or an error page). */
export function htmlPage(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): EmulatorHttpResponse {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>${body}</main></body></html>`;
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...NO_STORE, ...headers },
    body: html,
  };
}

/** The page Entra shows when it cannot trust the redirect URI (bad client id, unregistered redirect URI...). */
export function errorPage(rt: Runtime, code: number, message: string): EmulatorHttpResponse {
  const text = `AADSTS${code}: ${message}`;
  return htmlPage(
    400,
    'Sign in to your account',
    `<h1>Sorry, but we're having trouble signing you in.</h1><p role="alert" data-error-code="AADSTS${code}">` +
      `${escapeHtml(text)}</p><p>Trace ID: ${newGuid(rt.random)}</p>`,
  );
}

/** A 302 to `location`. */
export function redirect(location: string): EmulatorHttpResponse {
  return { status: 302, headers: { Location: location, ...NO_STORE }, body: '' };
}

/**
 * A 302 to the client's redirect URI with the response parameters in the fragment (default) or the query
 * (`response_mode=query`). Values are percent-encoded, so `state` comes back byte for byte.
 */
export function redirectToClient(
  redirectUri: string,
  responseMode: string | undefined,
  params: readonly (readonly [string, string | undefined])[],
): EmulatorHttpResponse {
  const encoded = params
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  const base = redirectUri.split('#')[0] ?? redirectUri;
  const location =
    responseMode === 'query' ? `${base}${base.includes('?') ? '&' : '?'}${encoded}` : `${base}#${encoded}`;
  return redirect(location);
}

/** An error redirect (`error`, `error_description` with trace data, `state`). */
export function redirectError(
  rt: Runtime,
  params: Readonly<Record<string, string>>,
  error: string,
  code: number,
  message: string,
  extra: readonly (readonly [string, string])[] = [],
): EmulatorHttpResponse {
  const description =
    `AADSTS${code}: ${message} Trace ID: ${newGuid(rt.random)} Correlation ID: ` +
    `${params['client-request-id'] ?? newGuid(rt.random)} Timestamp: ${entraTimestamp(rt.now())}`;
  return redirectToClient(params['redirect_uri'] ?? '', params['response_mode'], [
    ['error', error],
    ['error_description', description],
    ['error_uri', `https://login.microsoftonline.com/error?code=${code}`],
    ...extra,
    ['state', params['state']],
  ]);
}

/** A `/token` error: `400 {error, error_description, error_codes, timestamp, trace_id, correlation_id}`. */
export function tokenError(
  rt: Runtime,
  error: string,
  code: number,
  message: string,
  correlationId: string | undefined,
  suberror?: string,
): EmulatorHttpResponse {
  const traceId = newGuid(rt.random);
  const correlation = correlationId ?? newGuid(rt.random);
  const timestamp = entraTimestamp(rt.now());
  return jsonResponse(
    400,
    {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      ...(suberror ? { suberror } : {}),
    },
    NO_STORE,
  );
}

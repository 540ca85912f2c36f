/** Routes requests on the sign-in hosts (`login.microsoftonline.com` and the national-cloud equivalents). */
import { loginPreflightHeaders } from './cors';
import { handleAdminConsent } from './login-admin-consent';
import { handleAuthorize } from './login-authorize';
import { handleConsentInterrupt } from './login-consent-interrupt';
import { errorPage, htmlPage, redirect, tokenError } from './login-http';
import { handleSignInChoice } from './login-sign-in-choice';
import { handleToken } from './login-token';
import { jsonResponse } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatorHttpResponse } from './types';

function knownTenant(rt: Runtime, segment: string): boolean {
  const s = segment.toLowerCase();
  const t = rt.state.tenant;
  return (
    s === 'organizations' || s === 'common' || s === t.id.toLowerCase() || s === t.initialDomain.toLowerCase()
  );
}

function openIdConfiguration(rt: Runtime, host: string, tenant: string): EmulatorHttpResponse {
  const tid = rt.state.tenant.id;
  const base = `https://${host}/${tenant}`;
  return jsonResponse(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `https://${host}/${tid}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'EU',
    cloud_instance_name: host.replace(/^login\./, ''),
  });
}

function instanceDiscovery(ctx: RequestContext): EmulatorHttpResponse {
  const endpoint =
    ctx.url.searchParams.get('authorization_endpoint') ?? `https://${ctx.host}/common/oauth2/v2.0/authorize`;
  return jsonResponse(200, {
    tenant_discovery_endpoint: endpoint.replace(
      /oauth2\/v2\.0\/authorize$/,
      'v2.0/.well-known/openid-configuration',
    ),
    'api-version': '1.1',
    metadata: [{ preferred_network: ctx.host, preferred_cache: ctx.host, aliases: [ctx.host] }],
  });
}

/** `/logout`: ends every session (or the `logout_hint` user's) and returns to `post_logout_redirect_uri`. */
function handleLogout(rt: Runtime, ctx: RequestContext): EmulatorHttpResponse {
  const params = ctx.method === 'POST' ? new URLSearchParams(ctx.body ?? '') : ctx.url.searchParams;
  const hint = params.get('logout_hint')?.toLowerCase();
  const user = hint ? rt.state.users.find((u) => u.userPrincipalName.toLowerCase() === hint) : undefined;
  if (user) rt.state.sessions.delete(user.oid);
  else rt.state.sessions.clear();
  const target = params.get('post_logout_redirect_uri');
  if (!target) return htmlPage(200, 'Sign out', '<h1>You signed out of your account</h1>');
  const state = params.get('state');
  return redirect(
    state === null
      ? target
      : `${target}${target.includes('?') ? '&' : '?'}state=${encodeURIComponent(state)}`,
  );
}

/**
 * Answers one request on a sign-in host. A browser's cross-origin request (one with an `Origin`) is allowed from any
 * origin, as the token and discovery endpoints allow single-page apps; its preflight is answered too.
 */
export async function handleLogin(rt: Runtime, ctx: RequestContext): Promise<EmulatorHttpResponse> {
  if (ctx.method === 'OPTIONS') return { status: 204, headers: loginPreflightHeaders(ctx.headers), body: '' };
  const answer = await routeLogin(rt, ctx);
  if (ctx.headers['origin'] === undefined) return answer;
  return { ...answer, headers: { ...answer.headers, 'Access-Control-Allow-Origin': '*' } };
}

async function routeLogin(rt: Runtime, ctx: RequestContext): Promise<EmulatorHttpResponse> {
  const parts = ctx.url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [tenant = '', ...rest] = parts;
  const path = rest.join('/').toLowerCase();
  if (tenant === 'common' && path === 'discovery/instance') return instanceDiscovery(ctx);
  const isToken = path === 'oauth2/v2.0/token';
  if (!knownTenant(rt, tenant)) {
    const message = `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`;
    return isToken
      ? tokenError(rt, 'invalid_request', 90002, message, undefined)
      : errorPage(rt, 90002, message);
  }
  switch (path) {
    case 'oauth2/v2.0/authorize':
      return handleAuthorize(rt, ctx, tenant);
    case 'oauth2/v2.0/authorize/complete':
      return handleSignInChoice(rt, ctx);
    case 'oauth2/v2.0/authorize/consent':
      return handleConsentInterrupt(rt, ctx);
    case 'oauth2/v2.0/token':
      return handleToken(rt, ctx);
    case 'oauth2/v2.0/logout':
      return handleLogout(rt, ctx);
    case 'v2.0/.well-known/openid-configuration':
      return openIdConfiguration(rt, ctx.host, tenant);
    case 'v2.0/adminconsent':
      return handleAdminConsent(rt, ctx, tenant);
    case 'discovery/v2.0/keys':
      return jsonResponse(200, await rt.signer.jwks());
    default:
      return errorPage(rt, 900561, `The endpoint '${ctx.url.pathname}' is not emulated.`);
  }
}

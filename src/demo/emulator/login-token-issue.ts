/** Token minting for the `/token` endpoint. */
import { base64UrlJson, bytesToBase64Url, digest, utf8Encode } from './encoding';
import { consentedScopes } from './login-scopes';
import type { ParsedScopes } from './login-scopes';
import { randomString } from './random';
import { jsonResponse } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatedUser, EmulatorHttpResponse } from './types';

/** What a successful grant redeems to. */
export interface Grant {
  readonly clientId: string;
  readonly user: EmulatedUser;
  readonly scopeParam: string;
  readonly scopes: ParsedScopes;
  readonly nonce?: string;
}

/**
 * Mints the access token (`scp` = every Graph scope the user consented to for the client, as Entra does),
 * the id token (when `openid` was asked for; `nonce` only for the code grant), a refresh token (when
 * `offline_access` was asked for) and `client_info`.
 */
export async function issueTokens(
  rt: Runtime,
  ctx: RequestContext,
  grant: Grant,
): Promise<EmulatorHttpResponse> {
  const { clientId, user } = grant;
  const tid = rt.state.tenant.id;
  const now = rt.now();
  const iat = Math.floor(now / 1000);
  const lifetime = rt.settings.accessTokenLifetimeSeconds;
  const scp = [...consentedScopes(rt, clientId, user.oid)];
  const sub = bytesToBase64Url(await digest('SHA-256', utf8Encode(`${user.oid}|${clientId}`)));
  const accessToken = await rt.signer.sign({
    aud: grant.scopes.resource,
    iss: `https://sts.windows.net/${tid}/`,
    iat,
    nbf: iat,
    exp: iat + lifetime,
    app_displayname: rt.state.clients.find((c) => c.clientId === clientId)?.displayName,
    appid: clientId,
    appidacr: '0',
    idtyp: 'user',
    name: user.displayName,
    oid: user.oid,
    scp: scp.join(' '),
    sub,
    tid,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    uti: randomString(rt.random, 22),
    ver: '1.0',
  });
  rt.state.accessTokens.set(accessToken, {
    token: accessToken,
    clientId,
    userOid: user.oid,
    audience: grant.scopes.resource,
    scopes: scp,
    issuedAt: now,
    expiresAt: now + lifetime * 1000,
  });
  const wantsIdToken = grant.scopeParam.split(/\s+/).includes('openid');
  const idToken = wantsIdToken
    ? await rt.signer.sign({
        aud: clientId,
        iss: `https://${ctx.host}/${tid}/v2.0`,
        iat,
        nbf: iat,
        exp: iat + 3600,
        ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
        name: user.displayName,
        oid: user.oid,
        preferred_username: user.userPrincipalName,
        sub,
        tid,
        uti: randomString(rt.random, 22),
        ver: '2.0',
      })
    : undefined;
  let refreshToken: string | undefined;
  if (grant.scopes.offlineAccess) {
    refreshToken = `1.${randomString(rt.random, 120)}`;
    rt.state.refreshTokens.set(refreshToken, {
      token: refreshToken,
      clientId,
      userOid: user.oid,
      loginHost: ctx.host,
      issuedAt: now,
      revoked: false,
    });
  }
  return jsonResponse(
    200,
    {
      token_type: 'Bearer',
      scope: grant.scopeParam || scp.map((s) => `${grant.scopes.resource}/${s}`).join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      ...(idToken ? { id_token: idToken } : {}),
      client_info: base64UrlJson({ uid: user.oid, utid: tid }),
    },
    { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
  );
}

/**
 * Returns an access token for Microsoft Graph that carries `permissions` (delegated permission names such as
 * `Application.ReadWrite.All`), without any window. The auth module provides it (rejecting with its `AuthFailure`);
 * the Graph client calls it before every request, so a token that expires during a long wait is renewed.
 */
export type GetToken = (permissions: readonly string[]) => Promise<string>;

/**
 * The Microsoft Graph access tokens (one resource only) this page already holds, in memory only (never Web Storage), so the run's requests do not
 * each go through MSAL's cache: a silent acquisition decrypts and checks the cache every time, which costs tens of
 * milliseconds per call in a busy browser. A token serves any request whose permissions it carries, while it has
 * more than five minutes left; MSAL renews it after that.
 */

/** A token and what it is good for. */
export interface HeldToken {
  readonly accessToken: string;
  /** The scopes the token carries (as MSAL reports them), compared case-insensitively. */
  readonly scopes: readonly string[];
  /** Epoch ms; 0 when unknown (then it is never reused). */
  readonly expiresAt: number;
}

/** Tokens renewed this long before they expire. */
export const TOKEN_MARGIN_MS = 5 * 60_000;

export interface TokenMemo {
  /** A held token of this account that carries every one of `scopes` and is not about to expire. */
  find(account: string, scopes: readonly string[], now: number): string | undefined;
  remember(account: string, token: HeldToken): void;
  /** Forgets every token (sign-out, another account). */
  clear(): void;
}

export function createTokenMemo(): TokenMemo {
  const held = new Map<string, HeldToken[]>();
  // `https://graph.microsoft.com/User.Read` and `User.Read` are the same permission (Entra answers either form).
  const lower = (scopes: readonly string[]) =>
    new Set(scopes.map((s) => (s.split('/').at(-1) ?? s).toLowerCase()));
  return {
    find(account, scopes, now) {
      const wanted = [...lower(scopes)];
      const token = (held.get(account) ?? []).find((t) => {
        const has = lower(t.scopes);
        return t.expiresAt - now > TOKEN_MARGIN_MS && wanted.every((s) => has.has(s));
      });
      return token?.accessToken;
    },
    remember(account, token) {
      if (!token.accessToken || token.expiresAt === 0) return;
      const others = (held.get(account) ?? []).filter((t) => t.accessToken !== token.accessToken);
      held.set(account, [token, ...others].slice(0, 4));
    },
    clear() {
      held.clear();
    },
  };
}

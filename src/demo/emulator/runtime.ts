/** What every handler receives: the emulator's runtime services and the request being answered. */
import type { FaultSwitches } from './faults';
import type { TokenSigner } from './jwt';
import type { RandomSource } from './random';
import type { LogEntry } from './request-log';
import type { PermissionSource } from './seed';
import type { EmulatorState, ReplicationHold } from './state';
import type { EmulatorHttpResponse } from './types';

/** Tunables fixed at creation. */
export interface RuntimeSettings {
  /** Lifetime of access tokens (`expires_in`); keep it above MSAL's 300 s renewal offset. Default 3599. */
  readonly accessTokenLifetimeSeconds: number;
  /** Lifetime of authorization codes. Default 10 minutes. */
  readonly authCodeLifetimeMs: number;
  /** Revoke a refresh token once it is redeemed (Entra keeps it valid). Default false. */
  readonly revokeRedeemedRefreshTokens: boolean;
  /** Put before every client secret's text, so a demo's secrets are visibly not real. Default none. */
  readonly secretPrefix: string;
}

/** Shared services of one emulator. */
export interface Runtime {
  readonly state: EmulatorState;
  readonly faults: FaultSwitches;
  readonly signer: TokenSigner;
  readonly now: () => number;
  readonly random: RandomSource;
  readonly newId: () => string;
  readonly settings: RuntimeSettings;
  readonly permissionSource: PermissionSource;
}

/** One request being answered. */
export interface RequestContext {
  readonly method: string;
  readonly url: URL;
  readonly host: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The body's bytes, when the transport handed them over (binary bodies: an application's logo). */
  readonly bodyBytes?: Uint8Array | undefined;
  /** Set by a handler when an injected fault decided the answer. */
  fault?: LogEntry['fault'];
  /** Replication holds this request already consumed a refusal from (each request counts once per object). */
  readonly countedHolds: Set<ReplicationHold>;
  /** True for a sub-request of a `$batch`. */
  readonly batchItem: boolean;
}

/** A header value by case-insensitive name. */
export function header(ctx: RequestContext, name: string): string | undefined {
  return ctx.headers[name.toLowerCase()];
}

/** Lower-cases header names. */
export function normalizeHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/** A JSON answer. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): EmulatorHttpResponse {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body: JSON.stringify(body) };
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** ISO date-time without milliseconds, as Graph writes it (`2024-03-05T13:14:55Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A tiny Graph caller over the emulator for unit tests and scripted demos. */
import type { Emulator } from './emulator';
import { isAbort } from './types';

/** A Graph answer with its JSON body parsed (`undefined` for 204 or an aborted connection). */
export interface GraphResult {
  readonly status: number | 'aborted';
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown> | undefined;
}

/** Sends one Graph request with a bearer token; `path` is relative to `/v1.0`. */
export async function callGraph(
  emu: Emulator,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  host = 'graph.microsoft.com',
): Promise<GraphResult> {
  const res = await emu.handle({
    method,
    url: `https://${host}/v1.0${path}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (isAbort(res)) return { status: 'aborted', headers: {}, body: undefined };
  return {
    status: res.status,
    headers: res.headers,
    body: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : undefined,
  };
}

/**
 * A `fetch` answered by the emulator, as the browser's would answer (a dropped connection throws TypeError; with
 * `cors`, Retry-After is hidden unless Graph exposes it): the demo tenant's Graph in the page, and the tests' Graph in
 * Node.
 */
import type { Emulator } from './emulator';
import { isAbort } from './types';

/** Hooks into the emulator transport. */
export interface TransportOptions {
  /** Hide Retry-After unless Graph exposes it to CORS, as a browser does. */
  readonly cors?: boolean;
  /** Called before each request is handled, with its body; throw to make `fetch` fail. */
  readonly before?: (request: Request, body: string | undefined) => void;
  /** Called with each answer (status 0 for a dropped connection) and the request's body. */
  readonly after?: (request: Request, status: number, body: string | undefined) => void;
}

const abortError = () => new DOMException('This operation was aborted', 'AbortError');

/** A `fetch` answered by the emulator; a dropped connection throws TypeError, as browsers do. */
export function emulatorFetch(emu: Emulator, options: TransportOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw abortError();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => void (headers[name] = value));
    const bytes = request.method === 'GET' ? undefined : new Uint8Array(await request.arrayBuffer());
    const body = bytes?.length ? new TextDecoder().decode(bytes) : undefined;
    options.before?.(request, body);
    const answer = await emu.handle({
      method: request.method,
      url: request.url,
      headers,
      body,
      ...(bytes?.length ? { bodyBytes: bytes } : {}),
    });
    if (request.signal.aborted) throw abortError();
    if (isAbort(answer)) {
      options.after?.(request, 0, body);
      throw new TypeError('Failed to fetch');
    }
    const out = new Headers(answer.headers);
    const exposed = (answer.headers['Access-Control-Expose-Headers'] ?? '').toLowerCase();
    if (options.cors && !exposed.includes('retry-after')) out.delete('Retry-After');
    options.after?.(request, answer.status, body);
    const empty = answer.status === 204 || answer.status === 304 || answer.body === '';
    return new Response(empty ? null : answer.body, { status: answer.status, headers: out });
  };
}

/**
 * How requests reach Microsoft Graph: one at a time, or gathered into JSON batches.
 *
 * A browser sends a CORS preflight (`OPTIONS`) before every cross-origin Graph request that carries a token, and
 * caches it per URL for about 5 s (Graph names no max age). A run's requests each have their own URL, so each level of
 * the run would cost two round trips. The batch transport sends every request issued in the same turn of the event
 * loop as one `POST /$batch` (at most 20 items): one URL, preflighted once, and one round trip for the whole level.
 * Each item keeps its own status and headers, so its caller retries it alone, and a `Retry-After` inside a batch
 * answer is readable (Graph does not expose the header of a plain answer to CORS).
 *
 * The Microsoft Graph JavaScript SDK has a BatchRequestContent helper, but it is tied to the deprecated graph-client
 * and sends only what it is handed; gathering concurrent calls is what saves the round trips.
 */
import { TokenUnavailableError, isAbortError } from './graph-errors';
import type { GraphRequest } from './graph-requests';
import type { GetToken } from '../config/get-token';

/** One answer: a plain response or one item of a batch. */
export interface GraphExchange {
  readonly status: number;
  readonly body: unknown;
  /** A header of the answer (case-insensitive); null when absent or unreadable. */
  header(name: string): string | null;
}

/**
 * Sends one request. Rejects with a `TokenUnavailableError` when no token could be had, an `AbortError` when the
 * signal fired, and anything else (a `TypeError`, as `fetch` throws) when no answer arrived.
 */
export type GraphTransport = (
  request: GraphRequest,
  permissions: readonly string[],
  signal?: AbortSignal,
) => Promise<GraphExchange>;

/** What the transports need. */
export interface TransportDeps {
  /** The Graph host, without a trailing slash. */
  readonly base: string;
  readonly getToken: GetToken;
  readonly fetch: typeof fetch;
}

/** The Graph batch size limit. */
export const MAX_BATCH_ITEMS = 20;

const VERSION = '/v1.0';

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function token(getToken: GetToken, permissions: readonly string[]): Promise<string> {
  try {
    return await getToken(permissions);
  } catch (error) {
    throw isAbortError(error) ? error : new TokenUnavailableError(error);
  }
}

const fromResponse = (response: Response, body: unknown): GraphExchange => ({
  status: response.status,
  body,
  header: (name) => response.headers.get(name),
});

/** Each request as its own HTTP request. */
export function directTransport(deps: TransportDeps): GraphTransport {
  return async (request, permissions, signal) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await token(deps.getToken, permissions)}`,
      Accept: 'application/json',
      ...request.headers,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await deps.fetch(`${deps.base}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      ...(request.binary ? { body: new Blob([request.binary.bytes as BlobPart]) } : {}),
      ...(signal ? { signal } : {}),
    });
    return fromResponse(response, await readBody(response));
  };
}

interface Queued {
  readonly request: GraphRequest;
  readonly permissions: readonly string[];
  readonly signal: AbortSignal | undefined;
  readonly resolve: (exchange: GraphExchange) => void;
  readonly reject: (error: unknown) => void;
}

interface BatchItemAnswer {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
}

function itemExchange(answer: BatchItemAnswer, outer: Response): GraphExchange {
  const headers = new Map<string, string>();
  if (typeof answer.headers === 'object' && answer.headers !== null) {
    for (const [name, value] of Object.entries(answer.headers as Record<string, unknown>)) {
      if (typeof value === 'string') headers.set(name.toLowerCase(), value);
    }
  }
  return {
    status: typeof answer.status === 'number' ? answer.status : 500,
    body: answer.body,
    // The item's own headers; the batch's request-id identifies the call for support.
    header: (name) =>
      headers.get(name.toLowerCase()) ??
      (name.toLowerCase() === 'request-id' ? outer.headers.get('request-id') : null),
  };
}

/**
 * The requests issued in the same turn of the event loop, as one `$batch` (several when more than 20). A request
 * with a binary body (the logo) goes on its own: a batch carries it only base64-encoded, which Graph documents for
 * JSON batching in general but not for the logo stream, so it is sent as Graph's logo reference shows it.
 */
export function batchTransport(deps: TransportDeps): GraphTransport {
  let queue: Queued[] = [];
  const direct = directTransport(deps);

  async function send(items: readonly Queued[]): Promise<void> {
    const permissions = [...new Set(items.flatMap((i) => i.permissions))];
    // The run passes one signal to all of its requests; a batch of others' requests is never cut short by one.
    const [first] = items;
    const signal = first?.signal && items.every((i) => i.signal === first.signal) ? first.signal : undefined;
    let response: Response;
    let body: unknown;
    try {
      const bearer = await token(deps.getToken, permissions);
      response = await deps.fetch(`${deps.base}${VERSION}/$batch`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${bearer}`,
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          requests: items.map((item, index) => ({
            id: String(index + 1),
            method: item.request.method,
            url: item.request.path.slice(VERSION.length),
            headers: {
              ...item.request.headers,
              ...(item.request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            },
            ...(item.request.body !== undefined ? { body: item.request.body } : {}),
          })),
        }),
        ...(signal ? { signal } : {}),
      });
      body = await readBody(response);
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    // The batch itself was refused (throttled, unavailable, signed out): every item has that answer.
    if (!response.ok) {
      for (const item of items) item.resolve(fromResponse(response, body));
      return;
    }
    const answers = (body as { responses?: unknown } | undefined)?.responses;
    const byId = new Map<string, BatchItemAnswer>();
    if (Array.isArray(answers)) {
      for (const a of answers as BatchItemAnswer[]) if (typeof a?.id === 'string') byId.set(a.id, a);
    }
    items.forEach((item, index) => {
      const answer = byId.get(String(index + 1));
      if (answer) item.resolve(itemExchange(answer, response));
      else
        item.reject(
          new TypeError('Microsoft Graph returned a batch without the answer to one of its requests.'),
        );
    });
  }

  function flush(): void {
    const pending = queue;
    queue = [];
    const live: Queued[] = [];
    for (const item of pending) {
      if (item.signal?.aborted) item.reject(item.signal.reason ?? new DOMException('Aborted', 'AbortError'));
      else live.push(item);
    }
    for (let i = 0; i < live.length; i += MAX_BATCH_ITEMS) void send(live.slice(i, i + MAX_BATCH_ITEMS));
  }

  return (request, permissions, signal) =>
    request.binary
      ? direct(request, permissions, signal)
      : new Promise<GraphExchange>((resolve, reject) => {
          if (queue.length === 0) setTimeout(flush, 0);
          queue.push({ request, permissions, signal, resolve, reject });
        });
}

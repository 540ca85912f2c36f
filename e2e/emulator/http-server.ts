/**
 * Serves an emulator over real HTTP: a Node request listener (for `http`, `https`, or `http2` with or without
 * `allowHTTP1`) that turns each request into `emulator.handle` and its answer back into an HTTP response. The run
 * benchmark's wire mode puts it behind HTTPS on `graph.microsoft.com` and `login.microsoftonline.com` (Chromium maps
 * both hosts to it), so the browser's own CORS preflights, preflight cache and connection limits are measured.
 *
 * Every exchange is logged on the transport side: it starts when the request reaches the listener and ends when its
 * answer has been handed to the socket, latency included, so `countRoundTrips` on the log counts what the browser
 * waited for (preflights included; the emulator's own `log` records neither the transport's latency nor its timing).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { Emulator } from '../../src/demo/emulator/emulator';
import { isGraphHost, isLoginHost } from '../../src/demo/emulator/hosts';
import type { LogEntry, RequestKind } from '../../src/demo/emulator/request-log';
import { isAbort } from '../../src/demo/emulator/types';

/** A request as one of Node's HTTP servers hands it over. */
export type NodeRequest = IncomingMessage | Http2ServerRequest;
/** The response object that goes with it. */
export type NodeResponse = ServerResponse | Http2ServerResponse;

/** Options of {@link createEmulatorListener}. */
export interface EmulatorListenerOptions {
  /**
   * Milliseconds to hold every request before it is answered (preflights included), or a function of the request's
   * host and method. Default 0. This is the transport's latency; the emulator's `faults.latencyMs` comes on top.
   */
  readonly latencyMs?: number | ((host: string, method: string) => number);
  /** Clock of the log, in epoch milliseconds. Default: `performance.timeOrigin + performance.now()`. */
  readonly now?: () => number;
}

/** The listener and its log. */
export interface EmulatorListener {
  /** Pass to `http.createServer`, `https.createServer` or `http2.createSecureServer`. */
  readonly listener: (request: NodeRequest, response: NodeResponse) => void;
  /** Every exchange, in arrival order; `startedAt`/`endedAt` are transport times (see the module comment). */
  readonly log: LogEntry[];
}

/** Headers HTTP/2 forbids in a response; the emulator sends none, but a response must never fail on one. */
const CONNECTION_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The request's host name without a port: HTTP/2's `:authority`, else `Host`. */
function hostOf(request: NodeRequest): string {
  const authority = request.headers[':authority'] ?? request.headers.host ?? '';
  const value = Array.isArray(authority) ? (authority[0] ?? '') : authority;
  return value.replace(/:\d+$/, '').toLowerCase();
}

/** Header names lower-cased, HTTP/2 pseudo-headers left out, repeated headers joined. */
function headersOf(request: NodeRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function bodyOf(request: NodeRequest): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

const kindOf = (host: string): RequestKind =>
  isGraphHost(host) ? 'graph' : isLoginHost(host) ? 'login' : 'other';

/** Creates a request listener that answers with `emulator`. */
export function createEmulatorListener(
  emulator: Pick<Emulator, 'handle'>,
  options: EmulatorListenerOptions = {},
): EmulatorListener {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const latency = options.latencyMs ?? 0;
  const log: LogEntry[] = [];

  async function answer(request: NodeRequest, response: NodeResponse, entry: LogEntry): Promise<void> {
    const body = await bodyOf(request);
    const delay = typeof latency === 'function' ? latency(entry.host, entry.method) : latency;
    if (delay > 0) await wait(delay);
    const answered = await emulator.handle({
      method: entry.method,
      url: entry.url,
      headers: headersOf(request),
      body: body?.toString('utf8'),
      ...(body ? { bodyBytes: new Uint8Array(body) } : {}),
    });
    if (isAbort(answered)) {
      entry.status = 'aborted';
      entry.endedAt = now();
      // The whole connection for HTTP/1.1; for HTTP/2 the socket proxy destroys just this stream.
      request.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answered.headers)) {
      if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers[name] = value;
    }
    entry.status = answered.status;
    response.once('finish', () => {
      entry.endedAt = now();
    });
    response.writeHead(answered.status, headers);
    response.end(answered.body);
  }

  const listener = (request: NodeRequest, response: NodeResponse): void => {
    const startedAt = now();
    const host = hostOf(request);
    const path = request.url ?? '/';
    const entry: LogEntry = {
      seq: log.length + 1,
      kind: kindOf(host),
      method: (request.method ?? 'GET').toUpperCase(),
      url: `https://${host}${path}`,
      host,
      path,
      status: 0,
      startedAt,
      endedAt: startedAt,
      batchItem: false,
    };
    log.push(entry);
    answer(request, response, entry).catch((error: unknown) => {
      entry.status = 500;
      entry.endedAt = now();
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  };

  return { listener, log };
}

/** The request pipeline: logging, latency, the network-failure switch, and routing to login or Graph. */
import { handleGraph } from './graph-router';
import { isGraphHost, isLoginHost } from './hosts';
import { handleLogin } from './login-router';
import type { LogEntry, RequestKind } from './request-log';
import { jsonResponse, normalizeHeaders } from './runtime';
import type { RequestContext, Runtime } from './runtime';
import type { EmulatorHttpResponse, EmulatorRequest, EmulatorResponse } from './types';

/** Settings of {@link createDispatcher}. */
export interface DispatcherSettings {
  readonly log: LogEntry[];
  readonly sleep: (ms: number) => Promise<void>;
  readonly logBodies: boolean;
}

/**
 * Returns the handler: every request is logged (batch items too, after their batch), delayed by
 * `faults.latencyMs`, possibly dropped by `faults.networkFailureOnCall`, then answered. Handler errors
 * become a 500 whose body carries the stack, so a test sees them.
 */
export function createDispatcher(
  rt: Runtime,
  settings: DispatcherSettings,
): (request: EmulatorRequest) => Promise<EmulatorResponse> {
  const { log, sleep, logBodies } = settings;
  const { faults, now } = rt;
  let seq = 0;

  async function dispatch(
    request: EmulatorRequest,
    batch?: { seq: number; itemId: string },
  ): Promise<EmulatorResponse> {
    const startedAt = now();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return jsonResponse(400, { error: 'invalid_url' });
    }
    const host = url.host.toLowerCase();
    const kind: RequestKind = isLoginHost(host) ? 'login' : isGraphHost(host) ? 'graph' : 'other';
    const method = request.method.toUpperCase();
    const entry: LogEntry = {
      seq: ++seq,
      kind,
      method,
      url: request.url,
      host,
      path: url.pathname + url.search,
      status: 0,
      startedAt,
      endedAt: startedAt,
      batchItem: !!batch,
      ...(batch ? { batchSeq: batch.seq, batchItemId: batch.itemId } : {}),
      ...(logBodies && request.body !== undefined ? { requestBody: request.body } : {}),
    };
    log.push(entry);
    const ctx: RequestContext = {
      method,
      url,
      host,
      headers: normalizeHeaders(request.headers),
      body: request.body,
      ...(request.bodyBytes ? { bodyBytes: request.bodyBytes } : {}),
      countedHolds: new Set(),
      batchItem: !!batch,
    };
    try {
      if (!batch && faults.latencyMs > 0) await sleep(faults.latencyMs);
      const network = kind === 'graph' && !batch ? faults.takeNetworkFailure() : undefined;
      let response: EmulatorHttpResponse | undefined;
      if (!network || network.effectApplied) {
        const runItem = (item: EmulatorRequest, itemId: string) =>
          dispatch(item, { seq: entry.seq, itemId }) as Promise<EmulatorHttpResponse>;
        response =
          kind === 'login'
            ? await handleLogin(rt, ctx)
            : kind === 'graph'
              ? await handleGraph(rt, ctx, batch ? undefined : runItem)
              : jsonResponse(404, { error: 'not_emulated', message: `${host} is not an emulated host.` });
      }
      if (network) {
        entry.status = 'aborted';
        ctx.fault = 'network';
        return { abort: 'failed' };
      }
      const answer = response ?? jsonResponse(500, { error: 'no_response' });
      entry.status = answer.status;
      if (logBodies) entry.responseBody = answer.body;
      return answer;
    } catch (error) {
      const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      entry.status = 500;
      entry.responseBody = message;
      return jsonResponse(500, { error: { code: 'EmulatorFailure', message } });
    } finally {
      entry.endedAt = now();
      if (ctx.fault) entry.fault = ctx.fault;
    }
  }

  return (request) => dispatch(request);
}

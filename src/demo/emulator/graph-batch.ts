/** `POST /$batch` (JSON batching): up to 20 requests, `dependsOn`, per-item status. */
import { graphError, graphJson, isResponse, readJsonObject } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse, EmulatorRequest } from './types';

/** Runs one batch item through the normal Graph pipeline (faults, replication, logging included). */
export type BatchItemRunner = (request: EmulatorRequest, itemId: string) => Promise<EmulatorHttpResponse>;

/** The Graph batch size limit. */
export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

function parseItems(g: GraphContext, requests: unknown): BatchItem[] | EmulatorHttpResponse {
  const invalid = (message: string) => graphError(g, 400, 'BadRequest', message);
  if (!Array.isArray(requests) || requests.length === 0) return invalid('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    return invalid(
      `Number of requests in a batch cannot exceed ${MAX_BATCH_REQUESTS}. The batch has ${requests.length}.`,
    );
  }
  const items: BatchItem[] = [];
  for (const raw of requests as unknown[]) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, method, url, headers, body, dependsOn } = r;
    if (typeof id !== 'string' || id === '' || typeof method !== 'string' || typeof url !== 'string') {
      return invalid('Invalid batch payload format.');
    }
    if (items.some((i) => i.id === id)) return invalid(`Batch request id '${id}' is used more than once.`);
    const deps = dependsOn === undefined ? [] : dependsOn;
    if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string'))
      return invalid('Invalid batch payload format.');
    items.push({
      id,
      method: method.toUpperCase(),
      url,
      headers: typeof headers === 'object' && headers !== null ? (headers as Record<string, string>) : {},
      body,
      dependsOn: deps as string[],
    });
  }
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!items.some((i) => i.id === dep))
        return invalid(`Request '${item.id}' depends on unknown request id '${dep}'.`);
    }
  }
  return items;
}

function itemResponse(id: string, res: EmulatorHttpResponse): Record<string, unknown> {
  let body: unknown;
  if (res.body !== '') {
    try {
      body = JSON.parse(res.body);
    } catch {
      body = res.body;
    }
  }
  return { id, status: res.status, headers: res.headers, ...(body !== undefined ? { body } : {}) };
}

function failedDependency(g: GraphContext, id: string, dep: string): Record<string, unknown> {
  const res = graphError(
    g,
    424,
    'FailedDependency',
    `The request '${id}' depends on request '${dep}', which failed.`,
  );
  return itemResponse(id, res);
}

/** Answers a `$batch`: items run in dependency order; an item whose dependency failed gets 424. */
export async function handleBatch(g: GraphContext, runItem: BatchItemRunner): Promise<EmulatorHttpResponse> {
  const payload = readJsonObject(g);
  if (isResponse(payload)) return payload;
  const items = parseItems(g, payload['requests']);
  if (isResponse(items)) return items;
  const done = new Map<string, Record<string, unknown>>();
  const pending = [...items];
  while (pending.length > 0) {
    const index = pending.findIndex((i) => i.dependsOn.every((d) => done.has(d)));
    if (index < 0)
      return graphError(g, 400, 'BadRequest', 'The dependsOn references in the batch form a cycle.');
    const [item] = pending.splice(index, 1);
    if (!item) break;
    const failedDep = item.dependsOn.find((d) => {
      const status = done.get(d)?.['status'];
      return typeof status !== 'number' || status >= 400;
    });
    if (failedDep !== undefined) {
      done.set(item.id, failedDependency(g, item.id, failedDep));
      continue;
    }
    if (/^https?:/i.test(item.url) || /^\/?\$batch/i.test(item.url)) {
      done.set(
        item.id,
        itemResponse(item.id, graphError(g, 400, 'BadRequest', 'Invalid request URL for a batch item.')),
      );
      continue;
    }
    const path = item.url.startsWith('/') ? item.url : `/${item.url}`;
    const body =
      item.body === undefined
        ? undefined
        : typeof item.body === 'string'
          ? item.body
          : JSON.stringify(item.body);
    const res = await runItem(
      {
        method: item.method,
        url: `https://${g.req.host}/v1.0${path}`,
        headers: { ...item.headers, authorization: g.req.headers['authorization'] ?? '' },
        body,
      },
      item.id,
    );
    done.set(item.id, itemResponse(item.id, res));
  }
  return graphJson(g, 200, { responses: items.map((i) => done.get(i.id)) });
}

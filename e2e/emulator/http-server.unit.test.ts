import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { connect, createServer as createHttp2Server } from 'node:http2';
import type { Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/demo/emulator/emulator';
import { createEmulatorListener } from './http-server';
import type { EmulatorListenerOptions } from './http-server';
import { countRoundTrips } from '../../src/demo/emulator/request-log';
import { ADMIN_SCOPES } from '../../src/demo/emulator/test-tenant';

const ORIGIN = 'http://localhost:4173';

interface Answer {
  readonly status: number | 'dropped';
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const servers: (Server | Http2Server)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(options: EmulatorListenerOptions = {}, emulatorOptions = {}) {
  const emu = createEmulator(emulatorOptions);
  const wire = createEmulatorListener(emu, options);
  const server = createServer(wire.listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  /** Sends one HTTP/1.1 request to the server with `host` as the Host header. */
  const send = (
    method: string,
    host: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method, path, headers: { host, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', () => resolve({ status: 'dropped', headers: {}, body: '' }));
      req.end(body);
    });
  return { emu, wire, send };
}

describe('the emulator over HTTP', () => {
  it("answers a Graph preflight as Graph does: the origin and the app's headers allowed, no max age", async () => {
    const { wire, send } = await serve({ latencyMs: 30 });
    const answer = await send('OPTIONS', 'graph.microsoft.com', "/v1.0/applications(uniqueName='c1')", {
      origin: ORIGIN,
      'access-control-request-method': 'PATCH',
      'access-control-request-headers': 'authorization,content-type,prefer',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(answer.headers['access-control-allow-methods']).toContain('PATCH');
    const allowed = String(answer.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'prefer']));
    expect(answer.headers['access-control-max-age']).toBeUndefined();
    // The transport's latency holds preflights too, and the log times it.
    const [entry] = wire.log;
    expect(entry).toMatchObject({
      kind: 'graph',
      method: 'OPTIONS',
      status: 204,
      host: 'graph.microsoft.com',
    });
    expect(entry!.endedAt - entry!.startedAt).toBeGreaterThanOrEqual(29);
  });

  it('answers Graph with the CORS headers of Graph: request-id exposed, Retry-After not', async () => {
    const { emu, send } = await serve();
    const token = await emu.mintAccessToken({ scopes: ADMIN_SCOPES });
    const me = await send('GET', 'graph.microsoft.com', '/v1.0/me', {
      origin: ORIGIN,
      authorization: `Bearer ${token}`,
    });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ userPrincipalName: 'admin@contoso.onmicrosoft.com' });
    expect(me.headers['access-control-allow-origin']).toBe(ORIGIN);
    const exposed = String(me.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['request-id', 'client-request-id']));
    expect(exposed).not.toContain('retry-after');
    expect(me.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);

    emu.faults.throttle = { count: 1, retryAfterSeconds: 2 };
    const throttled = await send('GET', 'graph.microsoft.com', '/v1.0/me', {
      origin: ORIGIN,
      authorization: `Bearer ${token}`,
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect(String(throttled.headers['access-control-expose-headers']).toLowerCase()).not.toContain(
      'retry-after',
    );
  });

  it('passes request bodies through to the emulator', async () => {
    const { emu, send } = await serve();
    const token = await emu.mintAccessToken({ scopes: ADMIN_SCOPES });
    const created = await send(
      'PATCH',
      'graph.microsoft.com',
      "/v1.0/applications(uniqueName='c1')",
      { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: 'create-if-missing' },
      JSON.stringify({ displayName: 'Connector' }),
    );
    expect(created.status).toBe(201);
    expect(emu.applications().map((a) => a.displayName)).toEqual(['Connector']);
  });

  it('allows cross-origin requests to the sign-in host, preflights included', async () => {
    const { send } = await serve();
    const preflight = await send('OPTIONS', 'login.microsoftonline.com', '/organizations/oauth2/v2.0/token', {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-anchormailbox',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('x-anchormailbox');
    const discovery = await send(
      'GET',
      'login.microsoftonline.com',
      '/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      { origin: ORIGIN },
    );
    expect(discovery.status).toBe(200);
    expect(discovery.headers['access-control-allow-origin']).toBe('*');
  });

  it('drops the connection when the emulator fails the call at the network level', async () => {
    const { emu, wire, send } = await serve({}, { faults: { networkFailureOnCall: 1 } });
    const token = await emu.mintAccessToken({ scopes: ADMIN_SCOPES });
    const answer = await send('GET', 'graph.microsoft.com', '/v1.0/me', { authorization: `Bearer ${token}` });
    expect(answer.status).toBe('dropped');
    expect(wire.log[0]?.status).toBe('aborted');
  });

  it('applies latency per host and counts sequential round trips on its log', async () => {
    const { send, wire } = await serve({ latencyMs: (host) => (host === 'graph.microsoft.com' ? 40 : 0) });
    await send('OPTIONS', 'graph.microsoft.com', '/v1.0/me', { origin: ORIGIN });
    await Promise.all([
      send('OPTIONS', 'graph.microsoft.com', '/v1.0/organization', { origin: ORIGIN }),
      send('OPTIONS', 'graph.microsoft.com', '/v1.0/applications', { origin: ORIGIN }),
    ]);
    await send('GET', 'login.microsoftonline.com', '/common/discovery/instance');
    const graph = countRoundTrips(wire.log);
    expect(graph.requests).toBe(3);
    expect(graph.roundTrips).toBe(2);
    const login = wire.log.find((e) => e.kind === 'login')!;
    expect(login.endedAt - login.startedAt).toBeLessThan(40);
  });

  it('serves HTTP/2 too', async () => {
    const emu = createEmulator();
    const wire = createEmulatorListener(emu);
    const server = createHttp2Server(wire.listener);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
        (resolve, reject) => {
          const stream = client.request({
            ':method': 'OPTIONS',
            ':path': '/v1.0/me',
            ':authority': 'graph.microsoft.com',
            origin: ORIGIN,
          });
          stream.on('response', (headers) => resolve({ status: Number(headers[':status']), headers }));
          stream.on('error', reject);
          stream.end();
        },
      );
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(wire.log[0]).toMatchObject({ kind: 'graph', method: 'OPTIONS', path: '/v1.0/me' });
    } finally {
      client.close();
    }
  });
});

/**
 * A forward proxy on loopback that answers Microsoft's login and Graph hosts with the in-process emulator, for tools
 * run as child processes with `HTTPS_PROXY`. A tool opens a tunnel (`CONNECT graph.microsoft.com:443`); the proxy
 * ends TLS itself with a throwaway certificate for those hosts (made with openssl; the child trusts it through
 * `NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE` or `SSL_CERT_FILE`) and hands each request to `emulator.handle`.
 * Nothing leaves the machine: a tunnel to any other host is refused with 502 and recorded.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from '../../src/demo/emulator/emulator';
import { isGraphHost, isLoginHost } from '../../src/demo/emulator/hosts';
import { isAbort } from '../../src/demo/emulator/types';

const run = promisify(execFile);

const HOSTS = ['graph.microsoft.com', 'login.microsoftonline.com'];

export interface GraphProxy {
  /** `http://127.0.0.1:<port>`, for `HTTPS_PROXY`. */
  readonly url: string;
  /** The certificate the proxy presents for Microsoft's hosts (PEM), for the child's trust store. */
  readonly caFile: string;
  /** Tunnels asked for hosts other than Microsoft's login and Graph. */
  readonly outside: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for the Microsoft hosts, in `dir`. */
async function throwawayCertificate(dir: string): Promise<{ key: string; cert: string; certFile: string }> {
  const keyFile = join(dir, 'proxy-key.pem');
  const certFile = join(dir, 'proxy-cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    `/CN=${HOSTS[0]}`,
    '-addext',
    `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8'), certFile };
}

async function bodyOf(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

export async function startGraphProxy(emulator: Pick<Emulator, 'handle'>): Promise<GraphProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'graph-proxy-'));
  const { key, cert, certFile } = await throwawayCertificate(dir);
  const outside: string[] = [];

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const url = `https://${host}${request.url ?? '/'}`;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const body = await bodyOf(request);
      const answered = await emulator.handle({ method: request.method ?? 'GET', url, headers, body });
      if (isAbort(answered)) {
        request.socket.destroy();
        return;
      }
      response.writeHead(answered.status, answered.headers);
      response.end(answered.body);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  };
  // Never listens: the tunnels' sockets are handed to it.
  const tls = createHttpsServer({ key, cert }, answer);

  const proxy = createServer((request, response) => {
    outside.push(request.url ?? '');
    response.writeHead(502).end();
  });
  proxy.on('connect', (request: IncomingMessage, socket) => {
    const host = (request.url ?? '').replace(/:\d+$/, '');
    if (!isGraphHost(host) && !isLoginHost(host)) {
      outside.push(request.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    caFile: certFile,
    outside,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

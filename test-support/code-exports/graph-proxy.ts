/**
 * A forward proxy on loopback that answers Microsoft's login and Graph hosts with the in-process emulator, for tools
 * run as child processes with `HTTPS_PROXY`. A tool opens a tunnel (`CONNECT graph.microsoft.com:443`); the proxy
 * ends TLS itself with a throwaway certificate for those hosts (made with openssl; the child trusts it through
 * `NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE` or `SSL_CERT_FILE`) and hands each request to `emulator.handle`.
 * Nothing leaves the machine: a tunnel to any other host is refused with 502 and recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulatorListener } from '../../e2e/emulator/http-server';
import type { Emulator } from '../../src/demo/emulator/emulator';
import { isGraphHost, isLoginHost } from '../../src/demo/emulator/hosts';
import { throwawayCertificate } from '../throwaway-tls';

export interface GraphProxy {
  /** `http://127.0.0.1:<port>`, for `HTTPS_PROXY`. */
  readonly url: string;
  /** The certificate the proxy presents for Microsoft's hosts (PEM), for the child's trust store. */
  readonly caFile: string;
  /** Tunnels asked for hosts other than Microsoft's login and Graph. */
  readonly outside: string[];
  close(): Promise<void>;
}

export async function startGraphProxy(emulator: Pick<Emulator, 'handle'>): Promise<GraphProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'graph-proxy-'));
  const { key, cert, certFile } = await throwawayCertificate(dir, { authority: true });
  const outside: string[] = [];

  // Never listens: the tunnels' sockets are handed to it.
  const tls = createHttpsServer({ key, cert }, createEmulatorListener(emulator).listener);

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

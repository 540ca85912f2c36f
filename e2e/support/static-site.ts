/**
 * A static file server for the built site that sends the headers `staticwebapp.config.json` gives, read from the
 * built `dist/` as Azure Static Web Apps reads it: `globalHeaders` on every response, and the `headers` of the route
 * that matches the path together with them, a route's header replacing a global one of the same name. Only exact
 * routes are followed, which is all the file uses; any other kind stops the server rather than be ignored.
 *
 * `vite preview` cannot serve a path's headers from a file, and a Playwright route would answer in the server's
 * place, so the deployment's headers get a real server of their own.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** The part of `staticwebapp.config.json` that sets headers. */
export interface StaticWebAppHeaders {
  readonly globalHeaders?: Readonly<Record<string, string>>;
  readonly routes?: readonly {
    readonly route: string;
    readonly headers?: Readonly<Record<string, string>>;
  }[];
}

export const CONFIG_FILE = 'staticwebapp.config.json';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The headers Static Web Apps sends for `path`; an empty value removes a header, as there. */
export function staticWebAppHeaders(config: StaticWebAppHeaders, path: string): Record<string, string> {
  for (const { route } of config.routes ?? []) {
    if (!/^\/[^*{}]*$/.test(route))
      throw new Error(`Route "${route}" is not an exact path: not followed here`);
  }
  // index.html is the default file, so its route also matches the folder.
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const own = config.routes?.find((r) => r.route === path || r.route === file)?.headers ?? {};
  const replaced = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  const merged = {
    ...Object.fromEntries(
      Object.entries(config.globalHeaders ?? {}).filter(([name]) => !replaced.has(name.toLowerCase())),
    ),
    ...own,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== ''));
}

export interface StaticSite {
  /** `http://localhost:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on a free port of localhost. `files` answers some paths with other bodies (a `config.json` with a
 * client ID), under the same headers.
 */
export async function serveStaticSite(
  root: string,
  files: Readonly<Record<string, string>> = {},
): Promise<StaticSite> {
  const base = resolve(root);
  const config = JSON.parse(readFileSync(join(base, CONFIG_FILE), 'utf8')) as StaticWebAppHeaders;
  staticWebAppHeaders(config, '/');

  const server = createServer((request, response) => {
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      let body: Buffer | string | undefined = files[path];
      if (body === undefined && file.startsWith(base + sep) && !file.endsWith(sep + CONFIG_FILE)) {
        body = await readFile(file).catch(() => undefined);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
      } else if (body === undefined) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      } else {
        response.writeHead(200, {
          'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
          ...staticWebAppHeaders(config, path),
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, 'localhost', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((e) => (e ? fail(e) : done()));
        server.closeAllConnections();
      }),
  };
}

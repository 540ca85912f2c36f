/**
 * Part of `npm run bench:run -- --wire`: the run over a real network stack. The built wizard runs in headless
 * Chromium, unmodified (its own Graph base URL `https://graph.microsoft.com` and Content Security Policy); Chromium
 * resolves `graph.microsoft.com` and `login.microsoftonline.com` to a local HTTPS server (HTTP/2, a throwaway
 * self-signed certificate made with openssl, certificate errors ignored) that answers with the emulator through
 * `e2e/emulator/http-server.ts`, CORS as Graph does it (no `Access-Control-Max-Age`, so Chromium keeps each
 * preflight 5 s per URL). Every Graph request waits `latencyMs` before it is answered, preflights included; the
 * sign-in host answers at once.
 *
 * No Playwright routing at all: with any `route` in place, Playwright answers every CORS preflight itself and it
 * never reaches the server. So config.json (automatic mode) is written into the build, and the sign-in goes over the
 * wire too. `--host-resolver-rules` sends every other host nowhere.
 *
 * Each run is a fresh tenant and a fresh browser context: sign in from the start card, accept the steps with
 * SharePoint Online in admin mode, keep "Grant admin consent" on, click Create, pick the account in the permission
 * popup, and wait for the wizard to move to the credentials.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { createEmulator } from '../src/demo/emulator/emulator';
import { createEmulatorListener } from '../e2e/emulator/http-server';
import type { EmulatorListener, NodeRequest, NodeResponse } from '../e2e/emulator/http-server';
import { countRoundTrips } from '../src/demo/emulator/request-log';
import type { LogEntry } from '../src/demo/emulator/request-log';
import { AUTOMATIC_CONFIG, WIZARD_CLIENT_ID } from '../e2e/support/automatic';
import { throwawayCertificate } from '../test-support/throwaway-tls';

/** The shareable link of the job: SharePoint Online with admin accounts. */
const JOB = '/?connectors=sharepoint:admin&name=Contoso%20SharePoint';
const ACCOUNT = /Megan Bowen/;

/** One exchange as the server saw it (epoch milliseconds). */
export interface WireExchange {
  readonly method: string;
  readonly path: string;
  readonly status: number | 'aborted';
  readonly startedAt: number;
  readonly endedAt: number;
}

/** The figures of one wire run. */
export interface WireSample {
  /**
   * Sequential round trips on the critical path after the permission window (its token), preflights included (see
   * {@link criticalPath}).
   */
  readonly roundTrips: number;
  /** Preflights among them. */
  readonly preflightsOnPath: number;
  /** Graph requests (preflights not included), the warm-up included. */
  readonly requests: number;
  /** Graph exchanges (requests and preflights) that started while the permission window was open. */
  readonly duringWindow: number;
  /** Graph CORS preflights (`OPTIONS`). */
  readonly preflights: number;
  /** From the click on Create to the wizard showing the credentials (page clock). */
  readonly wallMs: number;
  /** From that click to the end of the token request that followed the permission popup (no latency on sign-in). */
  readonly signInMs: number;
  readonly ratio: number;
  /** How often each kind of path was preflighted (ids as `{id}`, names and `$select` shortened). */
  readonly preflighted: Readonly<Record<string, number>>;
  /** The critical path, in order: `METHOD path`. */
  readonly path: readonly string[];
  /** Every Graph and sign-in exchange from the click on, relative to the click. */
  readonly exchanges: readonly WireExchange[];
}

/** What {@link startWire} returns: a way to measure runs, and to stop. */
export interface Wire {
  measure(): Promise<WireSample>;
  close(): Promise<void>;
}

/**
 * The sequential round trips on the critical path: the longest chain of requests in which each one reached the
 * server only after the one before it had been answered. A browser's preflight is a request of its own (the request
 * it clears waits for its answer), so it counts as a round trip. Requests that overlap in time are concurrent and
 * share one step of the chain. The count is `countRoundTrips` of the emulator (the same definition); this returns
 * the chain itself, for the report.
 */
export function criticalPath(entries: readonly LogEntry[]): LogEntry[] {
  const sorted = [...entries].sort((a, b) => a.startedAt - b.startedAt || a.seq - b.seq);
  const best = new Map<LogEntry, { length: number; previous: LogEntry | undefined }>();
  for (const entry of sorted) {
    let length = 1;
    let previous: LogEntry | undefined;
    for (const earlier of sorted) {
      if (earlier === entry || earlier.endedAt > entry.startedAt) continue;
      const known = best.get(earlier);
      if (known && known.length + 1 > length) {
        length = known.length + 1;
        previous = earlier;
      }
    }
    best.set(entry, { length, previous });
  }
  let last: LogEntry | undefined;
  for (const [entry, { length }] of best) if (!last || length > (best.get(last)?.length ?? 0)) last = entry;
  const chain: LogEntry[] = [];
  for (let at = last; at; at = best.get(at)?.previous) chain.unshift(at);
  return chain;
}

/** A path with its ids, unique name and `$select` list shortened, to group preflights by endpoint. */
export function pathPattern(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')
    .replace(/uniqueName='[^']*'/, "uniqueName='…'")
    .replace(/\$select=[^&]*/, '$select=…');
}

/**
 * Stamps, in the page (epoch milliseconds): the click on Create, the moment the progress shows every operation done
 * (or skipped), and the moment the credentials step shows. A MutationObserver, so Playwright's polling adds nothing.
 */
function watchRun(): void {
  const stamps: { click: number | null; progressDone: number | null; credentials: number | null } = {
    click: null,
    progressDone: null,
    credentials: null,
  };
  Object.assign(window, { wireBench: stamps });
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (stamps.click === null && button?.textContent?.trim() === 'Create app registration') {
        stamps.click = performance.timeOrigin + event.timeStamp;
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (stamps.click === null) return;
    const at = performance.timeOrigin + performance.now();
    const operations = [...document.querySelectorAll('li[data-status]')];
    if (
      stamps.progressDone === null &&
      operations.length > 0 &&
      operations.every((li) => ['done', 'skipped'].includes(li.getAttribute('data-status') ?? ''))
    ) {
      stamps.progressDone = at;
    }
    if (
      stamps.credentials === null &&
      document.getElementById('step-heading')?.textContent === 'Credentials'
    ) {
      stamps.credentials = at;
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
}

/**
 * How long the admin spends in the permission window before picking the account. A person reads it for a few
 * seconds; one second is a quick admin. The wizard uses this time (a warm-up read clears the CORS check), so a
 * robot's instant click would misstate what the admin waits for after the window closes.
 */
export const ADMIN_IN_WINDOW_MS = 1000;

/** Opens the permission (or sign-in) popup with `open` and picks the account; resolves once the popup has closed. */
async function signInThroughPopup(page: Page, open: () => Promise<unknown>): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), open()]);
  await popup.getByRole('link', { name: ACCOUNT }).waitFor();
  await popup.waitForTimeout(ADMIN_IN_WINDOW_MS);
  await popup.getByRole('link', { name: ACCOUNT }).click();
  if (!popup.isClosed()) await popup.waitForEvent('close');
}

/** Clicks Next and waits for the next step's heading. */
async function next(page: Page): Promise<void> {
  const heading = page.locator('#step-heading');
  const before = await heading.textContent();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForFunction((text) => document.getElementById('step-heading')?.textContent !== text, before);
}

/**
 * Builds the app, serves it, starts the HTTPS server and Chromium. `root` is the repository; `latencyMs` holds every
 * Graph request (preflights included).
 */
export async function startWire(root: string, latencyMs: number): Promise<Wire> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-wire-'));
  const closers: (() => Promise<unknown>)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const outDir = join(dir, 'app');
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    // Automatic mode, as the e2e tests serve it, written into the build: no browser routing may be used.
    await writeFile(join(outDir, 'config.json'), JSON.stringify(AUTOMATIC_CONFIG));
    const app = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: 'localhost', port: 5199, strictPort: false },
    });
    closers.push(() => new Promise((resolve) => app.httpServer.close(resolve)));
    const appUrl = new URL(app.resolvedUrls?.local[0] ?? 'http://localhost:5199/');

    let current: EmulatorListener | undefined;
    const { key, cert } = await throwawayCertificate(dir);
    const server = createSecureServer(
      { key, cert, allowHTTP1: true },
      (request: NodeRequest, response: NodeResponse) => {
        if (current) current.listener(request, response);
        else response.writeHead(503).end();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const port = (server.address() as AddressInfo).port;

    const browser: Browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        ...chromiumArgs,
        `--host-resolver-rules=MAP graph.microsoft.com 127.0.0.1:${port}, MAP login.microsoftonline.com 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE localhost`,
        '--ignore-certificate-errors',
      ],
    });
    closers.push(() => browser.close());

    const measure = async (): Promise<WireSample> => {
      const emulator = createEmulator({
        clients: [{ clientId: WIZARD_CLIENT_ID, redirectUris: [`${appUrl.origin}/redirect.html`] }],
      });
      const wire = createEmulatorListener(emulator, {
        latencyMs: (host) => (host === 'graph.microsoft.com' ? latencyMs : 0),
      });
      current = wire;
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error('page error:', error.message));
        await page.addInitScript(watchRun);
        await page.goto(new URL(JOB, appUrl).href);
        await signInThroughPopup(page, () =>
          page.getByRole('button', { name: 'Sign in and create' }).click(),
        );
        const heading = page.locator('#step-heading');
        await heading.filter({ hasText: 'Connectors' }).waitFor();
        await next(page);
        await next(page);
        if ((await heading.textContent()) === 'Certificate') {
          await page.getByRole('textbox', { name: 'Custom Key Identifier' }).waitFor({ timeout: 120_000 });
          await next(page);
        }
        await heading.filter({ hasText: 'Review' }).waitFor();
        const consent = page.getByRole('checkbox', { name: 'Grant admin consent for my organization now' });
        if (!(await consent.isChecked())) await consent.check();

        const before = wire.log.length;
        await signInThroughPopup(page, () =>
          page.getByRole('button', { name: 'Create app registration' }).click(),
        );
        const credentials = heading.filter({ hasText: 'Credentials' });
        const attention = page.getByRole('button', { name: 'Show the credentials' });
        const failed = page.getByRole('button', { name: 'Try again', exact: true });
        await credentials.or(attention).or(failed).waitFor({ timeout: 120_000 });
        if (!(await credentials.isVisible())) {
          throw new Error(
            `The run did not go on to the credentials: ${await page.locator('main').innerText()}`,
          );
        }
        const apps = emulator.applications();
        const appId = apps[0]?.appId ?? '';
        if (apps.length !== 1 || emulator.appRoleAssignmentsFor(appId).length === 0) {
          throw new Error('The run ended without exactly one application with its consent granted');
        }
        const stamps = await page.evaluate(
          () =>
            (
              window as unknown as {
                wireBench: { click: number | null; progressDone: number | null; credentials: number | null };
              }
            ).wireBench,
        );
        if (stamps.click === null || stamps.credentials === null)
          throw new Error('The page did not stamp the run');
        const click = stamps.click;
        // The progress showing every operation done; the credentials step follows at once (the stamp is the fallback).
        const done = stamps.progressDone ?? stamps.credentials;

        const after = wire.log.slice(before);
        const graph = after.filter((e) => e.kind === 'graph');
        // The permission window ends with its token request; what the wizard sent while it was open (the warm-up)
        // overlaps the admin's answer and is not on the path the admin waits for.
        const signInEnd = Math.max(click, ...after.filter((e) => e.kind === 'login').map((e) => e.endedAt));
        const afterWindow = graph.filter((e) => e.startedAt >= signInEnd);
        const preflights = graph.filter((e) => e.method === 'OPTIONS');
        const chain = criticalPath(afterWindow);
        const { roundTrips } = countRoundTrips(afterWindow);
        if (roundTrips !== chain.length) throw new Error(`Critical path ${chain.length} != ${roundTrips}`);
        const preflighted: Record<string, number> = {};
        for (const e of preflights) {
          const pattern = pathPattern(e.path);
          preflighted[pattern] = (preflighted[pattern] ?? 0) + 1;
        }
        const wallMs = done - click;
        return {
          roundTrips,
          preflightsOnPath: chain.filter((e) => e.method === 'OPTIONS').length,
          requests: graph.length - preflights.length,
          duringWindow: graph.length - afterWindow.length,
          preflights: preflights.length,
          wallMs,
          signInMs: signInEnd - click,
          ratio: latencyMs > 0 ? wallMs / latencyMs : 0,
          preflighted,
          path: chain.map((e) => `${e.method} ${e.path}`),
          exchanges: after.map((e) => ({
            method: e.method,
            path: `${e.kind === 'login' ? 'login:' : ''}${e.path}`,
            status: e.status,
            startedAt: Math.round(e.startedAt - click),
            endedAt: Math.round(e.endedAt - click),
          })),
        };
      } finally {
        current = undefined;
        await context.close();
      }
    };
    return { measure, close };
  } catch (error) {
    await close();
    throw error;
  }
}

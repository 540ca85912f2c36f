/**
 * The secret scan every end-to-end test ends with. Every spec imports `test` from here or from `emulator-fixture.ts`
 * (which builds on this one; ESLint refuses `test` from `@playwright/test` in a spec), so no test can leave it out.
 *
 * While the test runs, the `secretScan` auto fixture records, for every page of the test's context (popups too):
 * - every console message (workers' too) and every uncaught error;
 * - every download: `key.pem`, `certificate.pfx`, `credentials.json` and the ZIPs holding them are secret material;
 * - every value the page showed or the admin typed in a field labelled as a passphrase or a secret, or in a password
 *   field (an init script reports them through a binding, without touching the page's DOM or storage).
 *
 * After a test that passed, it looks for every one of those values, for each source added to `secretMaterial` (the
 * emulator adds every secret and token it issued), for `PRIVATE KEY` and for anything shaped like a JWT, in:
 * - localStorage, IndexedDB (every database and store) and Cache Storage (request URLs and response bodies) of every
 *   origin a page of the context loaded, read from a page still on that origin or from a blank page opened there;
 * - sessionStorage, the address and every history entry (Chromium's `Page.getNavigationHistory`) of every page still
 *   open (a closed page's session storage and history went with it);
 * - the context's cookies and the console output.
 * A finding names the secret and the place, never the secret itself. Contexts a test makes itself with
 * `browser.newContext()` are not scanned; `scanContext` is exported for them.
 */
import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Download, Page, TestInfo } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  createSecretMaterial,
  findSecrets,
  secretsInFile,
  type Place,
  type SecretMaterial,
} from './secret-search';

export { findSecrets, type Place, type SecretMaterial, type SecretValue } from './secret-search';

/** The binding the init script reports secret fields through. */
const BINDING = '__e2eSecretField';

/**
 * Runs in every page: reports the value of every field labelled as a passphrase or a secret, and of every password
 * field, whenever the page changes or the admin types.
 */
function watchSecretFields(binding: string) {
  const reported = new Set<string>();
  const labelOf = (field: HTMLInputElement | HTMLTextAreaElement) => {
    const labels = [...(field.labels ?? [])].map((l) => l.textContent ?? '');
    const by = (field.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''));
    return [...labels, ...by, field.getAttribute('aria-label') ?? ''].join(' ').trim();
  };
  const look = () => {
    scheduled = false;
    const report = (window as unknown as Record<string, unknown>)[binding];
    if (typeof report !== 'function') return;
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input, textarea',
    )) {
      const label = labelOf(field);
      const secret = /passphrase|secret|password/i.test(label) || field.getAttribute('type') === 'password';
      if (!secret || field.value.length < 8 || reported.has(field.value)) continue;
      reported.add(field.value);
      void (report as (label: string, value: string) => Promise<void>)(label, field.value);
    }
  };
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(look, 20);
  };
  const start = () => {
    new MutationObserver(schedule).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value', 'type'],
    });
    document.addEventListener('input', schedule, true);
    schedule();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/**
 * What a page holds: its tab's sessionStorage (`session`), or its origin's localStorage, IndexedDB and Cache Storage
 * (`origin`), as places.
 */
export async function storageOf(page: Page, scope: 'origin' | 'session'): Promise<Place[]> {
  return page.evaluate(async (scope) => {
    const places: { where: string; text: string }[] = [];
    const origin = location.origin;
    if (scope === 'session') {
      for (let i = 0; i < sessionStorage.length; i++) {
        const key = sessionStorage.key(i) ?? '';
        places.push({ where: `sessionStorage key “${key}”`, text: `${key}\n${sessionStorage.getItem(key)}` });
      }
      return places;
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      places.push({
        where: `localStorage of ${origin}, key “${key}”`,
        text: `${key}\n${localStorage.getItem(key)}`,
      });
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const name = info.name;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const [keys, values] = await Promise.all(
          (['getAllKeys', 'getAll'] as const).map(
            (method) =>
              new Promise<unknown[]>((resolve, reject) => {
                const request = db.transaction(store).objectStore(store)[method]();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        places.push({
          where: `IndexedDB of ${origin}, database “${name}”, store “${store}”`,
          text: JSON.stringify([keys, values]),
        });
      }
      db.close();
    }
    if ('caches' in window) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          places.push({
            where: `Cache Storage of ${origin}, cache “${name}”, ${request.url}`,
            text: `${request.url}\n${(await response?.text()) ?? ''}`,
          });
        }
      }
    }
    return places;
  }, scope);
}

/** The address and every history entry of a page (Chromium only). */
async function addressesOf(context: BrowserContext, page: Page, label: string): Promise<Place[]> {
  const places: Place[] = [{ where: `the address of ${label}`, text: page.url() }];
  const cdp = await context.newCDPSession(page);
  try {
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
      entries: { url: string; userTypedURL: string }[];
    };
    entries.forEach((entry, i) =>
      places.push({
        where: `history entry ${i + 1} of ${label}`,
        text: `${entry.url}\n${entry.userTypedURL}`,
      }),
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return places;
}

const httpOrigin = (url: string) => {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
};

/** What the scan looked at, for the test's annotations. */
export interface ScanReport {
  readonly pages: number;
  readonly origins: readonly string[];
  readonly places: number;
  readonly secrets: number;
}

/** What `watchContext` recorded of a context while its test ran. */
export interface ContextWatch {
  readonly console: Place[];
  readonly downloads: Download[];
  /** Every http(s) origin a page of the context loaded a document from. */
  readonly origins: Set<string>;
}

/** Starts recording a context: console, uncaught errors, downloads, origins, and the values of secret fields. */
export async function watchContext(context: BrowserContext, material: SecretMaterial): Promise<ContextWatch> {
  const watch: ContextWatch = { console: [], downloads: [], origins: new Set() };
  let n = 0;
  const logged = (source: string, type: string, text: string) =>
    watch.console.push({ where: `console message ${++n} (${type}) of ${source}`, text });
  const follow = (page: Page) => {
    page.on('download', (download) => watch.downloads.push(download));
    page.on('framenavigated', (frame) => {
      const origin = httpOrigin(frame.url());
      if (origin && frame === page.mainFrame()) watch.origins.add(origin);
    });
    page.on('worker', (worker) =>
      worker.on('console', (m) => logged(`the worker ${worker.url()}`, m.type(), m.text())),
    );
  };
  context.pages().forEach(follow);
  context.on('page', follow);
  context.on('console', (m) => logged(m.page()?.url() ?? 'a page', m.type(), m.text()));
  context.on('weberror', (e) =>
    logged('an uncaught error', 'error', `${e.error().message}\n${e.error().stack}`),
  );
  await context.exposeBinding(BINDING, (_source, label: string, value: string) =>
    material.add(`the value of the field “${label}”`, value),
  );
  await context.addInitScript(watchSecretFields, BINDING);
  return watch;
}

/**
 * Looks for every secret in the context's storage, addresses, cookies and console output; returns the findings and
 * what it scanned.
 */
export async function scanContext(
  context: BrowserContext,
  watch: ContextWatch,
  material: SecretMaterial,
): Promise<{ findings: string[]; report: ScanReport }> {
  for (const download of watch.downloads) {
    const path = await download.path().catch(() => null);
    if (path)
      for (const s of secretsInFile(download.suggestedFilename(), await readFile(path)))
        material.add(s.what, s.value);
  }
  const places: Place[] = [...watch.console];
  const open = context.pages().filter((p) => !p.isClosed());
  const scannedOrigins = new Set<string>();
  let pages = 0;
  for (const [i, page] of open.entries()) {
    const label = `page ${i + 1} (${page.url()})`;
    const origin = httpOrigin(page.url());
    try {
      places.push(...(await addressesOf(context, page, label)));
      if (origin) {
        for (const p of await storageOf(page, 'session'))
          places.push({ ...p, where: `${p.where} of ${label}` });
        if (!scannedOrigins.has(origin)) places.push(...(await storageOf(page, 'origin')));
        scannedOrigins.add(origin);
      }
      pages += 1;
    } catch (error) {
      // A popup that closed itself meanwhile took its storage and history with it.
      if (!page.isClosed()) throw error;
    }
  }
  // Origins no open page shows any more: their stores outlive the pages, read them from a blank page there.
  for (const origin of watch.origins) {
    if (scannedOrigins.has(origin)) continue;
    const page = await context.newPage();
    try {
      const url = `${origin}/__secret-scan__`;
      await page.route(url, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>scan</title>' }),
      );
      await page.goto(url);
      places.push(...(await storageOf(page, 'origin')));
      scannedOrigins.add(origin);
      pages += 1;
    } finally {
      await page.close();
    }
  }
  for (const cookie of await context.cookies()) {
    places.push({
      where: `the cookie “${cookie.name}” of ${cookie.domain}${cookie.path}`,
      text: `${cookie.name}=${cookie.value}`,
    });
  }
  const secrets = material.values();
  expect(
    watch.origins.size === 0 || pages > 0,
    `the secret scan read no page, though the test loaded ${[...watch.origins].join(', ')}`,
  ).toBe(true);
  return {
    findings: findSecrets(places, secrets),
    report: { pages, origins: [...scannedOrigins], places: places.length, secrets: secrets.length },
  };
}

/** Options and fixtures added to Playwright's. */
export interface SecretScanFixtures {
  /** Add what this test knows to be secret; the scan also finds what the pages showed and downloaded. */
  readonly secretMaterial: SecretMaterial;
  readonly secretScan: undefined;
}

function annotate(testInfo: TestInfo, description: string) {
  testInfo.annotations.push({ type: 'secret scan', description });
}

/** `test` with the secret scan after every test. */
export const test = base.extend<SecretScanFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  secretMaterial: async ({}, use) => {
    await use(createSecretMaterial());
  },
  secretScan: [
    async ({ context, secretMaterial }, use, testInfo) => {
      const watch = await watchContext(context, secretMaterial);
      await use(undefined);
      // A failed test says what went wrong itself; its pages may be in any state.
      if (testInfo.status !== 'passed') return;
      const { findings, report } = await scanContext(context, watch, secretMaterial);
      annotate(
        testInfo,
        report.pages === 0
          ? 'no page loaded a document: nothing to scan'
          : `${report.secrets} secrets looked for in ${report.places} places: ${report.pages} pages, ` +
              `origins ${report.origins.join(', ')}`,
      );
      expect(
        findings,
        'secrets found where they must never be (storage, addresses, cookies, console)',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

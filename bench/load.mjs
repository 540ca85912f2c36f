/**
 * Benchmark of the wizard's start: what the admin's browser downloads and how long it takes before the Start step
 * can be used, side by side with a bare Vite + React page (bench/fixtures/bare-react/: one button) as the yardstick,
 * and with the same button drawn by Fluent UI (bench/fixtures/fluent-button/: a FluentProvider and a Button), whose
 * time is the floor of any page drawn with Fluent: it tells Fluent's own start-up cost from the wizard's.
 *
 *   npm run bench:load -- [--runs 15]
 *
 * All three are built here with the project's Vite and React (the wizard with its own config, the others with the
 * React plugin alone), into temporary directories, and served by the same static server on localhost, uncompressed. Each run
 * opens a fresh Chromium context (headless Debian Chromium, cache disabled) and stamps, in page time from the start of
 * the navigation, the moment the page is interactive:
 *
 * - the wizard: the step heading says "Start" and its "Do it myself" button is there and enabled;
 * - the bare and the Fluent pages: their button is there and enabled.
 *
 * A click then checks that it responds (the wizard moves to Connectors, the buttons count), outside the time.
 * Runs alternate between the pages, the order turning each run, after a warm-up of each, so all see the same load.
 *
 * Prints the median time to interactive of each and the wizard's ratio to the bare page (target <= 1.5), with the
 * Fluent page's ratio beside it (the part of the ratio Fluent takes before the wizard adds anything), and every script the page had
 * loaded by then (resource timing) with its gzipped size (gzip level 6, as Vite reports; kB = 1000 bytes), and their
 * total (target <= 200 kB for the wizard). It reports; it never fails a build (e2e/bundle.spec.ts guards the size).
 * Raw figures go to bench/results/ (git-ignored).
 */
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bareRoot = join(root, 'bench', 'fixtures', 'bare-react');
const fluentRoot = join(root, 'bench', 'fixtures', 'fluent-button');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? Number(process.argv[index + 1]) : fallback;
}
const runs = option('runs', 15);

const TARGET_KB = 200;
const TARGET_RATIO = 1.5;

/**
 * The figures measured on the code as of `commit` (one bundle with every step, Fluent and the form libraries), with
 * this benchmark, 9 runs each; printed as the "before" line.
 */
const BEFORE = { commit: '8336091', gzipKb: 301.9, appMs: 1100, bareMs: 248, ratio: 4.44 };

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Serves the files under `dir` on a free port of localhost, as they are (no compression, no caching headers). */
async function serve(dir) {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      const body = file.startsWith(base + sep) ? await readFile(file).catch(() => undefined) : undefined;
      if (body === undefined) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    })();
  });
  await new Promise((done) => server.listen(0, 'localhost', done));
  return {
    url: `http://localhost:${server.address().port}/`,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
  };
}

/**
 * Stamps, in page time, when the page is first interactive (`ready` tells, from the document), and lists the
 * scripts loaded by then.
 */
function watchInteractive(ready) {
  const stamp = { at: null, scripts: [] };
  Object.assign(window, { loadBench: stamp });
  const check = () => {
    if (stamp.at !== null || !ready(document)) return;
    stamp.at = performance.now();
    stamp.scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js') && entry.responseEnd <= stamp.at)
      .map((entry) => new URL(entry.name).pathname);
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** A yardstick: one button that counts its clicks, interactive once it is there and enabled. */
function counterPage(label) {
  return {
    label,
    ready: (document) => {
      const button = document.querySelector('button');
      return Boolean(button && !button.disabled && button.textContent === 'Clicked 0 times');
    },
    async responds(page) {
      await page.getByRole('button').click();
      await page.getByRole('button', { name: 'Clicked 1 times' }).waitFor();
    },
  };
}

/** What "interactive" means for each page, tested on its document, and how a click shows it responds. */
const pages = {
  app: {
    label: 'wizard',
    ready: (document) => {
      if (document.getElementById('step-heading')?.textContent !== 'Start') return false;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Do it myself');
      return Boolean(button && !button.disabled && button.getAttribute('aria-disabled') !== 'true');
    },
    async responds(page) {
      await page.getByRole('button', { name: 'Do it myself' }).click();
      await page.locator('#step-heading', { hasText: 'Connectors' }).waitFor();
    },
  },
  bare: counterPage('bare Vite + React'),
  fluent: counterPage('Fluent UI button'),
};
const kinds = Object.keys(pages);

/** One load of `url` in a fresh context: milliseconds to interactive, and the scripts loaded by then. */
async function loadOnce(browser, url, kind) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // As source, so that the wizard's Content Security Policy (no eval) has nothing to refuse.
    await page.addInitScript({ content: `(${watchInteractive})(${pages[kind].ready});` });
    await page.goto(url);
    await page.waitForFunction(() => window.loadBench.at !== null, null, { timeout: 30_000 });
    const stamp = await page.evaluate(() => window.loadBench);
    await pages[kind].responds(page);
    return { ms: stamp.at, scripts: stamp.scripts };
  } finally {
    await context.close();
  }
}

/** Builds the wizard (its own config) and the two yardsticks (the React plugin alone) into temporary directories. */
async function buildAll() {
  const dirs = {
    app: await mkdtemp(join(tmpdir(), 'bench-load-app-')),
    bare: await mkdtemp(join(tmpdir(), 'bench-load-bare-')),
    fluent: await mkdtemp(join(tmpdir(), 'bench-load-fluent-')),
  };
  await build({ root, logLevel: 'error', build: { outDir: dirs.app, emptyOutDir: true } });
  for (const [kind, fixture] of [
    ['bare', bareRoot],
    ['fluent', fluentRoot],
  ]) {
    await build({
      root: fixture,
      configFile: false,
      logLevel: 'error',
      plugins: [react()],
      build: { outDir: dirs[kind], emptyOutDir: true, target: 'es2022' },
    });
  }
  return dirs;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => (bytes / 1000).toFixed(1);
const mark = (ok) => (ok ? 'OK' : 'ABOVE TARGET');

/** Each script's size on disk and gzipped, largest first. */
async function sizes(dir, scripts) {
  const files = await Promise.all(
    scripts.map(async (path) => {
      const body = await readFile(join(dir, path));
      return { path, bytes: body.length, gzip: gzipSync(body).length };
    }),
  );
  return files.sort((a, b) => b.gzip - a.gzip);
}

const sameScripts = (a, b) => [...a].sort().join() === [...b].sort().join();

console.log('Building the wizard, the bare Vite + React page and the Fluent UI button page…');
const dirs = await buildAll();
const servers = Object.fromEntries(
  await Promise.all(kinds.map(async (kind) => [kind, await serve(dirs[kind])])),
);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const urls = Object.fromEntries(kinds.map((kind) => [kind, servers[kind].url]));

try {
  // Warm-up: the browser's first contexts, not measured.
  for (const kind of kinds) await loadOnce(browser, urls[kind], kind);
  console.log(`Time to interactive: ${runs} interleaved runs each, fresh context, cache disabled\n`);
  const samples = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let i = 0; i < runs; i++) {
    // Turn the order each run so that no page always runs right after the same other.
    const order = kinds.map((_, k) => kinds[(k + i) % kinds.length]);
    for (const kind of order) samples[kind].push(await loadOnce(browser, urls[kind], kind));
    console.log(
      `run ${String(i + 1).padStart(2)}: ${kinds.map((kind) => `${kind} ${samples[kind].at(-1).ms.toFixed(0).padStart(5)} ms`).join(', ')}`,
    );
  }

  const figures = {};
  for (const kind of kinds) {
    const first = samples[kind][0].scripts;
    const files = await sizes(dirs[kind], first);
    figures[kind] = {
      medianMs: median(samples[kind].map((s) => s.ms)),
      minMs: Math.min(...samples[kind].map((s) => s.ms)),
      maxMs: Math.max(...samples[kind].map((s) => s.ms)),
      files,
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      varies: samples[kind].some((s) => !sameScripts(s.scripts, first)),
    };
  }
  const ratio = figures.app.medianMs / figures.bare.medianMs;
  const fluentRatio = figures.fluent.medianMs / figures.bare.medianMs;

  console.log('\n=== Results ===');
  for (const kind of kinds) {
    const f = figures[kind];
    console.log(
      `\n${pages[kind].label}: scripts loaded before interactive, ${kb(f.gzip)} kB gzipped (${kb(f.bytes)} kB on disk)${f.varies ? '   (the list varied between runs; first run shown)' : ''}`,
    );
    for (const file of f.files) {
      console.log(`  ${kb(file.gzip).padStart(7)} kB gz  ${kb(file.bytes).padStart(8)} kB  ${file.path}`);
    }
  }
  console.log('');
  console.log(
    `JS before the Start step is interactive:  ${kb(figures.app.gzip)} kB gzipped   target <= ${TARGET_KB} kB   ${mark(figures.app.gzip <= TARGET_KB * 1000)}   (bare page ${kb(figures.bare.gzip)} kB)`,
  );
  for (const kind of kinds) {
    const f = figures[kind];
    console.log(
      `time to interactive, ${pages[kind].label.padEnd(18)} median ${f.medianMs.toFixed(0).padStart(5)} ms   min ${f.minMs.toFixed(0).padStart(5)} ms   max ${f.maxMs.toFixed(0).padStart(5)} ms`,
    );
  }
  console.log(
    `ratio wizard / bare page (medians):       ${ratio.toFixed(2)}   target <= ${TARGET_RATIO}   ${mark(ratio <= TARGET_RATIO)}`,
  );
  console.log(
    `ratio Fluent UI button / bare page:        ${fluentRatio.toFixed(2)}   (Fluent's own floor; the wizard adds ${(ratio - fluentRatio).toFixed(2)} above it)`,
  );
  if (BEFORE.gzipKb > 0) {
    console.log(
      `before (${BEFORE.commit}):                        ${BEFORE.gzipKb} kB gzipped, wizard ${BEFORE.appMs} ms, bare ${BEFORE.bareMs} ms, ratio ${BEFORE.ratio}`,
    );
  }

  const dir = join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ runs, ratio, fluentRatio, figures, samples }, null, 2));
  console.log(`\nraw figures: ${file}`);
} finally {
  await browser.close();
  for (const kind of kinds) {
    await servers[kind].close();
    await rm(dirs[kind], { recursive: true, force: true });
  }
}

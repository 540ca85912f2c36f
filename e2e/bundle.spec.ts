import { expect, test } from './support/secret-scan';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '../dist');

test('node-forge is only in the certificate worker, never in the page bundle', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'index.html loads one entry script').toBeDefined();
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const worker = assets.find((f) => f.startsWith('certificate.worker'));
  expect(worker).toBeDefined();
  // A string from node-forge's PEM decoder: present in the worker, absent from everything the page loads.
  const marker = 'Invalid PEM formatted message';
  expect(readFileSync(join(dist, 'assets', worker ?? ''), 'utf8')).toContain(marker);
  for (const file of assets.filter((f) => f !== worker)) {
    expect(readFileSync(join(dist, 'assets', file), 'utf8'), file).not.toContain(marker);
  }
});

/** The scripts the page loads at start: the entry, what index.html preloads, and what they import statically. */
function initialScripts(): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    // Static imports only (`import … from "./x.js"` or `import "./x.js"`); `import("./x.js")` loads on demand.
    for (const m of code.matchAll(/import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(m[1]!);
  }
  return seen;
}

test('the demo tenant is in a chunk loaded only when the demo is chosen, never in the initial bundle', () => {
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  // A message only the emulated Graph writes.
  const marker = 'Number of requests in a batch cannot exceed';
  const withEmulator = assets.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(marker));
  expect(withEmulator.length, 'the build has the demo tenant').toBeGreaterThan(0);
  const initial = initialScripts();
  expect(initial.size).toBeGreaterThan(0);
  for (const file of withEmulator) expect(initial, `${file} loads at start`).not.toContain(file);
});

/** The most JavaScript, gzipped, the page may load before the Start step can be used (`npm run bench:load`). */
const START_BUDGET_KB = 200;

test(`the scripts loaded at start weigh at most ${START_BUDGET_KB} kB gzipped`, () => {
  const initial = [...initialScripts()];
  // Gzip level 6, as Vite reports and bench/load.mjs measures; kB = 1000 bytes.
  const sizes = initial.map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(dist, 'assets', file)), { level: 6 }).length,
  }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const listing = sizes.map((s) => `${s.file}: ${(s.gzip / 1000).toFixed(1)} kB`).join(', ');
  expect(total / 1000, `the initial scripts (${listing})`).toBeLessThanOrEqual(START_BUDGET_KB);
});

/**
 * Libraries only later steps or other deployments use, each with a string only it has: present in the build, never
 * in a script loaded at start.
 */
const loadedLater = [
  { library: 'zod', marker: '$ZodObject' },
  { library: 'fflate', marker: 'invalid zip data' },
  { library: 'MSAL', marker: 'msal.js.browser' },
  { library: 'node-forge', marker: 'Invalid PEM formatted message' },
];

for (const { library, marker } of loadedLater) {
  test(`${library} is loaded only when needed, never at start`, () => {
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const withLibrary = assets.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(marker));
    expect(withLibrary.length, `the build has ${library}`).toBeGreaterThan(0);
    const initial = initialScripts();
    for (const file of withLibrary) expect(initial, `${file} loads at start`).not.toContain(file);
  });
}

/** Every file under `dist/`, as paths relative to it. */
const distFiles = () =>
  readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1));

test('the build ships no source maps and no script points to one', () => {
  const files = distFiles();
  expect(files.filter((f) => f.endsWith('.js')).length, 'the build has scripts').toBeGreaterThan(0);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  const pointing = files.filter(
    (f) => /\.(js|css)$/.test(f) && /[#@] sourceMappingURL=/.test(readFileSync(join(dist, f), 'utf8')),
  );
  expect(pointing).toEqual([]);
});

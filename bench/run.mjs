/**
 * Benchmark of a run: admin SharePoint with admin consent on a fresh tenant, 150 ms per request by default. Two modes,
 * printed side by side; it reports, it never fails a build. Raw figures go to bench/results/ (git-ignored).
 *
 *   npm run bench:run -- [--runs 3] [--latency 150] [--wire-runs 3] [--routed | --wire]
 *
 * Routed (`--routed` alone): the Graph plan runner in Node against the in-process emulator with a fixed latency on
 * every call, real timers. Runs the plan on a fresh tenant, then the same plan again (the update path). Prints the
 * sequential Graph round trips on the critical path (target <= 4), the wall time, and wall time divided by the
 * per-call latency (target <= 5) for the fresh run; the second run is for information. The TypeScript modules load
 * through Vite's SSR loader, so nothing beyond the project's own dependencies is needed.
 *
 * Wire (`--wire` alone; bench/wire.ts): the built wizard, unmodified, in headless Debian Chromium, with Graph served
 * over HTTPS by the emulator on graph.microsoft.com's name, CORS as Graph does it and the latency on every request,
 * preflights included. Counted on the server: Graph requests, CORS preflights, and the sequential round trips on the
 * critical path with preflights counted as round trips (target <= 5); the wall time from the click on Create to the
 * progress showing done, and wall time / latency. The permission popup that Create opens is the admin's time, not
 * the wizard's: the admin spends ADMIN_IN_WINDOW_MS in it (bench/wire.ts), and the wizard warms up the CORS check of
 * Graph meanwhile. So round trips (<= 5) and the ratio (<= 7) are counted after the window's token: the review's read
 * of the tenant and the run. Needs /usr/bin/chromium (or CHROMIUM_PATH) and
 * openssl. The "before" line is the wire figures of the code as of WIRE_BEFORE.commit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? Number(process.argv[index + 1]) : fallback;
}
const runs = option('runs', 3);
const latencyMs = option('latency', 150);
const wireRuns = option('wire-runs', 3);
const routedOnly = process.argv.includes('--routed');
const wireOnly = process.argv.includes('--wire') && !routedOnly;

/**
 * The wire figures measured on the code as of `commit` (the run as it was before the round trips were reduced), at
 * 150 ms, median of 3 runs after a warm-up; printed as the "before" line.
 */
const WIRE_BEFORE = {
  commit: 'f90eb0d',
  roundTrips: 10,
  preflightsOnPath: 5,
  requests: 20,
  preflights: 19,
  wallMs: 2953,
  ratio: 19.69,
  /** From the token that followed the permission popup to done, ÷ latency (the popup's own time has no latency). */
  afterSignInRatio: 13.6,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One fresh tenant: a first run (create) and a second run of the same plan (update). */
async function measure(harness, latency) {
  const { createHarness, adminSharePointPlan } = harness;
  const { emu, createRunner, getToken } = createHarness({
    realTime: true,
    emulator: { faults: { latencyMs: latency } },
  });
  const plan = adminSharePointPlan(true);
  // The UI holds a token before the run (MSAL's cache answers silently); minting the emulator's first token
  // generates its signing key, which is no part of the runner's time.
  await getToken([]);
  const phase = async () => {
    emu.clearLog();
    const start = performance.now();
    const result = await createRunner().run(plan);
    const wallMs = performance.now() - start;
    const { roundTrips, requests } = emu.roundTrips();
    if (result.consent.status !== 'granted') throw new Error(`Consent ${result.consent.status}`);
    return { roundTrips, requests, wallMs, ratio: latency > 0 ? wallMs / latency : 0 };
  };
  const fresh = await phase();
  const update = await phase();
  return { fresh, update, applicationsAfterTwoRuns: emu.applications().length };
}

/** A new application that Entra has not replicated yet: the next calls see 404/400 for a while. */
async function replicationLag(harness) {
  const { createHarness, adminSharePointPlan } = harness;
  const { emu, createRunner, getToken } = createHarness({
    realTime: true,
    emulator: { faults: { latencyMs: 20, replicationDelay: { ms: 4000 } } },
  });
  await getToken([]);
  const plan = adminSharePointPlan(true);
  const start = performance.now();
  let outcome = 'succeeded';
  try {
    await createRunner().run(plan);
  } catch (error) {
    outcome = `failed (${error?.explained?.code ?? error})`;
  }
  const app = emu.applications()[0];
  return {
    outcome,
    seconds: Number(((performance.now() - start) / 1000).toFixed(1)),
    applications: emu.applications().length,
    liveSecrets: app ? emu.liveSecrets(app.id).length : 0,
  };
}

/** One line of a table: a label and values in fixed columns. */
const row = (label, ...values) =>
  `    ${label.padEnd(28)}${values.map((v) => String(v).padEnd(14)).join('')}`.trimEnd();
const mark = (ok) => (ok ? 'ok' : 'OVER TARGET');

function printRouted({ fresh, update, twice }, lag) {
  console.log(
    `Plan runner: admin SharePoint with admin consent, ${latencyMs} ms per Graph call, ${runs} runs (median)`,
  );
  console.log('');
  console.log('  fresh tenant (create)');
  console.log(
    `    sequential round trips  ${fresh.roundTrips}   target <= 4   ${mark(fresh.roundTrips <= 4)}`,
  );
  console.log(`    Graph requests          ${fresh.requests}`);
  console.log(`    wall time               ${fresh.wallMs} ms`);
  console.log(`    wall time / latency     ${fresh.ratio}   target <= 5   ${mark(fresh.ratio <= 5)}`);
  console.log('');
  console.log('  same plan again (update, for information)');
  console.log(`    sequential round trips  ${update.roundTrips}`);
  console.log(`    Graph requests          ${update.requests}`);
  console.log(`    wall time               ${update.wallMs} ms`);
  console.log(`    wall time / latency     ${update.ratio}`);
  console.log(`    applications after two runs  ${twice}   (CLI for Microsoft 365 11.11: a duplicate)`);
  console.log('');
  console.log('  new objects not replicated for 4 s (Entra eventual consistency)');
  // The application is hidden 4 s; the service principal can only be made once it is visible, and is then hidden
  // 4 s itself before the grants can name it. No client can finish sooner.
  const floor = 8;
  console.log(
    `    outcome                 ${lag.outcome} after ${lag.seconds} s   target <= 6   ${mark(lag.seconds <= 6)}   (before: 11 s)`,
  );
  console.log(
    `    over the floor          ${(lag.seconds - floor).toFixed(1)} s   (floor ${floor} s: the application hidden 4 s, then the service principal it allows hidden 4 s)`,
  );
  console.log(
    `    applications            ${lag.applications}, live secrets ${lag.liveSecrets}   (CLI for Microsoft 365 11.11: stopped with an error, orphan application)`,
  );
  console.log('');
  console.log('  CLI for Microsoft 365 11.11 on the same job: 13 requests in 5 round trips.');
}

function summarizeWire(samples) {
  const of = (key) => samples.map((s) => s[key]);
  return {
    roundTrips: median(of('roundTrips')),
    roundTripsRange: [Math.min(...of('roundTrips')), Math.max(...of('roundTrips'))],
    preflightsOnPath: median(of('preflightsOnPath')),
    requests: median(of('requests')),
    preflights: median(of('preflights')),
    duringWindow: median(of('duringWindow')),
    wallMs: Math.round(median(of('wallMs'))),
    signInMs: Math.round(median(of('signInMs'))),
    afterSignInMs: Math.round(median(samples.map((s) => s.wallMs - s.signInMs))),
    ratio: Number(median(of('ratio')).toFixed(2)),
  };
}

function printWire(wire, samples, routedFresh, inWindowMs) {
  const before = WIRE_BEFORE;
  const [low, high] = wire.roundTripsRange;
  console.log(
    `Wire: the built wizard in headless Chromium, Graph over HTTPS (HTTP/2) with CORS as Graph does it, ${latencyMs} ms per Graph request (preflights included), none on sign-in; ${samples.length} runs after a warm-up (median)`,
  );
  console.log('');
  console.log(
    `  fresh tenant: click on Create to the progress showing done (the admin spends ${inWindowMs} ms in the permission window)`,
  );
  console.log(
    `    sequential round trips  ${wire.roundTrips}${low === high ? '' : ` (${low}-${high})`}   target <= 5   ${mark(wire.roundTrips <= 5)}   (after the permission window; ${wire.preflightsOnPath} of them preflights)`,
  );
  console.log(
    `    during the window       ${wire.duringWindow} exchanges (a warm-up read and its preflight: the CORS check done while the admin answers)`,
  );
  console.log(`    Graph requests          ${wire.requests}, and ${wire.preflights} CORS preflights`);
  console.log(
    `    wall time               ${wire.wallMs} ms   (the permission popup until its token ${wire.signInMs} ms; after it ${wire.afterSignInMs} ms = ${(wire.afterSignInMs / latencyMs).toFixed(1)} x latency)`,
  );
  const afterRatio = Number((wire.afterSignInMs / latencyMs).toFixed(2));
  console.log(
    `    wall time / latency     ${wire.ratio}   (the popup included, with the admin's ${inWindowMs} ms in it; the before figure clicked at once)`,
  );
  console.log(
    `    after the popup / latency ${afterRatio}   target <= 7   ${mark(afterRatio <= 7)}   (the run and the review's read of the tenant)`,
  );
  console.log(
    `    before (${before.commit})        ${before.roundTrips} round trips (${before.preflightsOnPath} preflights), ${before.requests} requests + ${before.preflights} preflights, ${before.wallMs} ms, wall time / latency ${before.ratio}, after the popup ${before.afterSignInRatio}`,
  );
  const last = samples.at(-1);
  console.log('');
  console.log(
    '  preflighted in the last run (no Access-Control-Max-Age: Chromium keeps each one 5 s per URL)',
  );
  for (const [path, count] of Object.entries(last.preflighted).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${String(count).padStart(2)} x OPTIONS ${path}`);
  }
  console.log('');
  console.log(`  side by side (${latencyMs} ms per request)`);
  console.log(row('', 'routed (Node)', 'wire', `wire before (${before.commit})`));
  console.log(row('sequential round trips', routedFresh.roundTrips, wire.roundTrips, before.roundTrips));
  console.log(
    row(
      'Graph requests + preflights',
      routedFresh.requests,
      `${wire.requests} + ${wire.preflights}`,
      `${before.requests} + ${before.preflights}`,
    ),
  );
  console.log(row('wall time (ms)', routedFresh.wallMs, wire.wallMs, before.wallMs));
  console.log(row('wall time / latency', routedFresh.ratio, wire.ratio, before.ratio));
  console.log(
    '    (routed: the runner alone; wire: from the click on Create, the permission popup and the check',
  );
  console.log('     of the tenant included)');
}

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const harness = await server.ssrLoadModule('/test-support/graph/emulator-harness.ts');
  await measure(harness, 0); // warm-up: module compilation and JIT, not measured

  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(harness, latencyMs));

  const summarize = (key) => ({
    roundTrips: Math.max(...samples.map((s) => s[key].roundTrips)),
    requests: Math.max(...samples.map((s) => s[key].requests)),
    wallMs: Math.round(median(samples.map((s) => s[key].wallMs))),
    ratio: Number(median(samples.map((s) => s[key].ratio)).toFixed(2)),
  });
  const routed = {
    fresh: summarize('fresh'),
    update: summarize('update'),
    twice: Math.max(...samples.map((s) => s.applicationsAfterTwoRuns)),
  };
  const results = { latencyMs, runs, ...routed, samples };
  if (!wireOnly) {
    results.lag = await replicationLag(harness);
    printRouted(routed, results.lag);
  }

  if (!routedOnly) {
    const { startWire, ADMIN_IN_WINDOW_MS } = await server.ssrLoadModule('/bench/wire.ts');
    const wire = await startWire(root, latencyMs);
    try {
      await wire.measure(); // warm-up: the browser's first context, not measured
      const wireSamples = [];
      for (let i = 0; i < wireRuns; i++) wireSamples.push(await wire.measure());
      results.wire = {
        runs: wireRuns,
        before: WIRE_BEFORE,
        ...summarizeWire(wireSamples),
        samples: wireSamples,
      };
      if (!wireOnly) console.log('');
      printWire(results.wire, wireSamples, routed.fresh, ADMIN_IN_WINDOW_MS);
    } finally {
      await wire.close();
    }
  }

  const dir = join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2));
  console.log('');
  console.log(`Raw figures: ${file}`);
} finally {
  await server.close();
}

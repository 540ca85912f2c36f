#!/usr/bin/env node
// `npm test`: every layer of checks, cheapest first. It stops at the first layer that fails, with that layer's exit
// code, and ends with the time each layer took (also after a failure), so a slow layer shows where it is.
import { spawn } from 'node:child_process';

/** The layers in the order they run: each an npm script of package.json. */
const layers = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'unit', script: 'test:unit' },
  { name: 'component', script: 'test:component' },
  { name: 'e2e', script: 'test:e2e' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs one npm script with the terminal handed over; resolves with its exit code. */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`Could not start npm run ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

const signalNumber = (signal) => ({ SIGINT: 2, SIGTERM: 15, SIGKILL: 9 })[signal] ?? 1;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function table(results, totalMs) {
  const rows = layers.map(({ name }) => {
    const result = results.get(name);
    if (!result) return [name, 'not run', ''];
    return [name, result.code === 0 ? 'passed' : `failed (exit ${result.code})`, seconds(result.ms)];
  });
  rows.push(['total', '', seconds(totalMs)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padStart(widths[2])}`;
  return ['', 'Time per layer:', ...rows.map(line)].join('\n');
}

const results = new Map();
const started = performance.now();
let exitCode = 0;
// Ctrl+C reaches the running layer too; the table still says how far the run got.
process.on('SIGINT', () => {});
for (const { name, script } of layers) {
  console.log(`\n▶ ${name} (npm run ${script})`);
  const layerStarted = performance.now();
  const code = await run(script);
  results.set(name, { code, ms: performance.now() - layerStarted });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}
console.log(table(results, performance.now() - started));
process.exit(exitCode);

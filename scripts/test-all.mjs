#!/usr/bin/env node
// `npm test`: every layer of checks, cheapest first. It stops at the first stage that fails, with the exit code of its
// first failed layer, and ends with the time each layer took (also after a failure), so a slow layer shows where it is.
// The three static checks each use one core, so they run side by side, their output printed whole as each ends.
import { spawn } from 'node:child_process';

/** The stages in the order they run, each a list of layers that run together: each an npm script of package.json. */
const stages = [
  [
    { name: 'typecheck', script: 'typecheck' },
    { name: 'lint', script: 'lint' },
    { name: 'format', script: 'format:check' },
  ],
  [{ name: 'unit', script: 'test:unit' }],
  // The build the end-to-end tests run against is made while the component tests run: they leave the cores idle
  // while the browser starts and between renders.
  [
    { name: 'component', script: 'test:component' },
    { name: 'build', script: 'build' },
  ],
  [{ name: 'e2e', script: 'test:e2e:built' }],
];
const layers = stages.flat();

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs one npm script; resolves with its exit code. Alone, it has the terminal; beside others, its output is kept and
 * printed whole, under its name, when it ends.
 */
function run(script, alone) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], {
      stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      console.error(`Could not start npm run ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      if (!alone) {
        console.log(`\n▶ npm run ${script}`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
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
for (const stage of stages) {
  const alone = stage.length === 1;
  console.log(`\n▶ ${stage.map(({ name, script }) => `${name} (npm run ${script})`).join(', ')}`);
  const codes = await Promise.all(
    stage.map(async ({ name, script }) => {
      const layerStarted = performance.now();
      const code = await run(script, alone);
      results.set(name, { code, ms: performance.now() - layerStarted });
      return code;
    }),
  );
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) {
    exitCode = failed;
    break;
  }
}
console.log(table(results, performance.now() - started));
process.exit(exitCode);

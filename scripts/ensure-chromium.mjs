#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the tests. Playwright never downloads a browser here: it launches the
// system's (scripts/chromium.mjs: CHROMIUM_PATH, else Debian's chromium-headless-shell, else Debian's chromium).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPackages, fullChromiumPath, headlessShellPath } from './chromium.mjs';

const wanted = process.env.CHROMIUM_PATH;
// The full browser is needed too: one test needs the back-forward cache, which only it has.
const installed = () => existsSync(headlessShellPath) && existsSync(fullChromiumPath);
if (wanted ? existsSync(wanted) : installed()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (isRoot && hasApt && !wanted) {
  console.log(`Installing Debian's ${chromiumPackages.join(' and ')} for the tests.`);
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...chromiumPackages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    console.error(`apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (installed()) process.exit(0);
}

// The full browser runs the same tests, only slower.
if (!wanted && existsSync(fullChromiumPath)) {
  console.warn(
    `Using ${fullChromiumPath}: ${headlessShellPath} is not installed, so the browser tests take longer. ` +
      'Install it with:  sudo apt-get install -y chromium-headless-shell',
  );
  process.exit(0);
}

const path = wanted ?? (existsSync(headlessShellPath) ? fullChromiumPath : headlessShellPath);
console.error(
  [
    `The browser tests need Chromium at ${path}, and it is not there.`,
    hasApt
      ? `  Install it with:  sudo apt-get update && sudo apt-get install -y ${chromiumPackages.join(' ')}`
      : '  Install Chromium with your system package manager.',
    '  Or point CHROMIUM_PATH at an installed Chromium or Chrome binary.',
    'Playwright does not download its own browser for these tests.',
  ].join('\n'),
);
process.exit(1);

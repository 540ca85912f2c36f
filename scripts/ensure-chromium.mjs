#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the end-to-end tests. Playwright never downloads a browser here: it
// launches the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath as path } from './chromium.mjs';

if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log(`Chromium is missing at ${path}; installing Debian's chromium package.`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (existsSync(path)) process.exit(0);
}

console.error(
  [
    `The end-to-end tests need Chromium at ${path}, and it is not there.`,
    hasApt
      ? '  Install it with:  sudo apt-get update && sudo apt-get install -y chromium'
      : '  Install Chromium with your system package manager.',
    '  Or point CHROMIUM_PATH at an installed Chromium or Chrome binary.',
    'Playwright does not download its own browser for these tests.',
  ].join('\n'),
);
process.exit(1);

// Debian's Chromium and the flags every launch uses here (tests, screenshots, benchmarks): the system's Chromium,
// never a downloaded one, with background networking off so it contacts nothing but the pages under test.
import { existsSync } from 'node:fs';

/**
 * Debian's `chromium-headless-shell`: the same Chromium build as the `chromium` package, without the browser's own
 * windows and UI, as Playwright runs headless Chromium by default. On a 2-core machine it does the same tests in
 * about 60% of the time the full browser takes, since nothing draws the browser around the page.
 */
export const headlessShellPath = '/usr/bin/chromium-headless-shell';

/** Debian's full Chromium: used when the headless shell is not installed. */
export const fullChromiumPath = '/usr/bin/chromium';

/** The packages that provide them, installed by `scripts/ensure-chromium.mjs` and `.ci/run`. */
export const chromiumPackages = ['chromium', 'chromium-headless-shell'];

/** Where Chromium is: CHROMIUM_PATH, else the headless shell when installed, else the full browser. */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(headlessShellPath) ? headlessShellPath : fullChromiumPath);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

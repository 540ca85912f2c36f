// Debian's Chromium and the flags every launch uses here (tests, screenshots, benchmarks): the system's Chromium,
// never a downloaded one, with background networking off so it contacts nothing but the pages under test.

/** Where Chromium is; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

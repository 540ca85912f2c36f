/**
 * Where the built app is served for the end-to-end tests. `E2E_PORT` moves it, so two checkouts can run their suites
 * side by side; every spec, the emulator's registered redirect URI and Playwright's web server read it from here.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4173);

/** The app's origin, e.g. `http://localhost:4173`. */
export const APP = `http://localhost:${E2E_PORT}`;

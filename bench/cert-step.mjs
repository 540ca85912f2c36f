/**
 * Part of `npm run bench:cert`: how long the admin waits on the certificate step of the real app before its
 * certificate is ready. Builds the app, serves the build, and walks the offline path in a fresh Chromium context per
 * run: Start → "Do it myself" → SharePoint Online with admin accounts → Next → App details → Next. The wait runs from
 * the moment the step's heading says "Certificate" to the moment its Custom Key Identifier is shown, both stamped in
 * the page (a MutationObserver), so Playwright's round trips are not counted.
 *
 * The admin's pace is simulated by a fixed pause before each of those four actions (see `paceMs`). The wizard
 * starts the certificate as soon as admin accounts of SharePoint are chosen, so the two pauses after that choice are
 * its head start; the worker itself is loaded while the start page is idle.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

/** Stamps, in page time, when the certificate step opened and when its certificate was shown. */
function watchCertificateStep() {
  const stamps = { opened: null, ready: null };
  Object.assign(window, { certificateStep: stamps });
  new MutationObserver(() => {
    if (stamps.opened === null && document.getElementById('step-heading')?.textContent === 'Certificate') {
      stamps.opened = performance.now();
    }
    if (
      stamps.opened !== null &&
      stamps.ready === null &&
      [...document.querySelectorAll('label')].some((l) => l.textContent === 'Custom Key Identifier')
    ) {
      stamps.ready = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Builds the app into a temporary directory and serves it; returns its URL and a way to stop. */
export async function serveBuiltApp(root) {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-app-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: 'localhost', port: 5198, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5198/';
  return {
    url,
    async close() {
      await new Promise((resolve) => server.httpServer.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** One walk to the certificate step at `paceMs` per action; returns the wait on the step in milliseconds. */
export async function openCertificateStepOnce(browser, url, paceMs) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.addInitScript(watchCertificateStep);
    await page.goto(url);
    const heading = page.locator('#step-heading');
    const pause = () => page.waitForTimeout(paceMs);
    const nextButton = page.getByRole('button', { name: 'Next' });

    await pause();
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await heading.filter({ hasText: 'Connectors' }).waitFor();
    await pause();
    await page
      .getByRole('group', { name: 'SharePoint Online' })
      .getByRole('radio', { name: 'Admin accounts' })
      .check();
    await pause();
    await nextButton.click();
    await heading.filter({ hasText: 'App details' }).waitFor();
    await pause();
    await nextButton.click();
    await page.getByRole('textbox', { name: 'Custom Key Identifier' }).waitFor({ timeout: 120_000 });
    const stamps = await page.evaluate(() => window.certificateStep);
    return stamps.ready - stamps.opened;
  } finally {
    await context.close();
  }
}

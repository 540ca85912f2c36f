/**
 * How the guide's screenshots are taken, so that a second run gives the same images: a fixed date and time zone, the
 * fonts the build ships (never the machine's), no animation or caret, and the values that differ on every run
 * (certificate serials and thumbprints, passphrases, secrets, key material) masked in a flat grey.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { SHIPPED_FONTS } from '../../src/ui/theme';
import { APP } from '../support/app-origin';

/**
 * The address the guide shows the wizard at, as a deployment would have it: the pages are served from the local
 * build, so no screenshot carries the test server's `localhost` and port (the admin consent link's `redirect_uri`).
 */
export const DOCS_ORIGIN = 'https://wizard.example.com';

/** The moment the guide is set at: the wizard, the demo tenant and the certificate all see this date. */
export const DOCS_TIME = new Date('2026-05-04T09:00:00Z');

/** The guide's page: 1280×800 at scale 1, English, UTC. */
export const DOCS_CONTEXT = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
  colorScheme: 'light',
  reducedMotion: 'reduce',
} as const;

/** The grey that covers what differs on every run. */
export const MASK_COLOR = '#E1DFDD';

/** Fields and texts whose value is new on every run. */
function volatile(page: Page) {
  const fields = [
    'Custom Key Identifier',
    'Thumbprint (SHA-1, hex)',
    'Private key passphrase',
    'Passphrase',
    'Client Secret',
  ];
  return [
    ...fields.map((name) => page.getByRole('textbox', { name, exact: true })),
    page.locator('[data-docs-volatile]'),
  ];
}

/**
 * A fresh context and page for the guide: at {@link DOCS_ORIGIN}, fixed clock (running from {@link DOCS_TIME}),
 * shipped fonts only.
 */
export async function openDocsPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...DOCS_CONTEXT,
    baseURL: DOCS_ORIGIN,
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  await context.route(`${DOCS_ORIGIN}/**`, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${APP}${pathname}${search}` }) });
  });
  const page = await context.newPage();
  await page.clock.install({ time: DOCS_TIME });
  // The machine's fonts differ from one machine to the next; the shipped ones do not.
  await page.addInitScript((fonts) => {
    const style = () => {
      const tag = document.createElement('style');
      tag.textContent = `:root, .fui-FluentProvider { --fontFamilyBase: ${fonts.base}, sans-serif !important; --fontFamilyMonospace: ${fonts.monospace}, monospace !important; } html, body { font-family: ${fonts.base}, sans-serif !important; }`;
      document.head.append(tag);
    };
    if (document.head) style();
    else document.addEventListener('DOMContentLoaded', style, { once: true });
  }, SHIPPED_FONTS);
  return { context, page };
}

/**
 * Marks, for the mask, the runs of text that are new on every run: hex of 16 digits or more (certificate serials
 * and thumbprints) and base64 of 24 characters or more with digits and both cases (key identifiers, key material).
 * GUIDs, names and JSON keys never match.
 */
function markVolatileText(): void {
  const pattern =
    /\b[0-9A-Fa-f]{16,}\b|(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])[A-Za-z0-9+/]{24,}={0,2}/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.parentElement?.closest('[data-docs-volatile], script, style, textarea')) continue;
    pattern.lastIndex = 0;
    if (pattern.test(text.data)) nodes.push(text);
  }
  for (const text of nodes) {
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const match of text.data.matchAll(pattern)) {
      parts.append(text.data.slice(at, match.index));
      const span = document.createElement('span');
      span.dataset.docsVolatile = '';
      // Masked anyway: a fixed text of the same length keeps the layout (and the mask) the same on every run.
      span.textContent = '0'.repeat(match[0].length);
      parts.append(span);
      at = match.index + match[0].length;
    }
    parts.append(text.data.slice(at));
    text.replaceWith(parts);
  }
}

/** Takes one screenshot of the viewport once fonts and layout have settled. */
export async function screenshot(page: Page): Promise<Buffer> {
  await page.evaluate(markVolatileText);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  return page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: volatile(page),
    maskColor: MASK_COLOR,
  });
}

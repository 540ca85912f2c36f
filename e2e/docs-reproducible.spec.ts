import type { Browser } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { DOCS_ORIGIN, openDocsPage, screenshot } from './docs/capture';
import { GUIDE_SCENARIOS, type GuideScenario } from './docs/scenarios';

/**
 * `npm run docs` is reproducible: the same scenario, driven twice in fresh pages, gives the same PNG bytes for
 * every step (fixed clock, the demo's fixed ids, shipped fonts, per-run values masked), and none shows the test
 * server's address. Two scenarios: offline mode (a certificate generated in the browser) and the demo's
 * admin-approval path (its dialogs).
 */
test.describe.configure({ timeout: 120_000 });

async function shots(browser: Browser, scenario: GuideScenario): Promise<Map<string, Buffer>> {
  const { context, page } = await openDocsPage(browser);
  const taken = new Map<string, Buffer>();
  try {
    await scenario.drive(page, async (id) => {
      // The guide shows the wizard where a deployment has it, never at the test server's address.
      expect(new URL(page.url()).origin).toBe(DOCS_ORIGIN);
      const shown = await page.evaluate(() =>
        [
          document.body.innerText,
          ...[...document.querySelectorAll('input, textarea')].map((f) => (f as HTMLInputElement).value),
        ].join('\n'),
      );
      // A local address with a port, plain or %-encoded in a link (the help text's "http://localhost" is fine).
      expect(shown, `${id}.png shows no local server address`).not.toMatch(
        /(localhost|127\.0\.0\.1)(:|%3A)\d/i,
      );
      taken.set(id, await screenshot(page));
    });
  } finally {
    await context.close();
  }
  return taken;
}

for (const id of ['offline', 'admin-consent-needed']) {
  test(`a second run of the guide’s “${id}” scenario changes no image`, async ({ browser }) => {
    const scenario = GUIDE_SCENARIOS.find((s) => s.id === id)!;
    const first = await shots(browser, scenario);
    const second = await shots(browser, scenario);
    expect([...first.keys()]).toEqual(scenario.steps.map((s) => s.id));
    expect(first.size).toBeGreaterThanOrEqual(2);
    for (const [step, image] of first) {
      expect(second.get(step)?.equals(image), `${step}.png is the same on the second run`).toBe(true);
    }
  });
}

import type { Browser } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { openDocsPage, screenshot } from './docs/capture';
import { GUIDE_SCENARIOS, type GuideScenario } from './docs/scenarios';

/**
 * `npm run docs` is reproducible: the same scenario, driven twice in fresh pages, gives the same PNG bytes for
 * every step (fixed clock, the demo's fixed ids, shipped fonts, per-run values masked). Two scenarios: offline mode
 * (a certificate generated in the browser) and the demo's admin-approval path (its dialogs).
 */
test.describe.configure({ timeout: 120_000 });

async function shots(browser: Browser, scenario: GuideScenario): Promise<Map<string, Buffer>> {
  const { context, page } = await openDocsPage(browser);
  const taken = new Map<string, Buffer>();
  try {
    await scenario.drive(page, async (id) => void taken.set(id, await screenshot(page)));
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

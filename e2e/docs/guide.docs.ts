/**
 * `npm run docs`: drives each scenario of the guide through the built wizard (the demo tenant, no routing), writes a
 * PNG per step into docs/screenshots/, then writes docs/guide.md. Runs in order, one worker.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DOCS_TIME, openDocsPage, screenshot } from './capture';
import { GUIDE_PATH, SCREENSHOT_DIR, renderGuide } from './render-guide';
import { GUIDE_SCENARIOS } from './scenarios';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

for (const scenario of GUIDE_SCENARIOS) {
  test(scenario.title, async ({ browser }) => {
    const { context, page } = await openDocsPage(browser);
    const taken: string[] = [];
    try {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await scenario.drive(page, async (id) => {
        taken.push(id);
        await writeFile(`${SCREENSHOT_DIR}/${id}.png`, await screenshot(page));
      });
    } finally {
      await context.close();
    }
    expect(taken, 'every step of the guide is shot once, in order').toEqual(scenario.steps.map((s) => s.id));
  });
}

test('writes the guide', async () => {
  await writeFile(GUIDE_PATH, renderGuide(GUIDE_SCENARIOS, DOCS_TIME));
});

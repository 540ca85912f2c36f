import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The serious and critical axe findings on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent UI's focus manager (tabster) adds aria-hidden <i tabindex="0"> sentinels around focus groups; they pass
  // focus on at once and are never read out, so axe's aria-hidden-focus rule does not apply to them.
  // Legacy mode runs axe in the page itself. The default mode also opens a blank page for every scan, loads axe into
  // it a second time and merges the results there: about twice the time, which on a loaded machine pushed the specs
  // that scan several states towards their timeout. It only adds cross-origin frames, which the wizard has none of.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .exclude('[data-tabster-dummy]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails with the findings and where they were seen. */
export async function expectNoSeriousViolations(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

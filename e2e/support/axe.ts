import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The serious and critical axe findings on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent UI's focus manager (tabster) adds aria-hidden <i tabindex="0"> sentinels around focus groups; they pass
  // focus on at once and are never read out, so axe's aria-hidden-focus rule does not apply to them.
  const results = await new AxeBuilder({ page })
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

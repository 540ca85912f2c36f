import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core's source: the copy `@axe-core/playwright` itself loads, so the two never differ. */
const AXE_SOURCE = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as {
    source: string;
  }
).source;

/**
 * Loads axe into each frame of the page that does not have it yet. `AxeBuilder` in legacy mode evaluates axe's
 * source (about 600 kB) twice in every frame on every scan; a page scanned in both themes after each step paid for
 * that four times a step. Loaded once here, a scan costs only the rules it runs.
 */
async function loadAxe(page: Page) {
  for (const frame of page.frames()) {
    // A frame that went away meanwhile has nothing to scan.
    const present = await frame
      .evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function')
      .catch(() => true);
    if (!present) await frame.evaluate(AXE_SOURCE).catch(() => undefined);
  }
}

export type ColorScheme = 'light' | 'dark';

/**
 * The axe rules whose outcome depends on the colors: all that can differ between the light and the dark theme, whose
 * markup, names and structure are the same.
 */
export const COLOR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Every axe finding on the page, of any impact (minor and moderate too), as readable lines: for every rule of the
 * WCAG 2.2 A and AA tags and axe's best practices, or for `rules` alone.
 */
export async function violations(page: Page, rules?: readonly string[]): Promise<string[]> {
  // Fluent UI's focus manager (tabster) adds aria-hidden <i tabindex="0"> sentinels around focus groups; they pass
  // focus on at once and are never read out, so axe's aria-hidden-focus rule does not apply to them.
  // Legacy mode runs axe in the page itself. The default mode also opens a blank page for every scan, loads axe into
  // it a second time and merges the results there: about twice the time, which on a loaded machine pushed the specs
  // that scan several states towards their timeout. It only adds cross-origin frames, which the wizard has none of.
  await loadAxe(page);
  // The builder gets an empty script to load: axe is in every frame already.
  const builder = new AxeBuilder({ page, axeSource: ';' })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .exclude('[data-tabster-dummy]');
  const results = await (
    rules
      ? builder.withRules([...rules])
      : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
  ).analyze();
  return results.violations.map(
    (v) =>
      `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * Switches the page's `prefers-color-scheme` and waits until the wizard has repainted in it: the Fluent theme's
 * background is the scheme's, and every transition it started has ended, so axe measures the final colors.
 */
export async function useColorScheme(page: Page, scheme: ColorScheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((dark) => {
    const provider = document.querySelector('.fui-FluentProvider');
    if (!provider) return true;
    const background = getComputedStyle(provider).getPropertyValue('--colorNeutralBackground1').trim();
    // Fluent's colorNeutralBackground1: white in webLightTheme, #292929 in webDarkTheme.
    return dark ? background === '#292929' : background === '#ffffff';
  }, scheme === 'dark');
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Fails with every axe finding, of any impact, and where it was seen: every rule in the light theme, and in the dark
 * one (`prefers-color-scheme`) the rules the colors decide ({@link COLOR_RULES}); the page is left light again.
 */
export async function expectNoViolations(page: Page, where: string) {
  const found: Record<ColorScheme, string[]> = { light: [], dark: [] };
  await useColorScheme(page, 'dark');
  found.dark = await violations(page, COLOR_RULES);
  await useColorScheme(page, 'light');
  found.light = await violations(page);
  expect(found, where).toEqual({ light: [], dark: [] });
}

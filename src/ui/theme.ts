import { webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

/**
 * The fonts the build ships (`@fontsource`, SIL Open Font License): Open Sans stands in for Segoe UI and Cascadia
 * Mono for Consolas where those are not installed (Linux, most of all). The browser downloads a shipped font only
 * when it uses it, and only the ranges of the characters on the page.
 */
export const SHIPPED_FONTS = { base: "'Open Sans'", monospace: "'Cascadia Mono'" } as const;

/** Fluent's light theme (what the Entra admin center uses), with the shipped fonts after Microsoft's own. */
export const wizardTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', 'Segoe UI Web (West European)', ${SHIPPED_FONTS.base}, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`,
  fontFamilyMonospace: `Consolas, ${SHIPPED_FONTS.monospace}, 'Courier New', Courier, monospace`,
};

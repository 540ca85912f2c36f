import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

/**
 * The fonts the build ships (`@fontsource`, SIL Open Font License): Open Sans stands in for Segoe UI and Cascadia
 * Mono for Consolas where those are not installed (Linux, most of all). The browser downloads a shipped font only
 * when it uses it, and only the ranges of the characters on the page.
 */
export const SHIPPED_FONTS = { base: "'Open Sans'", monospace: "'Cascadia Mono'" } as const;

const fonts = {
  fontFamilyBase: `'Segoe UI', 'Segoe UI Web (West European)', ${SHIPPED_FONTS.base}, -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`,
  fontFamilyMonospace: `Consolas, ${SHIPPED_FONTS.monospace}, 'Courier New', Courier, monospace`,
} as const;

export type ColorScheme = 'light' | 'dark';

/**
 * Fluent's web themes (what the Entra admin center uses), light and dark, with the shipped fonts after Microsoft's
 * own. `styles.css` paints the page behind them with the same neutral background, so nothing flashes white while the
 * wizard loads.
 */
export const wizardThemes: Readonly<Record<ColorScheme, Theme>> = {
  light: { ...webLightTheme, ...fonts },
  dark: { ...webDarkTheme, ...fonts },
};

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The query, or null where the environment has none (server rendering, unit tests). */
const darkQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY)
    : null;

/** Calls `onChange` whenever the preference changes; returns the unsubscribe. */
export function subscribeToColorScheme(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => undefined;
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The color scheme preferred now. */
export const preferredColorScheme = (): ColorScheme => (darkQuery()?.matches ? 'dark' : 'light');

/** The color scheme the system or browser prefers (`prefers-color-scheme`), following it as it changes. */
export function usePreferredColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribeToColorScheme, preferredColorScheme, () => 'light');
}

/** The wizard's theme for the preferred color scheme. */
export function useWizardTheme(): Theme {
  return wizardThemes[usePreferredColorScheme()];
}

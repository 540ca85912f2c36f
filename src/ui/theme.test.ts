import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferredColorScheme, subscribeToColorScheme, wizardThemes } from './theme';

/** A `matchMedia` whose dark preference the test flips, firing `change` like a browser. */
function fakeMedia(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('window', {
    matchMedia: (q: string) => (q === '(prefers-color-scheme: dark)' ? query : null),
  });
  return {
    listeners,
    set(value: boolean) {
      dark = value;
      for (const listener of listeners) listener();
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the color scheme', () => {
  it('follows prefers-color-scheme and its changes', () => {
    const media = fakeMedia(false);
    expect(preferredColorScheme()).toBe('light');
    const changes = vi.fn();
    const unsubscribe = subscribeToColorScheme(changes);
    media.set(true);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(preferredColorScheme()).toBe('dark');
    unsubscribe();
    expect(media.listeners.size).toBe(0);
  });

  it('is light where there is no window to ask', () => {
    expect(preferredColorScheme()).toBe('light');
    expect(() => subscribeToColorScheme(() => undefined)()).not.toThrow();
  });

  it('paints the page behind the wizard with each theme’s own background and text', () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const [block, theme] of [
      [light, wizardThemes.light],
      [dark, wizardThemes.dark],
    ] as const) {
      expect(block).toContain(`background-color: ${theme.colorNeutralBackground2};`);
      expect(block).toContain(`color: ${theme.colorNeutralForeground1};`);
    }
  });
});

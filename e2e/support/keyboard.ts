/**
 * Driving the wizard with the keyboard alone, as a keyboard user does: Tab and Shift+Tab to move, Enter, Space and the
 * arrow keys to act, typing into the focused field. No clicks, `check` or `fill`.
 */
import { expect, type Page } from '@playwright/test';
import { LIVE_STATUS_ID } from '../../src/ui/live-status-id';
import { DEFAULT_ADMIN } from '../../src/demo/emulator/defaults';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The focused element's role (or tag) and accessible name, roughly as a screen reader would say them. */
export interface Focused {
  readonly role: string;
  readonly name: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { role: '', name: '' };
    const labelledBy = el
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const label =
      el.getAttribute('aria-label') ??
      (labelledBy || undefined) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return { role: el.getAttribute('role') ?? el.tagName.toLowerCase(), name: label.trim() };
  });
}

/** Presses Tab (Shift+Tab with `backwards`) until the focused element matches; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  matches: (el: Focused) => boolean,
  { backwards = false, limit = 150 } = {},
) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error('Never reached the element with Tab');
}

/** Tabs to the element named exactly `name` and presses `key` (Enter by default) on it. */
export async function press(page: Page, name: string, { key = 'Enter', backwards = false } = {}) {
  await tabTo(page, (f) => f.name === name, { backwards });
  await page.keyboard.press(key);
}

/** The step now shown is `title`, and its heading has the focus, as after every move between steps. */
export async function expectStepFocused(page: Page, title: string, timeout?: number) {
  const heading = page.locator('#step-heading');
  await expect(heading).toHaveText(title, timeout === undefined ? {} : { timeout });
  await expect(heading).toBeFocused();
}

/** The page's polite live region, where progress and outcomes are announced. */
export const liveStatus = (page: Page) => page.locator(`#${LIVE_STATUS_ID}`);

/**
 * Presses `key` on what has the focus (a button that opens the Microsoft sign-in window), then, in that window,
 * tabs to the account and presses Enter, and waits until the window has closed.
 */
export async function signInWithKeyboard(page: Page, key = 'Enter', account = DEFAULT_ADMIN.displayName) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press(key)]);
  // The window opens blank and then loads the sign-in page: keys pressed before it shows would go nowhere.
  await popup.getByRole('link', { name: new RegExp(escapeRegExp(account)) }).waitFor();
  await tabTo(popup, (f) => f.role === 'a' && f.name.includes(account), { limit: 20 });
  await popup.keyboard.press('Enter');
  if (!popup.isClosed()) await popup.waitForEvent('close');
}

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { next } from './support/wizard';

/**
 * A person's click: the pointer goes down on the button, the page draws a frame or two, and the pointer comes up at
 * the same place. The button must not move in between, or the click is lost; `whilePressed` looks at the page then.
 */
async function press(page: Page, button: Locator, whilePressed?: () => Promise<void>) {
  const box = await button.boundingBox();
  if (!box) throw new Error('The button is not on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
  expect(await button.boundingBox(), 'the button stays under the pointer').toEqual(box);
  await whilePressed?.();
  await page.mouse.up();
}

// What each field accepts and how its message shows is checked in the component tests (src/**/*.browser.test.tsx).
// These two need a person's click, pointer down and up with frames drawn in between, on the built page.
test.describe('a click on Back or Next right after a field with a problem', () => {
  test('Back takes the first click right after an invalid redirect URI, and checks nothing', async ({
    page,
  }) => {
    await page.goto('/?connectors=teams:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams/ });
    await uri.fill('https://*.example.com/cb');
    await press(page, page.getByRole('button', { name: 'Back' }), async () => {
      await expect(uri).not.toHaveAttribute('aria-invalid', 'true');
    });
    await expect(page.locator('#step-heading')).toHaveText('Connectors');
  });

  test('Next takes the first click right after an invalid redirect URI', async ({ page }) => {
    await page.goto('/?connectors=teams:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams/ });
    await uri.fill('http://api.example.com/cb');
    await press(page, page.getByRole('button', { name: 'Next' }));
    // Next checked the form: the message shows and the field that has it got the focus.
    await expect(page.getByText(/Use https:\/\//)).toBeVisible();
    await expect(uri).toBeFocused();
  });
});

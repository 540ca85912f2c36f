import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/secret-scan';
import { CONFIG_TIMEOUT_MS } from '../src/config/parse-config';

/**
 * While config.json loads, the page already shows its frame and says what it waits for; a file that never comes
 * stops the wait after `CONFIG_TIMEOUT_MS`, and the wizard goes on with the defaults and says so.
 */

/** Holds every request for config.json until `release` answers it. */
async function holdConfig(page: Page) {
  const held: Route[] = [];
  await page.route('**/config.json', (route) => {
    held.push(route);
  });
  return {
    requested: () => held.length > 0,
    release: (body: unknown) =>
      Promise.all(
        held.map((route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
        ),
      ),
  };
}

const loading = (page: Page) => page.getByRole('progressbar', { name: 'Loading the wizard’s settings…' });
const heading = (page: Page) => page.locator('#step-heading');

test('shows the page frame and a loading state while config.json is on its way, then the wizard', async ({
  page,
}) => {
  // The page's clock stands still, so the file comes before the wizard stops waiting for it, however slow this machine.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  const config = await holdConfig(page);
  await page.goto('/');
  await expect.poll(config.requested).toBe(true);
  await expect(page.getByRole('banner')).toContainText('Entra Setup Wizard');
  await expect(loading(page)).toBeVisible();
  await expect(heading(page)).toHaveCount(0);

  await config.release({ platformName: 'Contoso Connect' });
  await expect(heading(page)).toHaveText('Start');
  await expect(loading(page)).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Microsoft 365 connectors for Contoso Connect');
  await expect(page.getByText('config.json has problems')).toHaveCount(0);
});

test('goes on with the defaults and a notice when config.json does not arrive within 8 seconds', async ({
  page,
}) => {
  await page.clock.install();
  const config = await holdConfig(page);
  await page.goto('/?connectors=onedrive:user');
  await expect.poll(config.requested).toBe(true);
  await expect(loading(page)).toBeVisible();

  await page.clock.fastForward(CONFIG_TIMEOUT_MS);
  await expect(heading(page)).toHaveText('Start');
  await expect(page.getByText('config.json has problems')).toBeVisible();
  await expect(
    page.getByText(
      'config.json did not load within 8 seconds, so the defaults apply and only offline mode is offered. ' +
        'Check that the server answers /config.json quickly, then reload the page.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(
    'Microsoft 365 connectors for your integration platform',
  );
  // Offline mode works on the defaults, with the choices of the link.
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await expect(heading(page)).toHaveText('Connectors');
  await expect(
    page
      .getByRole('group', { name: 'OneDrive', exact: true })
      .getByRole('radio', { name: 'Non-admin users' }),
  ).toBeChecked();

  // The file that comes after all changes nothing.
  await config.release({ platformName: 'Contoso Connect' });
  await expect(page.getByRole('banner')).not.toContainText('Contoso Connect');
});

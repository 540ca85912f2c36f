import type { Locator, Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './support/layout';
import { expect, test } from './support/secret-scan';
import { fillOfflineIds, next } from './support/wizard';

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

test.describe('bad input is explained and blocks Next', () => {
  test('bad redirect URIs', async ({ page }) => {
    await page.goto('/?connectors=teams:user,outlook-mail:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    await expect(page.locator('#step-heading')).toHaveText('App details');
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams and Outlook Mail/ });
    await expect(uri).toHaveValue('https://api.kloudless.com/v1/oauth/callback');

    const cases: [string, RegExp][] = [
      ['http://api.example.com/cb', /Use https:\/\//],
      ['https://*.example.com/cb', /Remove the wildcard/],
      ['https://api.example.com/cb#x', /Remove the fragment/],
      ['https://api.example.com/a,b', /Remove ","/],
      [`https://api.example.com/${'a'.repeat(240)}`, /256 characters or fewer/],
      ['', /Enter a redirect URI/],
    ];
    for (const [value, message] of cases) {
      await uri.fill(value);
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText(message)).toBeVisible();
      await expect(page.locator('#step-heading')).toHaveText('App details');
      await expect(uri).toHaveAttribute('aria-invalid', 'true');
    }
    await uri.fill('https://api.example.com/cb');
    await next(page);
    await expect(page.locator('#step-heading')).toHaveText('Review');
    await expect(page.getByText('"https://api.example.com/cb"')).toBeVisible();
  });

  test('a bad name', async ({ page }) => {
    await page.goto('/?connectors=onedrive:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    const name = page.getByRole('textbox', { name: /Application name/ });
    await name.fill('x'.repeat(121));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Shorten the name to 120 characters or fewer (it has 121).')).toBeVisible();
    await expect(page.locator('#step-heading')).toHaveText('App details');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Enter a name for the app registration.')).toBeVisible();
    // Pasted text is kept whole and counted in characters, so an emoji counts once.
    const emoji = '🚀'.repeat(121);
    await name.fill(emoji);
    await expect(name).toHaveValue(emoji);
    await expect(page.getByText('121/120 characters')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Shorten the name to 120 characters or fewer (it has 121).')).toBeVisible();
    await name.fill('Contoso Files');
    await next(page);
    await expect(page.getByText('A multitenant app named "Contoso Files"')).toBeVisible();
  });

  test('no connector chosen', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose at least one connector.');
    await expect(page.locator('#step-heading')).toHaveText('Connectors');
    await page.getByRole('radio', { name: 'Admin accounts' }).first().check();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await next(page);
    await expect(page.locator('#step-heading')).toHaveText('App details');
  });

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

  test('what the admin typed survives Back', async ({ page }) => {
    await page.goto('/?connectors=onedrive:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    await page.getByRole('textbox', { name: /Application name/ }).fill('Half-typed na');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.locator('#step-heading')).toHaveText('Connectors');
    await next(page);
    await expect(page.getByRole('textbox', { name: /Application name/ })).toHaveValue('Half-typed na');
  });
});

test.describe('shareable link', () => {
  test('preselects the choices and reflects changes in the address bar', async ({ page }) => {
    await page.goto('/?connectors=sharepoint:admin,outlook-mail:user&name=Contoso%20Sync');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    const sharepoint = page.getByRole('group', { name: 'SharePoint Online' });
    await expect(sharepoint.getByRole('checkbox', { name: 'SharePoint Online' })).toBeChecked();
    await expect(sharepoint.getByRole('radio', { name: 'Admin accounts' })).toBeChecked();
    await expect(
      page.getByRole('group', { name: 'Outlook Mail' }).getByRole('radio', { name: 'Non-admin users' }),
    ).toBeChecked();
    await expect(
      page.getByRole('group', { name: 'Microsoft Teams' }).getByRole('checkbox'),
    ).not.toBeChecked();

    await page
      .getByRole('group', { name: 'Microsoft Teams' })
      .getByRole('radio', { name: 'Admin accounts' })
      .check();
    await next(page);
    await expect(page).toHaveURL(/connectors=teams:admin,outlook-mail:user,sharepoint:admin/);
    await expect(page).toHaveURL(/name=Contoso\+Sync/);
  });

  test('reports invalid values and ignores them without crashing', async ({ page }) => {
    await page.goto(
      `/?connectors=dropbox,teams:owner,onedrive:admin&name=${'n'.repeat(130)}&redirect.teams=http%3A%2F%2Fx.example.com`,
    );
    const bar = page.getByText('Parts of this link were ignored');
    await expect(bar).toBeVisible();
    await expect(page.getByText(/unknown connector "dropbox"/)).toBeVisible();
    await expect(page.getByText(/"teams:owner"/)).toBeVisible();
    await expect(page.getByText(/The name in the link was ignored/)).toBeVisible();
    await expect(page.getByText(/redirect\.teams.*was ignored/)).toBeVisible();
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await expect(
      page
        .getByRole('group', { name: 'OneDrive', exact: true })
        .getByRole('radio', { name: 'Admin accounts' }),
    ).toBeChecked();
  });

  test('a huge value, a broken %-escape and a repeated parameter are reported without widening the page', async ({
    page,
  }) => {
    await page.goto(
      `/?connectors=${'x'.repeat(10_000)},teams:admin&name=Contoso%E0%A&connectors=onedrive&redirect.${'y'.repeat(300)}=https://a.example.com/cb`,
    );
    await expect(page.getByText('Parts of this link were ignored')).toBeVisible();
    await expect(
      page.getByText(`The link names an unknown connector "${'x'.repeat(60)}…" (10000 characters).`),
    ).toBeVisible();
    await expect(page.getByText(/The name in the link was ignored: it has a broken %-escape/)).toBeVisible();
    await expect(
      page.getByText('The link gives "connectors" 2 times; only the first one is used.'),
    ).toBeVisible();
    await expectNoSidewaysScroll(page, 'Start, with the link’s problems');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await expect(
      page.getByRole('group', { name: 'Microsoft Teams' }).getByRole('radio', { name: 'Admin accounts' }),
    ).toBeChecked();
    await expect(
      page.getByRole('group', { name: 'OneDrive', exact: true }).getByRole('checkbox'),
    ).not.toBeChecked();
    await next(page);
    // The default name, not what is left of the broken one.
    await expect(page.getByRole('textbox', { name: /Application name/ })).toHaveValue(
      'Kloudless Microsoft 365 connectors',
    );
  });
});

test.describe('config.json', () => {
  test('a malformed file shows its error and the wizard still runs with defaults', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: 200, body: '{"cloud": "global",,}' }),
    );
    await page.goto('/?connectors=onedrive:user');
    await expect(page.getByText('config.json has problems')).toBeVisible();
    await expect(page.getByText(/config\.json is not valid JSON/)).toBeVisible();
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    // Without configured defaults the redirect URI starts empty and must be typed.
    await expect(page.getByRole('textbox', { name: /Redirect URI for OneDrive/ })).toHaveValue('');
    await expect(page.getByRole('textbox', { name: /Application name/ })).toHaveValue(
      'Microsoft 365 connectors',
    );
  });

  test('a bad key is named with its problem; the others apply', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ cloud: 'mars', platformName: 'Contoso Connect', clientid: 'x' }),
      }),
    );
    await page.goto('/');
    await expect(
      page.getByText('cloud must be one of global, usgov, usgovdod, china. The default is used instead.'),
    ).toBeVisible();
    await expect(page.getByText('clientid is not a known key. Did you mean "clientId"?')).toBeVisible();
    await expect(page.getByText('Microsoft 365 connectors for Contoso Connect')).toBeVisible();
  });

  test('another cloud changes the consent link host', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        body: JSON.stringify({
          cloud: 'usgov',
          defaultRedirectUris: { onedrive: 'https://a.example.us/cb' },
        }),
      }),
    );
    await page.goto('/?connectors=onedrive:user');
    await page.getByRole('button', { name: 'Do it myself' }).click();
    await next(page);
    await next(page);
    await next(page, 'Create files');
    await fillOfflineIds(page, 'contoso.onmicrosoft.us');
    await expect(page.getByRole('textbox', { name: 'Admin consent URL' })).toHaveValue(
      'https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent?client_id=3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&redirect_uri=https%3A%2F%2Fa.example.us%2Fcb',
    );
  });
});

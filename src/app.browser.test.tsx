import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  doItMyself,
  expectNoSidewaysScroll,
  generatedCertificate,
  next,
  renderWizard,
  stepHeading,
} from '../test-support/browser/render-wizard';

/** On the offline results, the IDs an admin types once the registration exists. */
async function fillOfflineIds(tenant: string) {
  await page
    .getByRole('textbox', { name: 'Application (client) ID' })
    .fill('3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c');
  await page.getByRole('textbox', { name: 'Directory (tenant) ID or domain' }).fill(tenant);
}

describe('a shared link', () => {
  it('has its invalid values reported and ignored, and the rest applied', async () => {
    await renderWizard({
      link: `?connectors=dropbox,teams:owner,onedrive:admin&name=${'n'.repeat(130)}&redirect.teams=http%3A%2F%2Fx.example.com`,
    });
    await expect.element(page.getByText('Parts of this link were ignored')).toBeVisible();
    await expect.element(page.getByText(/unknown connector "dropbox"/)).toBeVisible();
    await expect.element(page.getByText(/"teams:owner"/)).toBeVisible();
    await expect.element(page.getByText(/The name in the link was ignored/)).toBeVisible();
    await expect.element(page.getByText(/redirect\.teams.*was ignored/)).toBeVisible();
    await doItMyself();
    await expect
      .element(
        page
          .getByRole('group', { name: 'OneDrive', exact: true })
          .getByRole('radio', { name: 'Admin accounts' }),
      )
      .toBeChecked();
  });

  it('with a huge value, a broken %-escape and a repeated parameter is reported without widening the page', async () => {
    await renderWizard({
      link: `?connectors=${'x'.repeat(10_000)},outlook-mail:admin&name=Contoso%E0%A&connectors=onedrive&redirect.${'y'.repeat(300)}=https://a.example.com/cb`,
    });
    await expect.element(page.getByText('Parts of this link were ignored')).toBeVisible();
    await expect
      .element(page.getByText(`The link names an unknown connector "${'x'.repeat(60)}…" (10000 characters).`))
      .toBeVisible();
    await expect
      .element(page.getByText(/The name in the link was ignored: it has a broken %-escape/))
      .toBeVisible();
    await expect
      .element(page.getByText('The link gives "connectors" 2 times; only the first one is used.'))
      .toBeVisible();
    await expectNoSidewaysScroll('Start, with the link’s problems');
    await doItMyself();
    await expect
      .element(
        page.getByRole('group', { name: 'Outlook Mail' }).getByRole('radio', { name: 'Admin accounts' }),
      )
      .toBeChecked();
    await expect
      .element(page.getByRole('group', { name: 'OneDrive', exact: true }).getByRole('checkbox'))
      .not.toBeChecked();
    await next();
    // The default name, not what is left of the broken one.
    await expect
      .element(page.getByRole('textbox', { name: /Application name/ }))
      .toHaveValue('Kloudless Microsoft 365 connectors');
  });
});

describe('config.json', () => {
  it('a malformed file shows its error and the wizard still runs with defaults', async () => {
    await renderWizard({ link: '?connectors=onedrive:user', configJson: '{"cloud": "global",,}' });
    await expect.element(page.getByText('config.json has problems')).toBeVisible();
    await expect.element(page.getByText(/config\.json is not valid JSON/)).toBeVisible();
    await doItMyself();
    await next();
    // Without configured defaults the redirect URI starts empty and must be typed.
    await expect.element(page.getByRole('textbox', { name: /Redirect URI for OneDrive/ })).toHaveValue('');
    await expect
      .element(page.getByRole('textbox', { name: /Application name/ }))
      .toHaveValue('Microsoft 365 connectors');
  });

  it('a bad key is named with its problem; the others apply', async () => {
    await renderWizard({
      configJson: JSON.stringify({ cloud: 'mars', platformName: 'Contoso Connect', clientid: 'x' }),
    });
    await expect
      .element(
        page.getByText('cloud must be one of global, usgov, usgovdod, china. The default is used instead.'),
      )
      .toBeVisible();
    await expect
      .element(page.getByText('clientid is not a known key. Did you mean "clientId"?'))
      .toBeVisible();
    await expect.element(page.getByText('Microsoft 365 connectors for Contoso Connect')).toBeVisible();
  });

  it('another cloud changes the consent link host', async () => {
    await renderWizard({
      link: '?connectors=onedrive:user',
      configJson: JSON.stringify({
        cloud: 'usgov',
        defaultRedirectUris: { onedrive: 'https://a.example.us/cb' },
      }),
    });
    await doItMyself();
    await next();
    await next();
    await next('Create files');
    await expect.element(stepHeading()).toHaveTextContent('Files and portal steps');
    await fillOfflineIds('contoso.onmicrosoft.us');
    await expect
      .element(page.getByRole('textbox', { name: 'Admin consent URL' }))
      .toHaveValue(
        'https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent?client_id=3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&redirect_uri=https%3A%2F%2Fa.example.us%2Fcb',
      );
  });
});

// Long redirect URIs (the "Return to" choice, the manifest JSON) and four connectors (long permission lists) are
// what used to push the page wider than the window.
const longUri = (connector: string) =>
  `https://connectors.integration-platform.example.com/v1/oauth/callback/${connector}/tenant-3f1b6c2a-9d4e-4b8f-a1c2-5e6d7f8a9b0c`;
const longLink = `?${new URLSearchParams({
  connectors: 'sharepoint:admin,teams:admin,outlook-mail:user,onedrive-business:user',
  name: 'Contoso Microsoft 365 connectors for the integration platform',
  'redirect.teams': longUri('microsoft-teams'),
  'redirect.outlook-mail': longUri('outlook-mail'),
}).toString()}`;

describe('layout', () => {
  it('no offline step scrolls sideways at 390, 768 or 1280 px', async () => {
    await renderWizard({ link: longLink, answers: { certificate: await generatedCertificate() } });
    await expectNoSidewaysScroll();
    await doItMyself();
    await page
      .getByRole('group', { name: 'SharePoint Online' })
      .getByRole('button', { name: /permissions on/ })
      .click();
    await expectNoSidewaysScroll();
    await next();
    await expectNoSidewaysScroll();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('Certificate');
    await expectNoSidewaysScroll('Generated certificate');
    await page.getByRole('button', { name: 'Generate a different certificate' }).click();
    await expectNoSidewaysScroll('Certificate settings');
    await page.getByRole('button', { name: 'Keep the current certificate' }).click();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('Review');
    await expectNoSidewaysScroll();
    // The retired API's note shows once, not again in the permission list.
    expect(page.getByText(/Azure AD Graph is retired/).all()).toHaveLength(1);
    await next('Create files');
    await fillOfflineIds('contoso.onmicrosoft.com');
    await expect.element(page.getByRole('textbox', { name: 'Admin consent URL' })).toBeVisible();
    await expectNoSidewaysScroll();
  });
});

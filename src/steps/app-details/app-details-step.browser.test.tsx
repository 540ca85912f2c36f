import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { doItMyself, next, renderWizard, stepHeading } from '../../../test-support/browser/render-wizard';

/** Opens the App details step for the connectors of `link`, by the offline path. */
async function openAppDetails(link: string) {
  await renderWizard({ link });
  await doItMyself();
  await next();
  await expect.element(stepHeading()).toHaveTextContent('App details');
}

const nextButton = () => page.getByRole('button', { name: 'Next', exact: true });

describe('App details: bad input is explained and blocks Next', () => {
  it('bad redirect URIs, each with its own message', async () => {
    await openAppDetails('?connectors=teams:user,outlook-mail:user');
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams and Outlook Mail/ });
    await expect.element(uri).toHaveValue('https://api.kloudless.com/v1/oauth/callback');

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
      await nextButton().click();
      await expect.element(page.getByText(message)).toBeVisible();
      await expect.element(stepHeading()).toHaveTextContent('App details');
      await expect.element(uri).toHaveAttribute('aria-invalid', 'true');
    }
    await uri.fill('https://api.example.com/cb');
    await next();
    await expect.element(stepHeading()).toHaveTextContent('Review');
    await expect.element(page.getByText('"https://api.example.com/cb"')).toBeVisible();
  });

  it('a bad name, counted in characters, kept whole when pasted', async () => {
    await openAppDetails('?connectors=onedrive:user');
    const name = page.getByRole('textbox', { name: /Application name/ });
    await name.fill('x'.repeat(121));
    await nextButton().click();
    await expect
      .element(page.getByText('Shorten the name to 120 characters or fewer (it has 121).'))
      .toBeVisible();
    await expect.element(stepHeading()).toHaveTextContent('App details');
    await name.fill('   ');
    await nextButton().click();
    await expect.element(page.getByText('Enter a name for the app registration.')).toBeVisible();
    // Pasted text is kept whole and counted in characters, so an emoji counts once.
    const emoji = '🚀'.repeat(121);
    await name.fill(emoji);
    await expect.element(name).toHaveValue(emoji);
    await expect.element(page.getByText('121/120 characters')).toBeVisible();
    await nextButton().click();
    await expect
      .element(page.getByText('Shorten the name to 120 characters or fewer (it has 121).'))
      .toBeVisible();
    await name.fill('Contoso Files');
    await next();
    await expect.element(page.getByText('A multitenant app named "Contoso Files"')).toBeVisible();
  });

  it('Next checks the form at the first click and puts the focus in the field with the problem', async () => {
    await openAppDetails('?connectors=teams:user');
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams/ });
    await uri.fill('http://api.example.com/cb');
    await nextButton().click();
    await expect.element(page.getByText(/Use https:\/\//)).toBeVisible();
    await expect.element(uri).toHaveFocus();
  });

  it('what the admin typed survives Back', async () => {
    await openAppDetails('?connectors=onedrive:user');
    await page.getByRole('textbox', { name: /Application name/ }).fill('Half-typed na');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.element(stepHeading()).toHaveTextContent('Connectors');
    await next();
    await expect
      .element(page.getByRole('textbox', { name: /Application name/ }))
      .toHaveValue('Half-typed na');
  });

  it('Back checks nothing: an invalid redirect URI is not flagged on the way out', async () => {
    await openAppDetails('?connectors=teams:user');
    const uri = page.getByRole('textbox', { name: /Redirect URI for Microsoft Teams/ });
    await uri.fill('https://*.example.com/cb');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.element(stepHeading()).toHaveTextContent('Connectors');
    await expect.element(page.getByText(/Remove the wildcard/)).not.toBeInTheDocument();
    // Tabbing out of the field is what flags it.
    await next();
    await uri.click();
    await userEvent.tab();
    await expect.element(page.getByText(/Remove the wildcard/)).toBeVisible();
  });
});

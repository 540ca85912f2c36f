import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  doItMyself,
  expectNoSidewaysScroll,
  next,
  renderWizard,
  stepHeading,
} from '../../../test-support/browser/render-wizard';
import { pngImage, SVG_LOGO } from '../../../test-support/logo-images';

const LONG_NAME = 'Contoso Microsoft 365 connectors for the integration platform';

/** Opens "How it looks to your users" on the offline path, as the App details checkbox shows it. */
async function openBranding(
  link = `?connectors=sharepoint:admin,outlook-mail:user&name=${encodeURIComponent(LONG_NAME)}`,
) {
  await renderWizard({ link, answers: { path: 'offline', customizeBranding: true }, step: 'branding' });
  await expect.element(stepHeading()).toHaveTextContent('How it looks to your users');
}

const logoInput = () => page.getByLabelText('Logo', { exact: true });
const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });

/** A real JPEG the browser encodes itself, `width`×`height` pixels. */
async function jpeg(width: number, height: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.fillStyle = '#0078d4';
  context.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return new Uint8Array(await blob.arrayBuffer());
}

/** A PNG whose header is right but whose pixel data is cut off: only a real decode finds it. */
function damagedPng(): Uint8Array {
  const whole = pngImage(64);
  return whole.subarray(0, whole.length - 200);
}

describe('How it looks to your users: the logo', () => {
  it('explains each bad image, keeps nothing of it, and blocks Next until it is removed', async () => {
    await openBranding();
    const cases: [File, string][] = [
      [
        file(pngImage(400), 'big.png', 'image/png'),
        'big.png is 157 KB; Microsoft Entra takes logos of at most 100 KB. Save it at 215×215 pixels, or with fewer colors, to make it smaller.',
      ],
      [
        file(pngImage(300, 100), 'banner.png', 'image/png'),
        'banner.png is 300×100 pixels; the logo must be square. Crop it to 215×215 pixels.',
      ],
      [
        file(SVG_LOGO, 'logo.svg', 'image/svg+xml'),
        'logo.svg is an SVG drawing. Microsoft Entra takes only PNG, JPG or GIF logos: export it as a 215×215 PNG and choose that.',
      ],
      [
        file(new TextEncoder().encode('Quarterly report, not a picture'), 'logo.png', 'image/png'),
        'Its name ends in .png, but it is not a PNG image (its content says otherwise). Open it in an image editor and save it as PNG.',
      ],
      [
        file(damagedPng(), 'damaged.png', 'image/png'),
        'damaged.png looks like a PNG image, but your browser cannot read it: it is damaged. Open it in an image editor and save it again as PNG.',
      ],
    ];
    for (const [bad, message] of cases) {
      await userEvent.upload(logoInput(), bad);
      await expect.element(page.getByRole('alert').getByText(message)).toBeVisible();
      await expect.element(logoInput()).toHaveAttribute('aria-invalid', 'true');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect.element(stepHeading()).toHaveTextContent('How it looks to your users');
      await expect.element(logoInput()).toHaveFocus();
      // The preview still shows the generic icon: nothing of the file was kept.
      await expect
        .element(page.getByTestId('consent-preview-admin').getByRole('img', { name: `Logo of ${LONG_NAME}` }))
        .toHaveTextContent('C');
    }
    await page.getByRole('button', { name: 'Remove logo' }).click();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await next();
    await expect.element(stepHeading()).not.toHaveTextContent('How it looks to your users');
  });

  it('takes a square JPEG by its content, draws it in the preview and keeps it across Back', async () => {
    await openBranding();
    const jpegBytes = await jpeg(120, 120);
    await userEvent.upload(logoInput(), file(jpegBytes, 'brand.png', 'image/png'));
    await expect
      .element(
        page.getByText(
          /^Chosen: brand\.png, 120×120 pixels, \d+ KB\. It is a JPEG image whatever its name says, and is sent as one\. It is 120×120 pixels; 215×215 shows best\. The link to this setup carries the links below, not the logo\.$/,
        ),
      )
      .toBeVisible();
    const logo = page.getByTestId('consent-preview-admin').getByRole('img', { name: `Logo of ${LONG_NAME}` });
    await expect.element(logo).toBeVisible();
    expect(logo.element().tagName).toBe('CANVAS');
    await next();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.element(stepHeading()).toHaveTextContent('How it looks to your users');
    await expect.element(page.getByText(/^Chosen: brand\.png, 120×120 pixels/)).toBeVisible();
    // The file field names the kept logo, not "No file chosen", with the same bytes.
    const field = () => logoInput().element() as HTMLInputElement;
    await expect.poll(() => field().files?.[0]?.name).toBe('brand.png');
    expect(field().files?.[0]?.size).toBe(jpegBytes.length);
    // The placeholder shows while the kept logo is decoded again; the logo itself is drawn once it is.
    const kept = page.getByTestId('consent-preview-admin').getByRole('img');
    await expect.poll(() => kept.element().tagName).toBe('CANVAS');
    await expect.element(kept).toBeVisible();
    await page.getByRole('button', { name: 'Remove logo' }).click();
    await expect.poll(() => field().files?.length).toBe(0);
    await expect.element(page.getByText(/^PNG, JPG or GIF, at most 100 KB/)).toBeVisible();
  });
});

describe('How it looks to your users: the links and the preview', () => {
  it('explains each bad link and blocks Next', async () => {
    await openBranding();
    const terms = page.getByRole('textbox', { name: 'Terms of service URL' });
    await terms.fill('http://contoso.com/terms');
    await page.getByRole('textbox', { name: 'Support URL' }).fill('help desk');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect
      .element(page.getByText(/^Use https:\/\/: users are sent to your terms of service/))
      .toBeVisible();
    await expect
      .element(
        page.getByText(
          'Enter the full address of your support page, starting with https://, such as https://www.example.com/support.',
        ),
      )
      .toBeVisible();
    await expect.element(stepHeading()).toHaveTextContent('How it looks to your users');
  });

  it('shows the admin and the user prompt, with the links as they are typed, and fits every width', async () => {
    await openBranding();
    const admin = page.getByTestId('consent-preview-admin');
    await expect.element(admin.getByText('unverified')).toBeVisible();
    await expect
      .element(admin.getByText(/The publisher has not provided links to their terms/))
      .toBeVisible();
    await expect
      .element(admin.getByRole('checkbox', { name: 'Consent on behalf of your organization' }))
      .toBeVisible();
    await page.getByRole('textbox', { name: 'Terms of service URL' }).fill('https://www.contoso.com/terms');
    await expect
      .element(admin.getByRole('link', { name: 'terms of service' }))
      .toHaveAttribute('href', 'https://www.contoso.com/terms');
    await expect.element(admin.getByText(/The publisher has not provided links/)).not.toBeInTheDocument();
    await expect
      .element(page.getByRole('link', { name: 'Mark your app as publisher verified' }))
      .toHaveAttribute(
        'href',
        'https://learn.microsoft.com/entra/identity-platform/mark-app-as-publisher-verified',
      );
    expect(page.getByRole('link', { name: 'Company branding' }).element().getAttribute('href')).toMatch(
      /LoginTenantBranding$/,
    );
    await expectNoSidewaysScroll();

    await page.getByRole('radio', { name: 'A user who is not an administrator' }).click();
    const user = page.getByTestId('consent-preview-user');
    await expect.element(user).toBeVisible();
    await expect.element(user.getByRole('checkbox')).not.toBeInTheDocument();
    await expect
      .element(page.getByText(/users see “Need admin approval” instead of this prompt/))
      .toBeVisible();
    await expectNoSidewaysScroll('the user prompt');
  });
});

describe('How it looks to your users: the link to this setup', () => {
  it('opens with the step and the links a shared link gives, and carries the links typed here, never the logo', async () => {
    await renderWizard({
      link:
        '?connectors=outlook-mail:user&branding.privacyStatementUrl=https://www.contoso.com/privacy' +
        '&branding.homePageUrl=http://www.contoso.com/',
    });
    await expect
      .element(page.getByText(/^The home page link in the link was ignored\. Use https:\/\//))
      .toBeVisible();
    await doItMyself();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('App details');
    await expect
      .element(page.getByRole('checkbox', { name: 'Set the logo and links users see when they consent' }))
      .toBeChecked();
    await next();
    await expect.element(stepHeading()).toHaveTextContent('How it looks to your users');
    await expect
      .element(page.getByRole('textbox', { name: 'Privacy statement URL' }))
      .toHaveValue('https://www.contoso.com/privacy');
    await expect.element(page.getByRole('textbox', { name: 'Home page URL' })).toHaveValue('');
    await expect
      .element(page.getByText(/The link to this setup carries the links below, not the logo/))
      .toBeVisible();

    await page.getByRole('textbox', { name: 'Terms of service URL' }).fill('https://www.contoso.com/terms');
    await logoInput().upload(file(pngImage(64), 'contoso.png', 'image/png'));
    await expect.element(page.getByText(/^Chosen: contoso\.png.*not the logo/)).toBeVisible();
    await next();
    await expect
      .poll(() => window.location.search)
      .toMatch(
        /branding=on&branding\.termsOfServiceUrl=https:%2F%2Fwww\.contoso\.com%2Fterms&branding\.privacyStatementUrl=/,
      );
    expect(window.location.search).not.toMatch(/logo|png/i);
  });
});

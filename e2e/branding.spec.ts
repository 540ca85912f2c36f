import { Buffer } from 'node:buffer';
import { pngImage } from '../test-support/logo-images';
import {
  create,
  graphWrites,
  serveAutomaticConfig,
  signInFromStart,
  wizardClient,
} from './support/automatic';
import { expect, test } from './support/emulator-fixture';
import { download, next, walkToOfflineResults } from './support/wizard';
import type { Page } from '@playwright/test';

test.use({ emulatorOptions: wizardClient });
test.describe.configure({ timeout: 180_000 });

const LINKS = {
  homePageUrl: 'https://www.contoso.com/',
  termsOfServiceUrl: 'https://www.contoso.com/terms',
  privacyStatementUrl: 'https://www.contoso.com/privacy',
  supportUrl: 'https://www.contoso.com/support',
  marketingUrl: 'https://www.contoso.com/connectors',
};
const LOGO = pngImage(215, 215, 0x3c);

/** From App details, ticks the branding checkbox and goes on to the branding step. */
async function openBrandingStep(page: Page) {
  await expect(page.locator('#step-heading')).toHaveText('App details');
  await page.getByRole('checkbox', { name: 'Set the logo and links users see when they consent' }).check();
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('How it looks to your users');
}

async function fillLinks(page: Page) {
  await page.getByRole('textbox', { name: 'Home page URL' }).fill(LINKS.homePageUrl);
  await page.getByRole('textbox', { name: 'Terms of service URL' }).fill(LINKS.termsOfServiceUrl);
  await page.getByRole('textbox', { name: 'Privacy statement URL' }).fill(LINKS.privacyStatementUrl);
  await page.getByRole('textbox', { name: 'Support URL' }).fill(LINKS.supportUrl);
  await page.getByRole('textbox', { name: 'Marketing URL' }).fill(LINKS.marketingUrl);
}

const logoInput = (page: Page) => page.getByLabel('Logo', { exact: true });

test('the preview follows the fields, and an automatic run uploads the logo and info', async ({
  page,
  context,
  emulator,
}) => {
  await serveAutomaticConfig(context);
  await signInFromStart(page, '/?connectors=outlook-mail:user&name=Contoso%20Mail');
  await next(page);
  await openBrandingStep(page);

  const admin = page.getByTestId('consent-preview-admin');
  await expect(admin.getByText('Contoso Mail', { exact: true })).toBeVisible();
  await expect(admin.getByText('unverified')).toBeVisible();
  await expect(admin.getByText(/The publisher has not provided links to their terms/)).toBeVisible();
  await expect(admin.getByRole('img', { name: 'Logo of Contoso Mail' })).toHaveText('C');

  await fillLinks(page);
  await expect(admin.getByRole('link', { name: 'Contoso Mail' })).toHaveAttribute('href', LINKS.homePageUrl);
  await expect(admin.getByRole('link', { name: 'terms of service' })).toHaveAttribute(
    'href',
    LINKS.termsOfServiceUrl,
  );
  await expect(admin.getByRole('link', { name: 'privacy statement' })).toHaveAttribute(
    'href',
    LINKS.privacyStatementUrl,
  );
  await expect(admin.getByText(/The publisher has not provided links/)).toHaveCount(0);

  await logoInput(page).setInputFiles({
    name: 'contoso.png',
    mimeType: 'image/png',
    buffer: Buffer.from(LOGO),
  });
  await expect(page.getByText('Chosen: contoso.png, 215×215 pixels')).toBeVisible();
  await expect(admin.locator('canvas[aria-label="Logo of Contoso Mail"]')).toBeVisible();

  await page.getByRole('radio', { name: 'A user who is not an administrator' }).check();
  const user = page.getByTestId('consent-preview-user');
  await expect(user.getByRole('link', { name: 'terms of service' })).toBeVisible();
  await expect(user.getByRole('checkbox')).toHaveCount(0);

  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('Review');
  await page.getByRole('button', { name: /requests the wizard will send/ }).click();
  await expect(
    page.getByText(/PUT https:\/\/graph\.microsoft\.com\/v1\.0\/applications\/\{applicationId\}\/logo/),
  ).toBeVisible();
  await expect(page.getByText(`(the ${LOGO.length} bytes of contoso.png, 215×215 pixels)`)).toBeVisible();

  expect(await create(page)).toBe('credentials');
  const [app] = emulator.applications();
  expect(emulator.applications()).toHaveLength(1);
  const logo = emulator.logoOf(app!.id);
  expect(logo?.contentType).toBe('image/png');
  expect(Buffer.from(logo!.bytes).equals(Buffer.from(LOGO))).toBe(true);
  const { homePageUrl, ...info } = LINKS;
  expect(app!.info).toMatchObject(info);
  expect(app!.info?.logoUrl).toMatch(/^https:\/\/secure\.aadcdn\.microsoftonline-p\.com\//);
  expect(app!.web?.homePageUrl).toBe(homePageUrl);
});

test('a bad image is explained and nothing is uploaded', async ({ page, context, emulator }) => {
  await serveAutomaticConfig(context);
  await signInFromStart(page, '/?connectors=outlook-mail:user&name=Contoso%20Mail');
  await next(page);
  await openBrandingStep(page);
  await logoInput(page).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="215" height="215"/>'),
  });
  await expect(page.getByRole('alert')).toHaveText(
    /^logo\.png is an SVG drawing\. Microsoft Entra takes only PNG, JPG or GIF logos/,
  );
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('How it looks to your users');
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await next(page);
  expect(await create(page)).toBe('credentials');
  expect(graphWrites(emulator).filter((e) => e.path.endsWith('/logo'))).toEqual([]);
  expect(emulator.logoOf(emulator.applications()[0]!.id)).toBeUndefined();
});

test('offline: manifest.json carries info, and the portal steps name the logo file', async ({ page }) => {
  await page.goto('/?connectors=outlook-mail:user&name=Contoso%20Mail');
  await page.getByRole('button', { name: 'Do it myself' }).click();
  await next(page);
  await openBrandingStep(page);
  await fillLinks(page);
  await logoInput(page).setInputFiles({
    name: 'contoso.png',
    mimeType: 'image/png',
    buffer: Buffer.from(LOGO),
  });
  await expect(page.getByText('Chosen: contoso.png, 215×215 pixels')).toBeVisible();
  await walkToOfflineResults(page);
  const manifest = JSON.parse((await download(page, 'manifest.json')).text) as {
    info: Record<string, string>;
    web: { homePageUrl: string };
  };
  const { homePageUrl, ...info } = LINKS;
  expect(manifest.info).toEqual(info);
  expect(manifest.web.homePageUrl).toBe(homePageUrl);
  await expect(
    page.getByRole('heading', { name: /Add the logo and links users see when they consent/ }),
  ).toBeVisible();
  await expect(page.getByText(/Under Upload new logo, choose logo\.png/)).toBeVisible();
});

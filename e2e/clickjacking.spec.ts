import type { Frame, FrameLocator, Page } from '@playwright/test';
import { expect, test as base } from './support/secret-scan';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP } from './support/app-origin';

/**
 * A page of another site that frames the wizard gets a message and a link instead of the wizard, even where no
 * `frame-ancestors` header is sent (`vite preview` sends none); a page of the wizard's own site may still frame it.
 *
 * The other site is a real server on localhost (another port, so another origin): Chromium refuses to let a page it
 * takes for a public site, as it does a page answered by a Playwright route, frame a local address at all.
 */

const test = base.extend<object, { otherSite: string }>({
  otherSite: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Any path answers with a page that frames the address in its query: /?frame=<url>.
      const server = createServer((request, response) => {
        const src = new URL(request.url ?? '/', 'http://localhost').searchParams.get('frame') ?? '';
        const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(
          `<!doctype html><title>Another site</title><iframe src="${attribute}" width="1000" height="700"></iframe>`,
        );
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
    { scope: 'worker' },
  ],
});

/** Every request for config.json, by the address of the frame that made it. */
function configRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/config.json') seen.push(request.frame().url());
  });
  return seen;
}

const refusal = (frame: Page | FrameLocator) =>
  frame.getByText(
    'This wizard does not run inside another site’s page, to protect your sign-in and credentials from clickjacking.',
  );
const openOnItsOwn = (frame: FrameLocator) =>
  frame.getByRole('link', { name: 'Open the Entra Setup Wizard on its own' });

/** Adds a frame of `src` to the page in `frame`, and returns it once it has loaded. */
async function addFrame(page: Page, frame: Frame, src: string): Promise<Frame> {
  const attached = page.waitForEvent('frameattached');
  await frame.evaluate((url) => {
    const element = document.createElement('iframe');
    element.src = url;
    element.width = '1000';
    element.height = '700';
    document.body.append(element);
  }, src);
  const added = await attached;
  await added.waitForLoadState();
  return added;
}

test('refuses to run inside another site’s page, and links to the wizard on its own', async ({
  page,
  context,
  otherSite,
}) => {
  const wizardUrl = `${APP}/?connectors=teams:user`;
  const config = configRequests(page);
  await page.goto(`${otherSite}/?frame=${encodeURIComponent(wizardUrl)}`);
  const framed = page.frameLocator('iframe');

  await expect(refusal(framed)).toBeVisible();
  await expect(openOnItsOwn(framed)).toHaveAttribute('href', wizardUrl);
  await expect(openOnItsOwn(framed)).toHaveAttribute('target', '_blank');
  await expect(openOnItsOwn(framed)).toHaveAttribute('rel', /\bnoopener\b/);
  await expect(framed.locator('#step-heading')).toHaveCount(0);
  await expect(framed.getByRole('button')).toHaveCount(0);
  expect(config, 'config.json is not even read').toEqual([]);

  // The link opens the wizard in a tab of its own, where it runs.
  const [opened] = await Promise.all([context.waitForEvent('page'), openOnItsOwn(framed).click()]);
  await expect(opened.locator('#step-heading')).toHaveText('Start');
  expect(opened.url()).toBe(wizardUrl);
  await expect(refusal(opened)).toHaveCount(0);
});

test('refuses to run in a page of its own site that another site frames', async ({ page, otherSite }) => {
  await page.goto(`${otherSite}/?frame=${encodeURIComponent(`${APP}/?outer`)}`);
  const outer = page.frames().find((f) => f.url() === `${APP}/?outer`);
  expect(outer, 'the wizard’s site is framed').toBeDefined();
  // The wizard's own page frames the wizard, but the top of the window is the other site.
  const inner = await addFrame(page, outer!, `${APP}/?inner`);
  await expect(inner.getByText(/^This wizard does not run inside another site’s page/)).toBeVisible();
  await expect(inner.locator('#step-heading')).toHaveCount(0);
});

test('runs inside a page of its own site', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#step-heading')).toHaveText('Start');
  const framed = await addFrame(page, page.mainFrame(), `${APP}/?connectors=teams:user`);
  await expect(framed.locator('#step-heading')).toHaveText('Start');
  await expect(framed.getByText(/^This wizard does not run inside another site’s page/)).toHaveCount(0);
});

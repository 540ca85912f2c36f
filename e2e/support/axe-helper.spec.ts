// The axe helper reports what axe finds: it loads axe into a page once, and each scan keeps only the violations'
// details (`resultTypes`). Neither may hide a violation, in the full scan or in the color rules alone; a page loaded
// anew gets axe again.
import { expect, test } from './secret-scan';
import { COLOR_RULES, violations } from './axe';

const PAGE = `<!doctype html><html lang="en"><head><title>Axe check</title></head><body><main>
  <h1>Axe check</h1>
  <p style="color:#aaaaaa;background:#ffffff">Pale text on white</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <button></button>
</main></body></html>`;

test('reports every violation on a page that has some, and only the color ones with the color rules', async ({
  page,
}) => {
  await page.setContent(PAGE);
  const all = await violations(page);
  expect(all).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^serious color-contrast: .*\(p\)$/),
      expect.stringMatching(/^critical image-alt: .*\(img\)$/),
      expect.stringMatching(/^critical button-name: .*\(button\)$/),
    ]),
  );
  expect(await violations(page, COLOR_RULES)).toEqual([expect.stringMatching(/^serious color-contrast: /)]);
  await page.setContent(
    PAGE.replace('#aaaaaa', '#333333').replace('<img ', '<img alt="" ').replace('<button></button>', ''),
  );
  expect(await violations(page)).toEqual([]);
});

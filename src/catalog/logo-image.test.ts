import { describe, expect, it } from 'vitest';
import { gifImage, jpegHeader, pngImage, SVG_LOGO } from '../../test-support/logo-images';
import { inspectLogo, LOGO_MAX_BYTES } from './logo-image';

const problemOf = (name: string, bytes: Uint8Array) => {
  const result = inspectLogo(name, bytes);
  return result.ok ? null : result.problem;
};

describe('inspectLogo', () => {
  it('takes a square PNG of the recommended size without a remark', () => {
    const result = inspectLogo('logo.png', pngImage(215));
    expect(result).toMatchObject({
      ok: true,
      logo: { contentType: 'image/png', width: 215, height: 215, fileName: 'logo.png' },
      advice: null,
    });
  });

  it('takes a square GIF and a square JPEG, typed by their bytes', () => {
    expect(inspectLogo('logo.gif', gifImage(215))).toMatchObject({
      ok: true,
      logo: { contentType: 'image/gif', width: 215 },
    });
    expect(inspectLogo('logo.jpg', jpegHeader(215))).toMatchObject({
      ok: true,
      logo: { contentType: 'image/jpeg', width: 215, height: 215 },
    });
  });

  it('remarks on a size other than 215×215 and on a name that says another type, but keeps the logo', () => {
    const result = inspectLogo('logo.png', jpegHeader(64));
    expect(result.ok).toBe(true);
    expect(result.ok && result.advice).toBe(
      'It is a JPEG image whatever its name says, and is sent as one. It is 64×64 pixels; 215×215 shows best.',
    );
  });

  it('refuses a file over 100 KB and says how to make it smaller', () => {
    const big = pngImage(400);
    expect(big.length).toBeGreaterThan(LOGO_MAX_BYTES);
    expect(problemOf('big.png', big)).toBe(
      `big.png is ${Math.ceil(big.length / 1024)} KB; Microsoft Entra takes logos of at most 100 KB. Save it at 215×215 pixels, or with fewer colors, to make it smaller.`,
    );
  });

  it('refuses an image that is not square', () => {
    expect(problemOf('wide.png', pngImage(300, 100))).toBe(
      'wide.png is 300×100 pixels; the logo must be square. Crop it to 215×215 pixels.',
    );
    expect(problemOf('wide.gif', gifImage(40, 20))).toMatch(/40×20 pixels; the logo must be square/);
  });

  it('refuses an SVG, even one named .png', () => {
    const message =
      'logo.svg is an SVG drawing. Microsoft Entra takes only PNG, JPG or GIF logos: export it as a 215×215 PNG and choose that.';
    expect(problemOf('logo.svg', SVG_LOGO)).toBe(message);
    expect(problemOf('logo.png', SVG_LOGO)).toMatch(/^logo\.png is an SVG drawing/);
  });

  it('refuses a .png that is not one, by its content', () => {
    const text = new TextEncoder().encode('not an image at all');
    expect(problemOf('logo.png', text)).toBe(
      'Its name ends in .png, but it is not a PNG image (its content says otherwise). Open it in an image editor and save it as PNG.',
    );
    const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
    expect(problemOf('logo.webp', webp)).toMatch(/^It is not a PNG, JPG or GIF image/);
  });

  it('refuses an empty file and a PNG whose header is cut off', () => {
    expect(problemOf('empty.png', new Uint8Array())).toBe(
      'empty.png is empty. Choose a PNG, JPG or GIF image.',
    );
    expect(problemOf('cut.png', pngImage(10).subarray(0, 20))).toBe(
      'cut.png starts like a PNG image but is damaged. Save it again as PNG.',
    );
  });
});

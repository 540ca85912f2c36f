/**
 * Small real images made byte by byte for the logo tests (unit, component and end-to-end alike), so no binary
 * fixture sits in the repository: a grey PNG of any size (stored, uncompressed deflate, with real CRCs, so browsers
 * decode it), the classic 1×1 GIF, the header of a JPEG, and an SVG.
 */

import type { LogoImage } from '../src/catalog/logo-image';
import type { PlannedBranding } from '../src/plan/plan-types';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): number[] {
  const typed = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  return [...be32(data.length), ...typed, ...be32(crc32(typed))];
}

/** zlib with stored (uncompressed) deflate blocks: what any PNG decoder reads. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01];
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const block = raw.subarray(at, at + 65535);
    const last = at + 65535 >= raw.length ? 1 : 0;
    out.push(
      last,
      block.length & 0xff,
      block.length >>> 8,
      ~block.length & 0xff,
      (~block.length >>> 8) & 0xff,
    );
    out.push(...block);
    if (last) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  out.push(...be32(((b << 16) | a) >>> 0));
  return new Uint8Array(out);
}

/**
 * A valid 8-bit greyscale PNG of `width`×`height` pixels (about width×height bytes), one shade, or each pixel's
 * shade from `shade(x, y)`.
 */
export function pngImage(
  width: number,
  height = width,
  shade: number | ((x: number, y: number) => number) = 0x80,
): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    if (typeof shade === 'number') raw.fill(shade, y * (width + 1) + 1, (y + 1) * (width + 1));
    else for (let x = 0; x < width; x += 1) raw[y * (width + 1) + 1 + x] = shade(x, y);
  }
  const ihdr = new Uint8Array([...be32(width), ...be32(height), 8, 0, 0, 0, 0]);
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', new Uint8Array()),
  ]);
}

/** The classic transparent 1×1 GIF89a; `width` and `height` rewrite its logical screen size. */
export function gifImage(width = 1, height = width): Uint8Array {
  const gif = new Uint8Array([
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0x21, 0xf9, 4, 1,
    0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b,
  ]);
  gif.set([width & 0xff, width >>> 8, height & 0xff, height >>> 8], 6);
  return gif;
}

/** The start of a baseline JPEG (SOI, a JFIF APP0, then SOF0 with the size): enough for the header checks. */
export function jpegHeader(width: number, height = width): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    16,
    0x4a,
    0x46,
    0x49,
    0x46,
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xc0,
    0,
    17,
    8,
    height >>> 8,
    height & 0xff,
    width >>> 8,
    width & 0xff,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xd9,
  ]);
}

/** A square SVG logo, as a designer would hand it over. */
export const SVG_LOGO = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="215" height="215"><rect width="215" height="215" fill="#0078d4"/></svg>\n',
);

/** A 215×215 PNG logo as the branding step hands it to the plan. */
export const testLogo = (fileName = 'logo.png'): LogoImage => ({
  fileName,
  contentType: 'image/png',
  bytes: pngImage(215),
  width: 215,
  height: 215,
});

/** Branding with every link and the test logo, as a plan input. */
export const testBranding = (logo: LogoImage | null = testLogo()): PlannedBranding => ({
  homePageUrl: 'https://www.contoso.com/',
  info: {
    termsOfServiceUrl: 'https://www.contoso.com/terms',
    privacyStatementUrl: 'https://www.contoso.com/privacy',
    supportUrl: 'https://www.contoso.com/support',
    marketingUrl: 'https://www.contoso.com/connectors',
  },
  logo,
});

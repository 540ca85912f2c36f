/**
 * The application logo Microsoft Entra shows on the consent prompt, My Apps and the enterprise application: what it
 * accepts, and a check of a file against it that reads the file's own bytes. The type comes from the magic bytes,
 * never from the file name, and the size from the image header, so a `.png` that is really a JPEG, an SVG or a
 * text file is named for what it is.
 *
 * Limits: Microsoft's branding guidance for app registrations (PNG, JPG or GIF, at most 100 KB, square, 215×215
 * pixels recommended). The same limits are enforced by the emulated tenant, so a logo the wizard accepts is one
 * Entra accepts.
 */

/** The image types Entra takes as an application logo, as `PUT /applications/{id}/logo` sends them. */
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

/** 100 KB, as the portal counts it (1 KB = 1024 bytes). */
export const LOGO_MAX_BYTES = 100 * 1024;
/** The size Entra recommends, in pixels; the image is scaled down to show. */
export const LOGO_RECOMMENDED_SIZE = 215;

/** A logo that passed the checks: its bytes, what they are and how big the image is. */
export interface LogoImage {
  readonly fileName: string;
  readonly contentType: LogoContentType;
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The outcome of {@link inspectLogo}: the logo, or what is wrong with the file in words the admin can act on. */
export type LogoInspection =
  | { readonly ok: true; readonly logo: LogoImage; readonly advice: string | null }
  | { readonly ok: false; readonly problem: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const uint32 = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
const uint16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const uint16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);

/** A PNG's size from its IHDR chunk, which must come first. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || !startsWith(b, [0x49, 0x48, 0x44, 0x52], 12)) return null;
  return { width: uint32(b, 16), height: uint32(b, 20) };
}

/** A GIF's logical screen size. */
function gifSize(b: Uint8Array): { width: number; height: number } | null {
  return b.length < 10 ? null : { width: uint16le(b, 6), height: uint16le(b, 8) };
}

/** A JPEG's size from its first start-of-frame marker (SOF0 to SOF15, without DHT, JPG and DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = uint16be(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: uint16be(b, at + 7), height: uint16be(b, at + 5) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** What the bytes are, by their magic numbers. */
function sniff(b: Uint8Array): LogoContentType | 'svg' | 'other-image' | null {
  if (startsWith(b, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) || startsWith(b, [0x42, 0x4d])) return 'other-image';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(b.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (
    head.startsWith('<svg') ||
    ((head.startsWith('<?xml') || head.startsWith('<!--')) && head.includes('<svg'))
  )
    return 'svg';
  return null;
}

/** The logo type the bytes are, by their magic numbers, or null when they are none of PNG, JPEG and GIF. */
export function logoContentTypeOf(bytes: Uint8Array): LogoContentType | null {
  const type = sniff(bytes);
  return type === 'svg' || type === 'other-image' ? null : type;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
const TYPE_WORDS: Record<LogoContentType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
};
const TYPE_EXTENSIONS: Record<LogoContentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
};

/**
 * Checks a logo file: its type by its bytes, its size and that the image is square. `advice` is a remark that does
 * not stop the logo (a size other than the recommended one, a file name whose extension says another type).
 * `fileSize` is the whole file's size when `bytes` is only its start (a file too large to read whole).
 */
export function inspectLogo(fileName: string, bytes: Uint8Array, fileSize = bytes.length): LogoInspection {
  const fail = (problem: string): LogoInspection => ({ ok: false, problem });
  if (fileSize === 0) return fail(`${fileName} is empty. Choose a PNG, JPG or GIF image.`);
  const type = sniff(bytes);
  if (type === 'svg') {
    return fail(
      `${fileName} is an SVG drawing. Microsoft Entra takes only PNG, JPG or GIF logos: export it as a ${LOGO_RECOMMENDED_SIZE}×${LOGO_RECOMMENDED_SIZE} PNG and choose that.`,
    );
  }
  if (type === null || type === 'other-image') {
    const claimed = extensionOf(fileName);
    const claim = ['png', 'jpg', 'jpeg', 'gif'].includes(claimed)
      ? `Its name ends in .${claimed}, but it is not a ${claimed === 'jpg' ? 'JPEG' : claimed.toUpperCase()} image`
      : 'It is not a PNG, JPG or GIF image';
    return fail(`${claim} (its content says otherwise). Open it in an image editor and save it as PNG.`);
  }
  if (fileSize > LOGO_MAX_BYTES) {
    return fail(
      `${fileName} is ${kb(fileSize)}; Microsoft Entra takes logos of at most ${kb(LOGO_MAX_BYTES)}. Save it at ${LOGO_RECOMMENDED_SIZE}×${LOGO_RECOMMENDED_SIZE} pixels, or with fewer colors, to make it smaller.`,
    );
  }
  const size =
    type === 'image/png' ? pngSize(bytes) : type === 'image/gif' ? gifSize(bytes) : jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    return fail(`${fileName} starts like a ${TYPE_WORDS[type]} image but is damaged. Save it again as PNG.`);
  }
  if (size.width !== size.height) {
    return fail(
      `${fileName} is ${size.width}×${size.height} pixels; the logo must be square. Crop it to ${LOGO_RECOMMENDED_SIZE}×${LOGO_RECOMMENDED_SIZE} pixels.`,
    );
  }
  const remarks = [
    ...(TYPE_EXTENSIONS[type].includes(extensionOf(fileName))
      ? []
      : [`It is a ${TYPE_WORDS[type]} image whatever its name says, and is sent as one.`]),
    ...(size.width === LOGO_RECOMMENDED_SIZE
      ? []
      : [
          `It is ${size.width}×${size.height} pixels; ${LOGO_RECOMMENDED_SIZE}×${LOGO_RECOMMENDED_SIZE} shows best.`,
        ]),
  ];
  return {
    ok: true,
    logo: { fileName, contentType: type, bytes, width: size.width, height: size.height },
    advice: remarks.length ? remarks.join(' ') : null,
  };
}

/**
 * Reads a chosen file as a logo: the checks of `inspectLogo` on its bytes, then a decode by the browser's own image
 * decoder, which finds what a header cannot (a PNG whose data is damaged). Only the start of a file too large to be a
 * logo is read, enough to say what it is.
 */
import { inspectLogo, LOGO_MAX_BYTES, type LogoImage } from '../../catalog/logo-image';

/** The logo with its decoded image (for the preview), or what is wrong with the file. */
export type DecodedLogo =
  | {
      readonly ok: true;
      readonly logo: LogoImage;
      readonly bitmap: ImageBitmap;
      readonly advice: string | null;
    }
  | { readonly ok: false; readonly problem: string };

/** Decodes a checked logo's bytes with the browser; null when the browser cannot read them as an image. */
export async function decodeLogo(logo: LogoImage): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(new Blob([logo.bytes as BlobPart], { type: logo.contentType }));
  } catch {
    return null;
  }
}

/** Reads and checks `file`. */
export async function readLogoFile(file: File): Promise<DecodedLogo> {
  const head = new Uint8Array(await file.slice(0, LOGO_MAX_BYTES + 1).arrayBuffer());
  const inspected = inspectLogo(file.name, head, file.size);
  if (!inspected.ok) return inspected;
  const bitmap = await decodeLogo(inspected.logo);
  if (!bitmap || bitmap.width !== inspected.logo.width || bitmap.height !== inspected.logo.height) {
    bitmap?.close();
    return {
      ok: false,
      problem: `${file.name} looks like a ${inspected.logo.contentType.slice(6).toUpperCase()} image, but your browser cannot read it: it is damaged. Open it in an image editor and save it again as PNG.`,
    };
  }
  return { ok: true, logo: inspected.logo, bitmap, advice: inspected.advice };
}

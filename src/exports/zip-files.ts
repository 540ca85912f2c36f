import { strToU8, zipSync } from 'fflate';

/** A file to put in a ZIP: text is stored as UTF-8, bytes as they are. */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** One ZIP holding the files under their names, made in memory: nothing leaves the browser but the download. */
export function zipFiles(files: readonly ZipEntry[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new Error(`Two files are named ${file.name}`);
    entries[file.name] = typeof file.content === 'string' ? strToU8(file.content) : file.content;
  }
  return zipSync(entries, { level: 6, mtime: new Date() });
}

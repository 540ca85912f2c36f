/**
 * Saves content as a file through the browser's download, without sending it anywhere. The object URL is revoked
 * shortly after, once the browser has certainly picked the download up, so the content does not stay reachable.
 */
export function saveFile(
  name: string,
  content: string | Uint8Array,
  type = 'application/octet-stream',
): void {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

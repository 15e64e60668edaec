/** Hands a downloaded file to the browser's downloads, under the name the server gave it. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it is not needed any longer.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Starts a download of a generated file (no network: a blob URL). */
export function download(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The browser reads the blob after click() returns; revoking at once would cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

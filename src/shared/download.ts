/** Saving a file from an extension page: a Blob behind a temporary link, in Chrome and Firefox alike (no downloads permission). */
export function download(fileName: string, data: string | Uint8Array, mime: string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Firefox needs the URL a moment longer than the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

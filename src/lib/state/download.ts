/**
 * The browser's download of bytes or text made in the app (workbooks, CSV, plan files): one helper
 * for every state part (it was written twice, in the io and the scenarios state). Does nothing
 * outside a page (Node tests).
 */
export function downloadBytes(bytes: Uint8Array | string, filename: string, type: string): void {
  if (typeof document === 'undefined') return;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to start reading the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

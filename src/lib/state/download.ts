/**
 * Saving a file the app made (a workbook, a plan file, a CSV) through the browser's download, and the
 * one rule for file names. Shared by every state class that offers a download.
 */

/**
 * Starts the browser download of `bytes` (or text) as `filename`. Returns false without a page (Node,
 * or a test DOM without object URLs), where there is nothing to download to.
 */
export function downloadBytes(bytes: Uint8Array | string, filename: string, type: string): boolean {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/**
 * A unit's or plan's name as part of a file name: no characters Windows, macOS or Linux refuse, no
 * control characters, one space between words, at most 80 characters; "plan" when nothing is left.
 */
export function fileSafe(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 80).trim() || 'plan';
}

/**
 * What a file is by its first bytes (no SheetJS: the page may use it before sending a file to the
 * worker). A zip (xlsx, ods) or an OLE compound file (old .xls) is a spreadsheet; anything else is
 * read as text by the one decoder (io/tabular).
 */

/** Zip local-file-header magic (xlsx, ods). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** OLE compound file magic (old .xls). */
export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** A spreadsheet container rather than text. */
export function isSpreadsheet(bytes: Uint8Array): boolean {
  return isZip(bytes) || isCfb(bytes);
}

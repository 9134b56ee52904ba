/**
 * Small, dependency-free zip helpers.
 * - `scanZip`: reads only the central directory (no inflation) so a hostile file is refused by
 *   its declared sizes before SheetJS ever unpacks it (zip bombs).
 * - `patchZip`: rewrites a few XML parts of an xlsx we just wrote (SheetJS CE writes neither
 *   `<calcPr>` nor frozen panes) through SheetJS's own CFB container code.
 */
import * as XLSX from 'xlsx';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipScan = { ok: true; entries: ZipEntryInfo[] } | { ok: false; reason: 'not-zip' | 'corrupt' };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Central directory listing. Zip64 entries (sizes 0xFFFFFFFF) are reported as Infinity: we never need files that large. */
export function scanZip(bytes: Uint8Array): ZipScan {
  if (!isZip(bytes)) return { ok: false, reason: 'not-zip' };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'corrupt' };
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CEN_SIG) return { ok: false, reason: 'corrupt' };
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > bytes.length) return { ok: false, reason: 'corrupt' };
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      name,
      compressedSize: csize === 0xffffffff ? Infinity : csize,
      uncompressedSize: usize === 0xffffffff ? Infinity : usize,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** Replace the text of zip parts by path (e.g. "xl/workbook.xml"); returns a new zip. */
export function patchZip(bytes: Uint8Array, edit: (path: string, xml: string) => string | null): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  cfb.FullPaths.forEach((full: string, i: number) => {
    const entry = cfb.FileIndex[i];
    if (!entry || entry.type !== 2 || !entry.content) return;
    const path = full.replace(/^Root Entry\//, '');
    if (!path.endsWith('.xml')) return;
    const xml = dec.decode(entry.content as Uint8Array);
    const next = edit(path, xml);
    if (next !== null && next !== xml) {
      const content = enc.encode(next);
      entry.content = content as unknown as typeof entry.content;
      entry.size = content.length;
    }
  });
  const out = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayBuffer | number[];
  return out instanceof ArrayBuffer ? new Uint8Array(out) : Uint8Array.from(out);
}

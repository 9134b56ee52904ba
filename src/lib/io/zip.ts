/**
 * Small, dependency-free zip helpers.
 * - `scanZip`: reads only the central directory (no inflation) so a hostile file is refused by
 *   its declared sizes before SheetJS ever unpacks it (zip bombs).
 * - `patchZip`: rewrites a few XML parts of an xlsx we just wrote (SheetJS CE writes neither
 *   `<calcPr>` nor frozen panes) through SheetJS's own CFB container code.
 */
import * as XLSX from 'xlsx';
import { isZip } from './sniff';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Offset of the local file header. */
  localOffset: number;
}

export type ZipScan = { ok: true; entries: ZipEntryInfo[] } | { ok: false; reason: 'not-zip' | 'corrupt' };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export { isZip };

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
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) return { ok: false, reason: 'corrupt' };
    // The local header must agree with the central directory (signature, name length, data inside the
    // file): SheetJS follows the local header, and a lying name length sends it into a very long loop.
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== LOC_SIG) return { ok: false, reason: 'corrupt' };
    const localNameLen = dv.getUint16(localOffset + 26, true);
    const localExtraLen = dv.getUint16(localOffset + 28, true);
    if (localNameLen !== nameLen || localOffset + 30 + localNameLen + localExtraLen > bytes.length) return { ok: false, reason: 'corrupt' };
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({
      name,
      compressedSize: csize === 0xffffffff ? Infinity : csize,
      uncompressedSize: usize === 0xffffffff ? Infinity : usize,
      method,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  // Every entry's data lies between its local header and the next one (or the central directory): a
  // lying local extra-field length made SheetJS read past it and loop.
  const cdStart = dv.getUint32(eocd + 16, true);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    if (!Number.isFinite(e.compressedSize)) continue;
    const start = e.localOffset + 30 + dv.getUint16(e.localOffset + 26, true) + dv.getUint16(e.localOffset + 28, true);
    const limit = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdStart;
    if (start + e.compressedSize > limit) return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, entries };
}

/**
 * Replace the text of zip parts by path (e.g. "xl/workbook.xml"); returns a new zip. `late` sees each
 * part again after every part has been through `edit` (e.g. styles.xml once the sheets chose their styles).
 */
export function patchZip(
  bytes: Uint8Array,
  edit: (path: string, xml: string) => string | null,
  late?: (path: string, xml: string) => string | null,
): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const pass = (fn: (path: string, xml: string) => string | null) =>
    cfb.FullPaths.forEach((full: string, i: number) => {
      const entry = cfb.FileIndex[i];
      if (!entry || entry.type !== 2 || !entry.content) return;
      const path = full.replace(/^Root Entry\//, '');
      if (!path.endsWith('.xml')) return;
      const xml = dec.decode(entry.content as Uint8Array);
      const next = fn(path, xml);
      if (next !== null && next !== xml) {
        const content = enc.encode(next);
        entry.content = content as unknown as typeof entry.content;
        entry.size = content.length;
      }
    });
  pass(edit);
  if (late) pass(late);
  const out = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayBuffer | number[];
  return out instanceof ArrayBuffer ? new Uint8Array(out) : Uint8Array.from(out);
}

export type InflateOutcome =
  | {
      ok: true;
      /** Inflated content of the entries `keep` named; entries cut short by the row peek are absent. Null without DecompressionStream. */
      entries: Map<string, Uint8Array> | null;
      /** Worksheet entries whose declared dimension exceeds `maxRows` (not inflated further). */
      tooManyRows: { name: string; rows: number }[];
    }
  | { ok: false; reason: 'lying-size' | 'entry-too-large' | 'corrupt'; name: string };

const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Inflates every entry with the platform's streaming inflater (native: ~10× SheetJS's JavaScript
 * inflate) and stops as soon as an entry produces more bytes than its header declares (a zip bomb
 * that lies about its sizes) or more than `maxEntryBytes`. SheetJS's own inflater never stores more
 * than the declared size, but it would still spend the time decoding; this check refuses such files
 * in milliseconds. A worksheet whose `<dimension>` declares more than `maxRows` rows is not inflated
 * further and reported. Entries `keep` names are returned inflated, so a reader can use them
 * instead of inflating again. Needs DecompressionStream (browsers, workers, Node ≥ 18); without it,
 * resolves to `{ ok: true, entries: null }` (the synchronous bounds still apply).
 */
export async function inflateZip(bytes: Uint8Array, maxEntryBytes: number, maxRows: number, keep: (name: string) => boolean = () => false): Promise<InflateOutcome> {
  if (typeof DecompressionStream === 'undefined') return { ok: true, entries: null, tooManyRows: [] };
  const scan = scanZip(bytes);
  if (!scan.ok) return { ok: false, reason: 'corrupt', name: '' };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, Uint8Array>();
  const tooManyRows: { name: string; rows: number }[] = [];
  const decoder = new TextDecoder();
  for (const e of scan.entries) {
    const lh = e.localOffset;
    if (lh + 30 > bytes.length || dv.getUint32(lh, true) !== 0x04034b50) return { ok: false, reason: 'corrupt', name: e.name };
    const start = lh + 30 + dv.getUint16(lh + 26, true) + dv.getUint16(lh + 28, true);
    const end = Math.min(bytes.length, start + (Number.isFinite(e.compressedSize) ? e.compressedSize : bytes.length));
    const declared = e.uncompressedSize;
    const isSheet = WORKSHEET_ENTRY.test(e.name);
    const tooMany = (head: string): boolean => {
      const rows = declaredSheetRows(head);
      if (rows === null || rows <= maxRows) return false;
      tooManyRows.push({ name: e.name, rows });
      return true;
    };
    if (e.method === 0) {
      const raw = bytes.subarray(start, end);
      if (isSheet && tooMany(decoder.decode(raw.subarray(0, 4096)))) continue;
      if (keep(e.name)) entries.set(e.name, raw);
      continue;
    }
    if (e.method !== 8) continue;
    // The compressed bytes as a stream of one chunk made here: a Blob's stream is read through the
    // browser's blob storage (another process), which cost as much CPU as the inflating itself.
    const compressed = bytes.slice(start, end);
    const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(compressed);
        controller.close();
      },
    });
    const stream = source.pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    let total = 0;
    let head = '';
    let peeked = !isSheet;
    const kept = keep(e.name);
    const parts: Uint8Array[] = [];
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!peeked) {
          head += decoder.decode(value.subarray(0, 4096 - head.length));
          if (head.length >= 4096 || value.length < 4096) {
            peeked = true;
            if (tooMany(head)) {
              await reader.cancel();
              parts.length = 0;
              break;
            }
          }
        }
        total += value.length;
        if (total > declared + 1024) {
          await reader.cancel();
          return { ok: false, reason: 'lying-size', name: e.name };
        }
        if (total > maxEntryBytes) {
          await reader.cancel();
          return { ok: false, reason: 'entry-too-large', name: e.name };
        }
        if (kept) parts.push(value);
      }
    } catch {
      return { ok: false, reason: 'corrupt', name: e.name };
    }
    if (!peeked && tooMany(head)) continue;
    if (kept && !tooManyRows.some((t) => t.name === e.name)) entries.set(e.name, concat(parts, total));
  }
  return { ok: true, entries, tooManyRows };
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  if (parts.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Rows declared by a sheet's `<dimension ref="A1:X123"/>`, or null. */
export function declaredSheetRows(head: string): number | null {
  const m = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(head);
  return m ? Number(m[1]) : null;
}

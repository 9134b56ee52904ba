/**
 * A fast, values-only reader for the first (or a named) sheet of an .xlsx listing report.
 * SheetJS builds a full cell model with formats (≈ 3× slower on a 100 000-row listing); a listing
 * only needs text and numbers, so this scans the sheet XML directly with indexOf (no regular
 * expression per cell). Anything unusual (no workbook part, a sheet we cannot find, namespace
 * prefixes on cells, cells without a reference, a formula without a cached value) returns null and
 * the caller falls back to SheetJS. Bounded like the SheetJS path: the caller checks sizes first,
 * a sheet declaring more than `maxRows` rows is reported (as the worker's preflight does), and rows
 * beyond `maxRows` stop the scan. The parts may come already inflated (the worker's preflight
 * inflates them natively); otherwise SheetJS's zip reader inflates them.
 */
import * as XLSX from 'xlsx';
import { declaredSheetRows } from '../zip';
import type { GridCell } from './types';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
      if (e[0] !== '#') return ENTITY[e];
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** Text of all <t> runs inside an <si> or <is>. */
function runsText(xml: string): string {
  // The common case, one plain run: <t>text</t> or <t xml:space="preserve">text</t>.
  if (xml.startsWith('<t') && xml.indexOf('<t', 2) < 0 && xml.indexOf('<r', 0) < 0) {
    const open = xml.indexOf('>');
    const close = xml.lastIndexOf('</t>');
    if (open > 0 && close > open && xml.charCodeAt(open - 1) !== 47) return unescapeXml(xml.slice(open + 1, close));
  }
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  // Phonetic runs (<rPh>) are not part of the value.
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh[\s\S]*?<\/rPh>/g, '') : xml;
  while ((m = re.exec(clean))) out += m[1] ?? '';
  return unescapeXml(out);
}

/** The sheets of a workbook in order, with the path of each sheet's part ("xl/worksheets/sheet1.xml"). */
export function workbookSheets(wbXml: string, relsXml: string): { name: string; path: string }[] | null {
  const sheets: { name: string; rid: string }[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\s[^>]*\/?>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    if (name && rid) sheets.push({ name: unescapeXml(name), rid });
  }
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\s[^>]*\/?>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/'));
  }
  const out: { name: string; path: string }[] = [];
  for (const s of sheets) {
    const path = targets.get(s.rid);
    if (!path) return null;
    out.push({ name: s.name, path });
  }
  return out;
}

export interface FastGrid {
  sheets: string[];
  sheet: string;
  rows: GridCell[][];
  /** True when the sheet had more rows than `maxRows`. */
  truncated: boolean;
  /** A sheet whose `<dimension>` declares more than `maxRows` rows (refused before reading it). */
  declaredTooMany?: { sheet: string; rows: number };
}

/** The zip parts by path: already inflated ones, or SheetJS's zip reader over the bytes. */
export type PartSource = Uint8Array | ReadonlyMap<string, Uint8Array>;

function partReader(source: PartSource): (path: string) => Uint8Array | null {
  if (source instanceof Uint8Array) {
    const cfb = XLSX.CFB.read(source, { type: 'array' });
    return (path) => {
      const e = XLSX.CFB.find(cfb, '/' + path);
      return e && e.content ? (e.content as Uint8Array) : null;
    };
  }
  return (path) => source.get(path) ?? null;
}

export function readXlsxFast(source: PartSource, sheetWanted: string | undefined, maxRows: number, maxCols: number): FastGrid | null {
  const raw = partReader(source);
  const dec = new TextDecoder();
  const part = (path: string): string | null => {
    const b = raw(path);
    return b ? dec.decode(b) : null;
  };
  const wbXml = part('xl/workbook.xml');
  const relsXml = part('xl/_rels/workbook.xml.rels');
  if (!wbXml || !relsXml) return null;
  const sheets = workbookSheets(wbXml, relsXml);
  if (!sheets || sheets.length === 0) return null;
  const names = sheets.map((x) => x.name);
  // Every sheet's declared size first, as the preflight and the SheetJS path check it.
  for (const s of sheets) {
    const b = raw(s.path);
    if (!b) return null;
    const rows = declaredSheetRows(dec.decode(b.subarray(0, 4096)));
    if (rows !== null && rows > maxRows) return { sheets: names, sheet: s.name, rows: [], truncated: false, declaredTooMany: { sheet: s.name, rows } };
  }
  const sst: string[] = [];
  const sstXml = part('xl/sharedStrings.xml');
  if (sstXml) readSharedStrings(sstXml, sst);

  const order = sheetWanted && sheets.some((s) => s.name === sheetWanted) ? [sheets.find((s) => s.name === sheetWanted)!, ...sheets] : sheets;
  for (const s of order) {
    const xml = part(s.path);
    if (xml === null) return null;
    const grid = scanSheet(xml, sst, maxRows, maxCols);
    if (grid === null) return null;
    if (grid.rows.length > 0 || s === order[order.length - 1] || sheetWanted === s.name) {
      return { sheets: names, sheet: s.name, rows: grid.rows, truncated: grid.truncated };
    }
  }
  return null;
}

function readSharedStrings(xml: string, out: string[]): void {
  let p = 0;
  for (;;) {
    const a = xml.indexOf('<si', p);
    if (a < 0) return;
    const tagEnd = xml.indexOf('>', a);
    if (tagEnd < 0) return;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push('');
      p = tagEnd + 1;
      continue;
    }
    const b = xml.indexOf('</si>', tagEnd);
    if (b < 0) return;
    out.push(runsText(xml.slice(tagEnd + 1, b)));
    p = b + 5;
  }
}

/** Where the value of the one-letter attribute ` X="` starts inside the tag [from, to), or -1 (the tag only). */
function attrAt(xml: string, letter: number, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (xml.charCodeAt(i + 1) !== letter || xml.charCodeAt(i + 2) !== 61 /* = */ || xml.charCodeAt(i + 3) !== 34 /* " */) continue;
    const before = xml.charCodeAt(i);
    if (before === 32 || before === 9 || before === 10 || before === 13) return i + 4;
  }
  return -1;
}

const R = 114; // r
const T = 116; // t

/** The cell type (t="…") as a code: 0 number, 1 shared string, 2 inline string, 3 formula string, 4 boolean, 5 error, 6 date. */
function cellType(xml: string, at: number): number {
  if (at < 0) return 0;
  const c = xml.charCodeAt(at);
  const d = xml.charCodeAt(at + 1);
  if (c === 115 /* s */) return d === 34 ? 1 : d === 116 /* str */ ? 3 : 0;
  if (c === 105 /* inlineStr */) return 2;
  if (c === 98 /* b */) return 4;
  if (c === 101 /* e */) return 5;
  if (c === 100 /* d */) return 6;
  return 0; // n
}

/** A number cell's value: whole numbers read from the digits, others by Number() of the text. */
function numberAt(xml: string, from: number, to: number): number | null {
  if (to <= from) return null;
  let i = from;
  const neg = xml.charCodeAt(i) === 45; // -
  if (neg) i++;
  let n = 0;
  for (; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === to && i > from + (neg ? 1 : 0) && to - from < 16) return neg ? -n : n;
  const v = Number(xml.slice(from, to));
  return Number.isFinite(v) ? v : null;
}

function scanSheet(xml: string, sst: string[], maxRows: number, maxCols: number): { rows: GridCell[][]; truncated: boolean } | null {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return { rows: [], truncated: false };
  // Prefixed cells (<x:c>) are legal but rare: SheetJS reads them.
  if (/<\w+:c[\s>/]/.test(xml.slice(start, start + 4096))) return null;
  const rows: GridCell[][] = [];
  let p = start;
  for (;;) {
    const c = xml.indexOf('<c', p);
    if (c < 0) break;
    const after = xml.charCodeAt(c + 2);
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      p = c + 2; // <col>, <cfRule>, …
      continue;
    }
    const tagEnd = xml.indexOf('>', c);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    p = tagEnd + 1;
    // Cells without r (allowed by the spec) are not worth guessing: let SheetJS handle it.
    const ra = attrAt(xml, R, c, tagEnd);
    if (ra < 0) return null;
    let col = 0;
    let i = ra;
    let ch = xml.charCodeAt(i);
    while (ch >= 65 && ch <= 90) {
      col = col * 26 + (ch - 64);
      ch = xml.charCodeAt(++i);
    }
    let row = 0;
    while (ch >= 48 && ch <= 57) {
      row = row * 10 + (ch - 48);
      ch = xml.charCodeAt(++i);
    }
    const r = row - 1;
    const cIdx = col - 1;
    if (r >= maxRows) return { rows, truncated: true };
    if (selfClosing || cIdx < 0 || cIdx >= maxCols || r < 0) continue;
    const close = xml.indexOf('</c>', tagEnd);
    if (close < 0) return null;
    p = close + 4;
    const t = cellType(xml, attrAt(xml, T, c, tagEnd));
    let value: GridCell = null;
    if (t === 2) {
      const is = xml.indexOf('<is>', tagEnd);
      const isEnd = is >= 0 && is < close ? xml.indexOf('</is>', is) : -1;
      value = isEnd > is && isEnd < close ? runsText(xml.slice(is + 4, isEnd)) : null;
    } else {
      // The value element is the next thing in a cell; a search that runs past `close` found another cell's.
      const v = xml.indexOf('<v', tagEnd);
      if (v < 0 || v > close) {
        if (xml.slice(tagEnd, close).indexOf('<f') >= 0) return null; // a formula without a cached value
        continue;
      }
      const vOpen = xml.indexOf('>', v);
      const vClose = xml.indexOf('</v>', vOpen);
      if (vOpen < 0 || vClose < 0 || vClose > close) return null;
      if (t === 1) {
        // A shared string's index, read from the digits.
        let k = 0;
        let j = vOpen + 1;
        for (; j < vClose; j++) {
          const d = xml.charCodeAt(j) - 48;
          if (d < 0 || d > 9) break;
          k = k * 10 + d;
        }
        value = j === vClose && j > vOpen + 1 ? (sst[k] ?? null) : null;
      } else if (t === 0) {
        value = numberAt(xml, vOpen + 1, vClose);
      } else {
        const rawV = xml.slice(vOpen + 1, vClose);
        if (t === 3) value = unescapeXml(rawV);
        else if (t === 4) value = rawV === '1' ? 'true' : 'false';
        else if (t === 5) value = null;
        else value = unescapeXml(rawV).slice(0, 10); // t === 6, a date
      }
    }
    if (value === '') value = null;
    let line = rows[r];
    if (!line) {
      line = [];
      rows[r] = line;
    }
    line[cIdx] = value;
  }
  // Missing rows become empty arrays (cheap); missing cells stay holes that readers treat as null,
  // so a hostile sheet with one far-away cell costs one small array per row, not rows × columns.
  for (let k = 0; k < rows.length; k++) if (!rows[k]) rows[k] = [];
  return { rows, truncated: false };
}

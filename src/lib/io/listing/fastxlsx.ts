/**
 * A fast, values-only reader for the first (or a named) sheet of an .xlsx listing report.
 * SheetJS builds a full cell model with formats (≈ 3× slower on a 100 000-row listing); a listing
 * only needs text and numbers, so this scans the sheet XML directly. Anything unusual (no
 * workbook part, a sheet we cannot find, a formula-only cell without value) returns null and the
 * caller falls back to SheetJS. Bounded like the SheetJS path: the caller checks sizes first,
 * and rows beyond `maxRows` stop the scan.
 */
import * as XLSX from 'xlsx';
import type { GridCell } from './grid';

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
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  // Phonetic runs (<rPh>) are not part of the value.
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh[\s\S]*?<\/rPh>/g, '') : xml;
  while ((m = re.exec(clean))) out += m[1] ?? '';
  return unescapeXml(out);
}

function colIndex(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  return c - 1;
}

function rowIndex(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  return Number(ref.slice(i)) - 1;
}

export interface FastGrid {
  sheets: string[];
  sheet: string;
  rows: GridCell[][];
  /** True when the sheet had more rows than `maxRows`. */
  truncated: boolean;
}

export function readXlsxFast(bytes: Uint8Array, sheetWanted: string | undefined, maxRows: number, maxCols: number): FastGrid | null {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const dec = new TextDecoder();
  const part = (path: string): string | null => {
    const e = XLSX.CFB.find(cfb, '/' + path);
    return e && e.content ? dec.decode(e.content as Uint8Array) : null;
  };
  const wbXml = part('xl/workbook.xml');
  const relsXml = part('xl/_rels/workbook.xml.rels');
  if (!wbXml || !relsXml) return null;
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
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  if (sheets.length === 0) return null;
  const sst: string[] = [];
  const sstXml = part('xl/sharedStrings.xml');
  if (sstXml) for (const m of sstXml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) sst.push(m[1] ? runsText(m[1]) : '');

  const order = sheetWanted && sheets.some((s) => s.name === sheetWanted) ? [sheets.find((s) => s.name === sheetWanted)!, ...sheets] : sheets;
  for (const s of order) {
    const path = targets.get(s.rid);
    if (!path) return null;
    const xml = part(path.replace(/\/\.\//g, '/'));
    if (xml === null) return null;
    const grid = scanSheet(xml, sst, maxRows, maxCols);
    if (grid === null) return null;
    if (grid.rows.length > 0 || s === order[order.length - 1] || sheetWanted === s.name) {
      return { sheets: sheets.map((x) => x.name), sheet: s.name, rows: grid.rows, truncated: grid.truncated };
    }
  }
  return null;
}

function scanSheet(xml: string, sst: string[], maxRows: number, maxCols: number): { rows: GridCell[][]; truncated: boolean } | null {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return { rows: [], truncated: false };
  const rows: GridCell[][] = [];
  const re = /<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const attrs = m[1];
    const ref = attr(attrs, 'r');
    let r: number;
    let c: number;
    if (ref) {
      r = rowIndex(ref);
      c = colIndex(ref);
    } else {
      // Cells without r (allowed by the spec) are not worth guessing: let SheetJS handle it.
      return null;
    }
    if (r >= maxRows) return { rows, truncated: true };
    if (c < 0 || c >= maxCols || r < 0) continue;
    if (m[2] === '/>') continue;
    const body = m[3] ?? '';
    const t = attr(attrs, 't');
    let value: GridCell = null;
    if (t === 'inlineStr') value = runsText(body);
    else {
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
      if (!v) {
        if (body.indexOf('<f') >= 0) return null; // a formula without a cached value
        continue;
      }
      const raw = v[1];
      if (t === 's') value = sst[Number(raw)] ?? null;
      else if (t === 'str') value = unescapeXml(raw);
      else if (t === 'b') value = raw === '1' ? 'true' : 'false';
      else if (t === 'e') value = null;
      else if (t === 'd') value = unescapeXml(raw).slice(0, 10);
      else {
        const n = Number(raw);
        value = Number.isFinite(n) ? n : null;
      }
    }
    if (value === '') value = null;
    let row = rows[r];
    if (!row) {
      row = [];
      rows[r] = row;
    }
    row[c] = value;
  }
  // Missing rows become empty arrays (cheap); missing cells stay holes that readers treat as null,
  // so a hostile sheet with one far-away cell costs one small array per row, not rows × columns.
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { rows, truncated: false };
}

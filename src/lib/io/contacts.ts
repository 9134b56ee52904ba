/**
 * Contact log import for continuity (domain.md §6): CSV or xlsx with a pseudonymous patient key,
 * date, doctor key and contact type (and optionally the patient's named doctor).
 *
 * Built for a million rows: the CSV path is a single pass over the decoded string with charCodeAt,
 * no split(), no per-row objects; dates are parsed from character codes; keys are interned into
 * indexes of a columnar ContactLog (typed arrays, src/lib/engine/followup/contactLog.ts).
 *
 * Personal identity numbers: patient keys that look like personnummer are replaced on the spot by
 * salted in-memory pseudonyms (ContactLogBuilder) and the user is told how many; they are never
 * stored and never returned. A doctor column holding personnummer is refused (it is a mapping error).
 * All-or-nothing: any error in a row returns `{ ok: false, errors }` naming row and column.
 */
import * as XLSX from 'xlsx';
import { looksLikePersonnummer } from '../engine/personnummer';
import { formatNumber } from '../engine/format';
import {
  ContactLogBuilder,
  contactTypeCode,
  daysInMonth,
  dayNumber,
  pseudonym,
  type ContactLog,
  type ContactTypeCode,
} from '../engine/followup/index';
import { CONTACTS_IO } from '../strings/followup.sv';
import type { IoMessage } from './messages';
import type { ProgressCallback } from './protocol';

export type ContactColumn = 'patient' | 'date' | 'doctor' | 'type' | 'named';
export const CONTACT_COLUMNS: readonly ContactColumn[] = ['patient', 'date', 'doctor', 'type', 'named'];

export interface ParseContactsOptions {
  /** 0-based column per field; missing fields are found from the header row. */
  columns?: Partial<Record<ContactColumn, number>>;
  /** Session salt for pseudonyms of personnummer keys (kept in memory only). */
  salt?: string;
  /** xlsx: sheet to read; default the first sheet with data. */
  sheet?: string;
  onProgress?: ProgressCallback;
}

export type ParseContactsResult =
  | {
      ok: true;
      log: ContactLog;
      format: 'csv' | 'xlsx';
      headers: string[];
      columns: Partial<Record<ContactColumn, number>>;
      /** Distinct patient keys that were personnummer and replaced by pseudonyms. */
      pseudonymised: number;
      /** Contacts whose type was not recognised (counted as "other"). */
      unknownTypeContacts: number;
      warnings: IoMessage[];
    }
  | {
      ok: false;
      errors: IoMessage[];
      /** Present when required columns could not be found: the header row and the guess, so the user can map them. */
      mapping?: { headers: string[]; columns: Partial<Record<ContactColumn, number>> };
    };

const MAX_ROWS = 5_000_000;
const MAX_ERRORS = 20;
const BAD_DAY = -1e9;

function norm(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Guesses the columns from header names (Swedish or English). */
export function guessContactColumns(headers: readonly string[]): Partial<Record<ContactColumn, number>> {
  const out: Partial<Record<ContactColumn, number>> = {};
  const tests: [ContactColumn, RegExp][] = [
    ['named', /(^| )(fast|named|flk|listningslakare|listad hos|ansvarig)( |$)|fastlakare|namngiven/],
    ['type', /(^| )(typ|type|kontakttyp|kontaktsatt|kontaktform|kanal|contact type)( |$)|kontakttyp|kontaktform/],
    ['date', /(^| )(datum|date|dag|kontaktdatum|tidpunkt|besoksdatum)( |$)|datum/],
    ['doctor', /(^| )(lakare|doctor|vardgivare|hsa|hsa id|behandlare|provider|clinician|gp|lakarnyckel|lakar id)( |$)|lakare|doctor/],
    ['patient', /(^| )(patient|pat|patientnyckel|patient id|patientid|pseudonym|nyckel|lopnummer|lopnr|id|personnummer|pnr)( |$)|patient/],
  ];
  headers.forEach((raw, i) => {
    const h = norm(raw);
    if (!h) return;
    for (const [col, re] of tests) {
      if (out[col] !== undefined) continue;
      if (re.test(h)) {
        out[col] = i;
        return;
      }
    }
  });
  return out;
}

function decode(bytes: Uint8Array): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

function isZipOrOle(b: Uint8Array): boolean {
  return (b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
}

/** Digit value of s[i], or -1. */
function dg(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}

/** Day number of "YYYY-MM-DD", "YYYY/MM/DD", "YYYYMMDD" (optionally followed by a time) in s[a, b); BAD_DAY if not a date. */
function dayFromChars(s: string, a: number, b: number): number {
  while (a < b && s.charCodeAt(a) === 32) a++;
  const n = b - a;
  if (n < 8) return BAD_DAY;
  const y = dg(s, a) * 1000 + dg(s, a + 1) * 100 + dg(s, a + 2) * 10 + dg(s, a + 3);
  let mo: number;
  let dd: number;
  let end: number;
  const sep = s.charCodeAt(a + 4);
  if (sep === 45 || sep === 47 || sep === 46) {
    if (n < 10 || s.charCodeAt(a + 7) !== sep) return BAD_DAY;
    mo = dg(s, a + 5) * 10 + dg(s, a + 6);
    dd = dg(s, a + 8) * 10 + dg(s, a + 9);
    end = 10;
  } else {
    mo = dg(s, a + 4) * 10 + dg(s, a + 5);
    dd = dg(s, a + 6) * 10 + dg(s, a + 7);
    end = 8;
  }
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || dd < 1 || dd > daysInMonth(y, mo)) return BAD_DAY;
  if (n > end) {
    const c = s.charCodeAt(a + end);
    if (c !== 32 && c !== 84 /* T */) {
      for (let i = a + end; i < b; i++) if (s.charCodeAt(i) !== 32) return BAD_DAY;
    }
  }
  return dayNumber(y, mo, dd);
}


interface Sink {
  builder: ContactLogBuilder;
  errors: IoMessage[];
  extraErrors: number;
  unknownTypeContacts: number;
  unknownTypeExamples: Set<string>;
  typeCache: Map<string, ContactTypeCode>;
  hasType: boolean;
  hasNamed: boolean;
  sheet: string;
  headers: string[];
  columns: Partial<Record<ContactColumn, number>>;
}

function err(sink: Sink, row: number, col: ContactColumn | null, message: string): void {
  if (sink.errors.length >= MAX_ERRORS) {
    sink.extraErrors++;
    return;
  }
  const idx = col === null ? undefined : sink.columns[col];
  const column = idx === undefined ? null : sink.headers[idx] || XLSX.utils.encode_col(idx);
  sink.errors.push({ sheet: sink.sheet, row, column, message });
}

/** Code of a type cell (no counting); remembers up to four unrecognised examples for the message. */
function typeCodeOf(sink: Sink, raw: string): ContactTypeCode {
  const c = contactTypeCode(raw);
  if (c === 4 && raw.trim() && sink.unknownTypeExamples.size < 4 && !looksLikePersonnummer(raw)) sink.unknownTypeExamples.add(raw.trim());
  return c;
}

function typeCode(sink: Sink, raw: string): ContactTypeCode {
  let c = sink.typeCache.get(raw);
  if (c === undefined) {
    c = typeCodeOf(sink, raw);
    sink.typeCache.set(raw, c);
  }
  if (c === 4) sink.unknownTypeContacts++;
  return c;
}

/** One data row; `day` already parsed (BAD_DAY when malformed, `dateText` for the message). */
function acceptRow(sink: Sink, row: number, patient: string, doctor: string, day: number, dateText: string, type: string, named: string): void {
  const t = CONTACTS_IO;
  const p = patient.trim();
  const d = doctor.trim();
  if (!p) return err(sink, row, 'patient', t.emptyCell(t.columnNames.patient));
  if (!d) return err(sink, row, 'doctor', t.emptyCell(t.columnNames.doctor));
  if (day === BAD_DAY) {
    const shown = looksLikePersonnummer(dateText) ? '••••••-••••' : dateText.trim().slice(0, 40);
    return err(sink, row, 'date', shown ? t.badDate(shown) : t.emptyCell(t.columnNames.date));
  }
  if (sink.errors.length) return; // all-or-nothing: once broken, only look for more errors
  const b = sink.builder;
  const pi = b.patientIndexOf(p);
  b.add(pi, b.doctorIndexOf(d), day, sink.hasType ? typeCode(sink, type) : 0);
  if (sink.hasNamed) {
    const nd = named.trim();
    if (nd) b.setNamed(pi, b.doctorIndexOf(nd), day);
  }
}

function finish(sink: Sink, format: 'csv' | 'xlsx'): ParseContactsResult {
  const t = CONTACTS_IO;
  if (sink.extraErrors) sink.errors.push({ sheet: sink.sheet, row: null, column: null, message: t.tooManyErrors(sink.extraErrors) });
  if (sink.errors.length) return { ok: false, errors: sink.errors };
  const b = sink.builder;
  if (b.count === 0) return { ok: false, errors: [{ sheet: sink.sheet, row: null, column: null, message: t.empty }] };
  if (b.doctorKeys.some((k) => looksLikePersonnummer(k))) {
    return { ok: false, errors: [{ sheet: sink.sheet, row: null, column: sink.headers[sink.columns.doctor!] ?? null, message: t.doctorPersonnummer }] };
  }
  const warnings: IoMessage[] = [];
  if (b.pseudonymised) warnings.push({ sheet: sink.sheet, row: null, column: sink.headers[sink.columns.patient!] ?? null, message: t.pseudonymised(formatNumber(b.pseudonymised)) });
  if (sink.unknownTypeContacts)
    warnings.push({
      sheet: sink.sheet,
      row: null,
      column: sink.headers[sink.columns.type!] ?? null,
      message: t.otherTypes(formatNumber(sink.unknownTypeContacts), [...sink.unknownTypeExamples].map((x) => `”${x}”`).join(', ')),
    });
  if (b.namedConflicts) warnings.push({ sheet: sink.sheet, row: null, column: sink.headers[sink.columns.named!] ?? null, message: t.conflictingNamed(formatNumber(b.namedConflicts)) });
  if (!sink.hasType) warnings.push({ sheet: sink.sheet, row: null, column: null, message: t.noTypeColumn });
  if (sink.hasNamed) b.enableNamed();
  return {
    ok: true,
    log: b.build(),
    format,
    headers: sink.headers,
    columns: sink.columns,
    pseudonymised: b.pseudonymised,
    unknownTypeContacts: sink.unknownTypeContacts,
    warnings,
  };
}

function makeSink(sheet: string, headers: string[], options: ParseContactsOptions, expected: number): Sink | IoMessage[] {
  const t = CONTACTS_IO;
  const columns = { ...guessContactColumns(headers), ...(options.columns ?? {}) };
  for (const k of Object.keys(columns) as ContactColumn[]) {
    const v = columns[k];
    if (v === undefined || v < 0 || v >= Math.max(headers.length, 1) + 200) delete columns[k];
  }
  const missing = (['patient', 'date', 'doctor'] as const).filter((c) => columns[c] === undefined);
  if (missing.length) return missing.map((c) => ({ sheet, row: 1, column: null, message: t.missingColumn(t.columnNames[c]) }));
  return {
    builder: new ContactLogBuilder(expected, options.salt ?? ''),
    errors: [],
    extraErrors: 0,
    unknownTypeContacts: 0,
    unknownTypeExamples: new Set(),
    typeCache: new Map(),
    hasType: columns.type !== undefined,
    hasNamed: columns.named !== undefined,
    sheet,
    headers,
    columns,
  };
}

function detectDelimiter(line: string): ';' | ',' | '\t' {
  const count = (ch: string) => line.split(ch).length - 1;
  const semi = count(';');
  const tab = count('\t');
  const comma = count(',');
  if (tab > semi && tab > comma) return '\t';
  return semi >= comma && semi > 0 ? ';' : comma > 0 ? ',' : ';';
}

/** Reads one (possibly quoted) field starting at `pos`; returns [value, nextPos]. Slow path for quotes only. */
function readQuoted(s: string, pos: number): [string, number] {
  let out = '';
  let i = pos + 1;
  for (;;) {
    const q = s.indexOf('"', i);
    if (q < 0) return [out + s.slice(i), s.length];
    out += s.slice(i, q);
    if (s.charCodeAt(q + 1) === 34) {
      out += '"';
      i = q + 2;
    } else {
      return [out, q + 1];
    }
  }
}

/**
 * Interns keys straight from character ranges of the source text, so a key that was seen before
 * costs no substring and no Map lookup: only the first occurrence of each key becomes a string.
 * Open addressing; each slot holds [hash, value + 1, offset, length] side by side in one Int32Array
 * and the key characters live in one flat Uint16Array pool, so a lookup touches two memory places
 * (the slot and the pooled characters) — with 100 000+ patients, cache misses are the cost.
 */
class RangeInterner {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint16Array(1 << 16);
  private poolLen = 0;
  private n = 0;
  private lastHash = 0;

  constructor(bits = 16) {
    this.slots = new Int32Array(4 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** FNV-1a over the char codes plus a final avalanche so the low bits (the slot) are well mixed. */
  private static hash(s: string, a: number, b: number): number {
    let h = -2128831035;
    for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h ^= h >>> 16;
    h = Math.imul(h, 0x45d9f3b);
    return h ^ (h >>> 16);
  }

  /** Value for s[a, b), or -1. */
  find(s: string, a: number, b: number): number {
    const h = RangeInterner.hash(s, a, b);
    this.lastHash = h;
    const len = b - a;
    const slots = this.slots;
    const pool = this.pool;
    let i = h & this.mask;
    for (;;) {
      const at = i << 2;
      const v = slots[at + 1];
      if (v === 0) return -1;
      if (slots[at] === h && slots[at + 3] === len) {
        const off = slots[at + 2];
        let j = 0;
        while (j < len && pool[off + j] === s.charCodeAt(a + j)) j++;
        if (j === len) return v - 1;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the range last passed to find() with `val`. */
  insert(s: string, a: number, b: number, val: number): void {
    const len = b - a;
    if (this.poolLen + len > this.pool.length) {
      const next = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      next.set(this.pool);
      this.pool = next;
    }
    const off = this.poolLen;
    for (let j = 0; j < len; j++) this.pool[off + j] = s.charCodeAt(a + j);
    this.poolLen += len;
    this.n++;
    if (this.n * 2 > this.mask + 1) this.grow();
    this.place(this.lastHash, val, off, len);
  }

  private place(h: number, val: number, off: number, len: number): void {
    let i = h & this.mask;
    while (this.slots[(i << 2) + 1] !== 0) i = (i + 1) & this.mask;
    const at = i << 2;
    this.slots[at] = h;
    this.slots[at + 1] = val + 1;
    this.slots[at + 2] = off;
    this.slots[at + 3] = len;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) this.place(old[at], old[at + 1] - 1, old[at + 2], old[at + 3]);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** The CSV path: one pass, fields located by index; only first occurrences of keys become strings. */
function parseCsv(text: string, options: ParseContactsOptions): ParseContactsResult {
  const t = CONTACTS_IO;
  const sheet = t.sheetCsv;
  const len = text.length;
  let firstEnd = text.indexOf('\n');
  if (firstEnd < 0) firstEnd = len;
  const headerLine = text.slice(0, firstEnd).replace(/\r$/, '');
  if (!headerLine.trim()) return { ok: false, errors: [{ sheet, row: 1, column: null, message: t.noHeader }] };
  const delim = detectDelimiter(headerLine);
  const D = delim.charCodeAt(0);
  const headers: string[] = [];
  {
    let p = 0;
    while (p <= headerLine.length) {
      if (headerLine.charCodeAt(p) === 34) {
        const [v, np] = readQuoted(headerLine, p);
        headers.push(v);
        p = np + 1;
      } else {
        let e = headerLine.indexOf(delim, p);
        if (e < 0) e = headerLine.length;
        headers.push(headerLine.slice(p, e));
        p = e + 1;
      }
    }
  }
  // Row estimate for the typed arrays from the first 20 000 characters.
  const sampleEnd = Math.min(len, firstEnd + 1 + 20000);
  let sampleRows = 0;
  for (let i = firstEnd + 1; i < sampleEnd; i++) if (text.charCodeAt(i) === 10) sampleRows++;
  const expected = sampleRows > 0 ? Math.ceil(((len - firstEnd) / (sampleEnd - firstEnd)) * sampleRows * 1.05) + 16 : 1024;
  const made = makeSink(sheet, headers, options, expected);
  if (Array.isArray(made)) return { ok: false, errors: made, mapping: { headers, columns: { ...guessContactColumns(headers), ...(options.columns ?? {}) } } };
  const sink = made;
  const b = sink.builder;
  const c = sink.columns;
  const cP = c.patient!;
  const cD = c.doctor!;
  const cT = c.date!;
  const cY = c.type ?? -1;
  const cN = c.named ?? -1;
  const maxCol = Math.max(cP, cD, cT, cY, cN);
  const onProgress = options.onProgress;
  const patients = new RangeInterner(16);
  const doctors = new RangeInterner(8);
  const types = new RangeInterner(6);

  // Per row: [start, end) of each wanted field in `text`, or its unquoted value when it was quoted.
  const NF = 5; // patient, doctor, date, type, named
  const fa = new Int32Array(NF);
  const fb = new Int32Array(NF);
  const fq: (string | null)[] = [null, null, null, null, null];
  const slotOf = new Int8Array(maxCol + 1).fill(-1);
  slotOf[cP] = 0;
  slotOf[cD] = 1;
  slotOf[cT] = 2;
  if (cY >= 0) slotOf[cY] = 3;
  if (cN >= 0) slotOf[cN] = 4;

  /** Index of the key in field `f` (trimmed); -2 when empty. */
  const intern = (f: number, table: RangeInterner, add: (key: string) => number): number => {
    const q = fq[f];
    let src = text;
    let a = fa[f];
    let e = fb[f];
    if (q !== null) {
      src = q;
      a = 0;
      e = q.length;
    }
    while (a < e && isSpace(src.charCodeAt(a))) a++;
    while (e > a && isSpace(src.charCodeAt(e - 1))) e--;
    if (a === e) return -2;
    const hit = table.find(src, a, e);
    if (hit >= 0) return hit;
    const v = add(src.slice(a, e));
    table.insert(src, a, e, v);
    return v;
  };
  const addPatient = (k: string) => b.patientIndexOf(k);
  const addDoctor = (k: string) => b.doctorIndexOf(k);
  const addType = (k: string) => typeCodeOf(sink, k);
  const fieldText = (f: number) => fq[f] ?? text.slice(fa[f], fb[f]);

  let pos = firstEnd + 1;
  let row = 1;
  while (pos < len) {
    row++;
    if (row > MAX_ROWS + 1) return { ok: false, errors: [{ sheet, row: null, column: null, message: t.tooManyRows(formatNumber(MAX_ROWS)) }] };
    if ((row & 0xffff) === 0 && onProgress) onProgress({ phase: 'parse', done: pos, total: len });
    const c0 = text.charCodeAt(pos);
    if (c0 === 10) {
      pos++;
      continue;
    }
    if (c0 === 13 && text.charCodeAt(pos + 1) === 10) {
      pos += 2;
      continue;
    }
    for (let f = 0; f < NF; f++) {
      fa[f] = fb[f] = 0;
      fq[f] = null;
    }
    let col = 0;
    for (;;) {
      const a = pos;
      let quoted: string | null = null;
      if (text.charCodeAt(pos) === 34) {
        const r = readQuoted(text, pos);
        quoted = r[0];
        pos = r[1];
      }
      while (pos < len) {
        const ch = text.charCodeAt(pos);
        if (ch === D || ch === 10 || ch === 13) break;
        pos++;
      }
      if (col <= maxCol) {
        const f = slotOf[col];
        if (f >= 0) {
          fa[f] = a;
          fb[f] = pos;
          fq[f] = quoted;
        }
      }
      col++;
      if (pos >= len) break;
      const ch = text.charCodeAt(pos);
      if (ch === D) {
        pos++;
        continue;
      }
      if (ch === 13) pos++;
      if (text.charCodeAt(pos) === 10) pos++;
      break;
    }
    const day = fq[2] !== null ? dayFromChars(fq[2]!, 0, fq[2]!.length) : dayFromChars(text, fa[2], fb[2]);
    if (sink.errors.length || day === BAD_DAY) {
      // Slow path: blank lines, bad rows, or looking for more errors after the first.
      const pv = fieldText(0);
      const dv = fieldText(1);
      const tv = fieldText(2);
      const yv = cY >= 0 ? fieldText(3) : '';
      if (!pv.trim() && !dv.trim() && !tv.trim() && !yv.trim()) continue;
      acceptRow(sink, row, pv, dv, day, tv, yv, cN >= 0 ? fieldText(4) : '');
      continue;
    }
    const pi = intern(0, patients, addPatient);
    const di = intern(1, doctors, addDoctor);
    if (pi === -2 || di === -2) {
      const pv = fieldText(0);
      const dv = fieldText(1);
      if (!pv.trim() && !dv.trim() && !fieldText(2).trim()) continue;
      acceptRow(sink, row, pv, dv, day, '', cY >= 0 ? fieldText(3) : '', '');
      continue;
    }
    let ty = 0;
    if (cY >= 0) {
      ty = intern(3, types, addType);
      if (ty === -2) ty = 4;
      if (ty === 4) sink.unknownTypeContacts++;
    }
    b.add(pi, di, day, ty as ContactTypeCode);
    if (cN >= 0) {
      const ni = intern(4, doctors, addDoctor);
      if (ni >= 0) b.setNamed(pi, ni, day);
    }
  }
  onProgress?.({ phase: 'parse', done: len, total: len });
  return finish(sink, 'csv');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return String(v);
}

function parseXlsx(bytes: Uint8Array, options: ParseContactsOptions): ParseContactsResult {
  const t = CONTACTS_IO;
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false });
  } catch {
    return { ok: false, errors: [{ sheet: '', row: null, column: null, message: t.unreadable }] };
  }
  const name =
    (options.sheet && wb.SheetNames.includes(options.sheet) ? options.sheet : undefined) ??
    wb.SheetNames.find((n) => {
      const ref = wb.Sheets[n]?.['!ref'];
      return ref && ref !== 'A1';
    }) ??
    wb.SheetNames[0];
  const ws = wb.Sheets[name];
  if (!ws) return { ok: false, errors: [{ sheet: name ?? '', row: null, column: null, message: t.empty }] };
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  if (rows.length > MAX_ROWS + 1) return { ok: false, errors: [{ sheet: name, row: null, column: null, message: t.tooManyRows(formatNumber(MAX_ROWS)) }] };
  const headerIdx = rows.findIndex((r) => Array.isArray(r) && r.some((v) => cellText(v).trim() !== ''));
  if (headerIdx < 0) return { ok: false, errors: [{ sheet: name, row: null, column: null, message: t.empty }] };
  const headers = (rows[headerIdx] as unknown[]).map(cellText);
  const made = makeSink(name, headers, options, rows.length);
  if (Array.isArray(made))
    return {
      ok: false,
      errors: made.map((m) => ({ ...m, row: headerIdx + 1 })),
      mapping: { headers, columns: { ...guessContactColumns(headers), ...(options.columns ?? {}) } },
    };
  const sink = made;
  const c = sink.columns;
  const total = rows.length;
  for (let r = headerIdx + 1; r < total; r++) {
    if ((r & 0xffff) === 0) options.onProgress?.({ phase: 'parse', done: r, total });
    const row = rows[r] as unknown[] | undefined;
    if (!row || row.every((v) => cellText(v).trim() === '')) continue;
    const dateCell = row[c.date!];
    let day = BAD_DAY;
    let dateText = '';
    if (typeof dateCell === 'number' && Number.isFinite(dateCell) && dateCell > 0 && dateCell < 200000) {
      day = Math.floor(dateCell) - 25569; // Excel serial (1900 system) → days since 1970-01-01
    } else {
      dateText = cellText(dateCell);
      day = dayFromChars(dateText, 0, dateText.length);
    }
    acceptRow(
      sink,
      r + 1,
      cellText(row[c.patient!]),
      cellText(row[c.doctor!]),
      day,
      dateText,
      c.type !== undefined ? cellText(row[c.type]) : '',
      c.named !== undefined ? cellText(row[c.named]) : '',
    );
  }
  options.onProgress?.({ phase: 'parse', done: total, total });
  return finish(sink, 'xlsx');
}

function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/**
 * Reads a contact log (CSV with ; , or tab, UTF-8 or Windows-1252; or xlsx/xls). Never throws on
 * bad input: problems come back as `{ ok: false, errors }` with sheet, row and column.
 */
export function parseContactLog(input: ArrayBuffer | Uint8Array | string, options: ParseContactsOptions = {}): ParseContactsResult {
  try {
    if (typeof input === 'string') return parseCsv(input.replace(/^\ufeff/, ''), options);
    const bytes = toBytes(input);
    if (bytes.length === 0) return { ok: false, errors: [{ sheet: '', row: null, column: null, message: CONTACTS_IO.empty }] };
    options.onProgress?.({ phase: 'read', done: 0, total: bytes.length });
    if (isZipOrOle(bytes)) return parseXlsx(bytes, options);
    return parseCsv(decode(bytes), options);
  } catch {
    return { ok: false, errors: [{ sheet: '', row: null, column: null, message: CONTACTS_IO.unreadable }] };
  }
}

export type ParseNamedMappingResult =
  | { ok: true; pairs: { patientKey: string; doctorKey: string }[]; pseudonymised: number; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };

/**
 * A separate named-doctor file: one row per patient with the patient key and the named doctor
 * (columns found like the contact log: patient + läkare / fast läkarkontakt). Personnummer keys are
 * replaced with the same salted pseudonyms as the contact log of the same session.
 */
export function parseNamedMapping(input: ArrayBuffer | Uint8Array | string, options: { salt?: string } = {}): ParseNamedMappingResult {
  const t = CONTACTS_IO;
  let rows: string[][];
  let sheet = t.sheetCsv;
  try {
    if (typeof input !== 'string' && isZipOrOle(toBytes(input))) {
      const wb = XLSX.read(toBytes(input), { type: 'array', dense: true });
      sheet = wb.SheetNames[0];
      rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: false, defval: '', blankrows: true }).map((r) => r.map(cellText));
    } else {
      const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decode(toBytes(input));
      const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
      const delim = detectDelimiter(first);
      rows = text.split(/\r?\n/).map((line) => line.split(delim).map((v) => v.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
    }
  } catch {
    return { ok: false, errors: [{ sheet, row: null, column: null, message: t.unreadable }] };
  }
  const headers = rows[0] ?? [];
  const g = guessContactColumns(headers);
  const pc = g.patient;
  const dc = g.named ?? g.doctor;
  const errors: IoMessage[] = [];
  if (pc === undefined) errors.push({ sheet, row: 1, column: null, message: t.missingColumn(t.columnNames.patient) });
  if (dc === undefined) errors.push({ sheet, row: 1, column: null, message: t.missingColumn(t.columnNames.named) });
  if (errors.length) return { ok: false, errors };
  const pairs: { patientKey: string; doctorKey: string }[] = [];
  const seenPnr = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const p = (rows[r][pc!] ?? '').trim();
    const d = (rows[r][dc!] ?? '').trim();
    if (!p || !d) continue;
    if (looksLikePersonnummer(d)) return { ok: false, errors: [{ sheet, row: r + 1, column: headers[dc!] ?? null, message: t.doctorPersonnummer }] };
    let key = p;
    if (looksLikePersonnummer(p)) {
      key = pseudonym(p, options.salt ?? '');
      seenPnr.add(key);
    }
    pairs.push({ patientKey: key, doctorKey: d });
  }
  if (!pairs.length) return { ok: false, errors: [{ sheet, row: null, column: null, message: t.mappingNoRows }] };
  const warnings: IoMessage[] = [];
  if (seenPnr.size) warnings.push({ sheet, row: null, column: headers[pc!] ?? null, message: t.pseudonymised(formatNumber(seenPnr.size)) });
  return { ok: true, pairs, pseudonymised: seenPnr.size, warnings };
}

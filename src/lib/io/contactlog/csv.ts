/**
 * The CSV path of the contact log: the bytes are decoded and read in chunks by the one toolkit
 * (io/tabular: decoder, delimiter detector, streaming RFC 4180 reader), so memory holds one chunk
 * of text instead of the whole file as a string. Fields are character ranges of the chunk; keys
 * that were seen before are found by range (RangeInterner) and cost no substring. Only first
 * occurrences, quoted fields and bad rows take the slow path through strings.
 */
import type { ContactTypeCode } from '../../engine/followup/index';
import { CONTACTS_IO } from '../../strings/followup.sv';
import { FILE_LIMITS, Deadline, limitMessage } from '../limits';
import type { ProgressCallback } from '../progress';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { CsvStream, decodeChunked, detectDelimiter, type CsvRecord } from '../tabular/index';
import type { ContactColumn } from './columns';
import { BAD_DAY, dayFromChars } from './dates';
import { RangeInterner } from './interner';
import { acceptAge, acceptNursingHome, acceptRow, finish, makeSink, typeCodeOf, type ContactsFailure, type ParseContactsResult, type Sink } from './sink';

export interface CsvLogOptions {
  columns?: Partial<Record<ContactColumn, number>>;
  salt: string;
  onProgress?: ProgressCallback;
  deadline?: number;
}

const MAX_ROWS = FILE_LIMITS.contacts.rows;
/** `slow` parses the date itself. */
const NO_DAY = -2e9;
/** Slots of the wanted fields in the slow path's arrays. */
const [F_PATIENT, F_DOCTOR, F_DATE, F_TYPE, F_NAMED, F_UNIT, F_AGE, F_NH, NF] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Index of the key in a field (trimmed): the field is `src[a, e)`, or `q` when it was quoted; -2 when
 * empty. A key seen before is found by its characters (no substring); only a first occurrence is added.
 */
function internAt(table: RangeInterner, src: string, q: string | null, a: number, e: number, add: (key: string) => number): number {
  let s = src;
  if (q !== null) {
    s = q;
    a = 0;
    e = q.length;
  }
  while (a < e && isSpace(s.charCodeAt(a))) a++;
  while (e > a && isSpace(s.charCodeAt(e - 1))) e--;
  if (a === e) return -2;
  const hit = table.find(s, a, e);
  if (hit >= 0) return hit;
  const v = add(s.slice(a, e));
  table.insert(s, a, e, v);
  return v;
}

/** Reads a contact log from the bytes of a text file; null when the bytes are not text. */
export function parseCsvBytes(bytes: Uint8Array, options: CsvLogOptions): ParseContactsResult | null {
  const r = decodeChunked(bytes, (chunks) => parseCsvChunks(chunks, bytes.length, options));
  return r ? r.value : null;
}

/**
 * Reads a contact log from text in chunks (`totalBytes` only estimates the rows and the progress).
 * The first record is the header row; the delimiter is detected on the first chunk.
 */
export function parseCsvChunks(chunks: Iterable<string>, totalBytes: number, options: CsvLogOptions): ParseContactsResult {
  const t = CONTACTS_IO;
  const sheet = t.sheetCsv;
  const onProgress = options.onProgress;
  const deadline = new Deadline('contacts', options.deadline);
  let stream: CsvStream | null = null;
  // Set inside the record callback (a holder, so the checks after the loop see them).
  const out: { failure: ContactsFailure | null; sink: Sink | null } = { failure: null, sink: null };
  let done = 0;

  // Per record: which field slot each wanted column fills (set once the header is read).
  let slotOf = new Int8Array(0);
  let maxCol = -1;
  const fa = new Int32Array(NF);
  const fb = new Int32Array(NF);
  const fq: (string | null)[] = new Array<string | null>(NF).fill(null);
  let src = '';
  const patients = new RangeInterner(16);
  const doctors = new RangeInterner(8);
  const types = new RangeInterner(6);
  const units = new RangeInterner(6);
  let cY = -1;
  let cN = -1;
  let cU = -1;
  let cA = -1;
  let cH = -1;

  const fieldText = (f: number) => fq[f] ?? src.slice(fa[f], fb[f]);
  let cP = -1;
  let cD = -1;
  let cT = -1;

  const onHeader = (rec: CsvRecord): boolean => {
    const headers = rec.fields();
    if (headers.every((h) => h.trim() === '')) {
      out.failure = { ok: false, errors: [{ sheet, row: 1, column: null, message: t.noHeader }] };
      return false;
    }
    // Typed arrays sized from the file: about 45 bytes a row in a typical export.
    const expected = Math.ceil(totalBytes / 45) + 1024;
    const made = makeSink(sheet, 1, headers, options.columns, expected, options.salt);
    if ('ok' in made) {
      out.failure = made;
      return false;
    }
    out.sink = made;
    const c = made.columns;
    cP = c.patient!;
    cD = c.doctor!;
    cT = c.date!;
    cY = c.type ?? -1;
    cN = c.named ?? -1;
    cU = c.unit ?? -1;
    cA = c.age ?? -1;
    cH = c.nursingHome ?? -1;
    maxCol = Math.max(c.patient!, c.doctor!, c.date!, cY, cN, cU, cA, cH);
    slotOf = new Int8Array(maxCol + 1).fill(-1);
    slotOf[c.patient!] = F_PATIENT;
    slotOf[c.doctor!] = F_DOCTOR;
    slotOf[c.date!] = F_DATE;
    if (cY >= 0) slotOf[cY] = F_TYPE;
    if (cN >= 0) slotOf[cN] = F_NAMED;
    if (cU >= 0) slotOf[cU] = F_UNIT;
    if (cA >= 0) slotOf[cA] = F_AGE;
    if (cH >= 0) slotOf[cH] = F_NH;
    return true;
  };

  // Allocated once: a closure per record would be a million allocations.
  const addPatient = (k: string) => out.sink!.builder.patientIndexOf(k);
  const addDoctor = (k: string) => out.sink!.builder.doctorIndexOf(k);
  const addType = (k: string) => typeCodeOf(out.sink!, k);
  const addUnit = (k: string) => out.sink!.builder.unitIndexOf(k);
  /** Bad rows, first errors, blank lines, short rows: the fields as strings. */
  const slow = (s: Sink, rec: CsvRecord, row: number, day: number) => {
    for (let f = 0; f < NF; f++) {
      fa[f] = fb[f] = 0;
      fq[f] = null;
    }
    const n = Math.min(rec.count, maxCol + 1, rec.capacity);
    for (let col = 0; col < n; col++) {
      const f = slotOf[col];
      if (f < 0) continue;
      fa[f] = rec.start[col];
      fb[f] = rec.end[col];
      fq[f] = rec.quoted[col];
    }
    if (day === NO_DAY) {
      const q = fq[F_DATE];
      day = q !== null ? dayFromChars(q, 0, q.length) : dayFromChars(src, fa[F_DATE], fb[F_DATE]);
    }
    const text = {
      patient: fieldText(F_PATIENT),
      doctor: fieldText(F_DOCTOR),
      date: fieldText(F_DATE),
      type: cY >= 0 ? fieldText(F_TYPE) : '',
      named: cN >= 0 ? fieldText(F_NAMED) : '',
      unit: cU >= 0 ? fieldText(F_UNIT) : '',
      age: cA >= 0 ? fieldText(F_AGE) : '',
      nursingHome: cH >= 0 ? fieldText(F_NH) : '',
    };
    // A blank line (or only separators) is skipped, as a spreadsheet shows an empty row.
    if (!text.patient.trim() && !text.doctor.trim() && !text.date.trim() && !text.type.trim()) return;
    acceptRow(s, row, text, day);
  };

  const onRecord = (rec: CsvRecord, row: number): boolean => {
    if (row === 1) return onHeader(rec);
    const s = out.sink!;
    if (row > MAX_ROWS) {
      out.failure = { ok: false, errors: [limitMessage.tooManyRows('contacts', sheet)] };
      return false;
    }
    if ((row & 0xffff) === 0) {
      onProgress?.({ phase: 'parse', done, total: totalBytes });
      if (deadline.passed()) {
        out.failure = { ok: false, errors: [limitMessage.tooSlow('contacts', sheet, row)] };
        return false;
      }
    }
    src = rec.source;
    // The fast path reads the fields where the reader found them; anything unusual takes `slow`.
    if (s.errors.length || rec.count <= maxCol || maxCol >= rec.capacity) {
      slow(s, rec, row, NO_DAY);
      return true;
    }
    const st = rec.start;
    const en = rec.end;
    const qt = rec.quoted;
    const qd = qt[cT];
    const day = qd !== null ? dayFromChars(qd, 0, qd.length) : dayFromChars(src, st[cT], en[cT]);
    if (day === BAD_DAY) {
      slow(s, rec, row, day);
      return true;
    }
    const b = s.builder;
    const pi = internAt(patients, src, qt[cP], st[cP], en[cP], addPatient);
    const di = internAt(doctors, src, qt[cD], st[cD], en[cD], addDoctor);
    if (pi === -2 || di === -2) {
      slow(s, rec, row, day);
      return true;
    }
    let ty = 0;
    if (cY >= 0) {
      ty = internAt(types, src, qt[cY], st[cY], en[cY], addType);
      if (ty === -2) ty = 4;
      if (ty === 4) s.unknownTypeContacts++;
    }
    const ui = cU >= 0 ? internAt(units, src, qt[cU], st[cU], en[cU], addUnit) : -1;
    b.add(pi, di, day, ty as ContactTypeCode, ui < 0 ? -1 : ui);
    if (cN >= 0) {
      const ni = internAt(doctors, src, qt[cN], st[cN], en[cN], addDoctor);
      if (ni >= 0) b.setNamed(pi, ni, day);
    }
    if (cA >= 0) acceptAge(s, pi, qt[cA] ?? src.slice(st[cA], en[cA]), day);
    if (cH >= 0) acceptNursingHome(s, pi, qt[cH] ?? src.slice(st[cH], en[cH]));
    return true;
  };

  for (const chunk of chunks) {
    if (!stream) stream = new CsvStream(detectDelimiter(chunk), onRecord);
    stream.push(chunk);
    done += chunk.length;
    if (stream.stopped) break;
  }
  if (stream && !stream.stopped) stream.end();
  if (out.failure) return out.failure;
  if (stream?.overlong) return { ok: false, errors: [{ sheet, row: stream.recordNo + 1, column: null, message: fill(IO_STRINGS.import.overlongRow, { row: stream.recordNo + 1 }) }] };
  if (!out.sink) return { ok: false, errors: [{ sheet, row: 1, column: null, message: t.noHeader }] };
  onProgress?.({ phase: 'parse', done: totalBytes, total: totalBytes });
  return finish(out.sink, 'csv');
}

/**
 * Where the rows of a contact log go, whatever the file format: the columnar ContactLogBuilder
 * (engine/followup/contactLog.ts), the errors (all-or-nothing, each with sheet, row and column) and
 * the counts the warnings report. Shared by the streaming CSV reader and the spreadsheet reader.
 */
import { formatNumber } from '../../engine/format';
import { ContactLogBuilder, contactTypeCode, type ContactLog, type ContactTypeCode } from '../../engine/followup/index';
import { looksLikePersonnummer } from '../../engine/personnummer';
import { CONTACTS_IO } from '../../strings/followup.sv';
import { maskedValue, type IoMessage } from '../messages';
import { colLetter } from '../workbook/layout';
import { BAD_DAY } from './dates';
import { guessContactColumns, type ContactColumn } from './columns';

/** Errors listed before the rest are counted ("… och 12 fel till"). */
const MAX_ERRORS = 20;

export interface ContactsSuccess {
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

export interface ContactsFailure {
  ok: false;
  errors: IoMessage[];
  /** Present when required columns could not be found: the header row and the guess, so the user can map them. */
  mapping?: { headers: string[]; columns: Partial<Record<ContactColumn, number>> };
}

export type ParseContactsResult = ContactsSuccess | ContactsFailure;

export interface Sink {
  builder: ContactLogBuilder;
  errors: IoMessage[];
  extraErrors: number;
  unknownTypeContacts: number;
  unknownTypeExamples: Set<string>;
  typeCache: Map<string, ContactTypeCode>;
  hasType: boolean;
  hasNamed: boolean;
  hasUnit: boolean;
  /** An age or birth-year column (issue 16.1), and the cells that were neither. */
  hasAge: boolean;
  badAges: number;
  /** A SÄBO column (issue 16.5), and the cells that were neither yes nor no. */
  hasNursingHome: boolean;
  badNursingHome: number;
  sheet: string;
  headers: string[];
  columns: Partial<Record<ContactColumn, number>>;
}

/** Header of a column as written, or its letter. */
export function columnName(sink: Pick<Sink, 'headers' | 'columns'>, col: ContactColumn): string | null {
  const idx = sink.columns[col];
  return idx === undefined ? null : sink.headers[idx] || colLetter(idx);
}

export function err(sink: Sink, row: number, col: ContactColumn | null, message: string): void {
  if (sink.errors.length >= MAX_ERRORS) {
    sink.extraErrors++;
    return;
  }
  sink.errors.push({ sheet: sink.sheet, row, column: col === null ? null : columnName(sink, col), message });
}

/** Code of a type cell (no counting); remembers up to four unrecognised examples for the message. */
export function typeCodeOf(sink: Sink, raw: string): ContactTypeCode {
  const c = contactTypeCode(raw);
  if (c === 4 && raw.trim() && sink.unknownTypeExamples.size < 4 && !looksLikePersonnummer(raw)) sink.unknownTypeExamples.add(maskedValue(raw, 30));
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

/** The text fields of one row (the slow path: first occurrences, bad rows, spreadsheets). */
export interface RowText {
  patient: string;
  doctor: string;
  date: string;
  type: string;
  named: string;
  unit: string;
  /** The patient's age at the contact or birth year (optional column). */
  age: string;
  /** Whether the patient lives at a SÄBO (optional column: ja/nej, 1/0, x). */
  nursingHome: string;
}

/** One data row; `day` already parsed (BAD_DAY when malformed). */
export function acceptRow(sink: Sink, row: number, f: RowText, day: number): void {
  const t = CONTACTS_IO;
  const p = f.patient.trim();
  const d = f.doctor.trim();
  if (!p) return err(sink, row, 'patient', t.emptyCell(t.columnNames.patient));
  if (!d) return err(sink, row, 'doctor', t.emptyCell(t.columnNames.doctor));
  if (day === BAD_DAY) {
    const shown = maskedValue(f.date, 40);
    return err(sink, row, 'date', shown ? t.badDate(shown) : t.emptyCell(t.columnNames.date));
  }
  if (sink.errors.length) return; // all-or-nothing: once broken, only look for more errors
  const b = sink.builder;
  const pi = b.patientIndexOf(p);
  const unit = sink.hasUnit && f.unit.trim() ? b.unitIndexOf(f.unit.trim()) : -1;
  b.add(pi, b.doctorIndexOf(d), day, sink.hasType ? typeCode(sink, f.type) : 0, unit);
  if (sink.hasNamed) {
    const nd = f.named.trim();
    if (nd) b.setNamed(pi, b.doctorIndexOf(nd), day);
  }
  if (sink.hasAge) acceptAge(sink, pi, f.age, day);
  if (sink.hasNursingHome) acceptNursingHome(sink, pi, f.nursingHome);
}

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'x', 'sant', 'true', 'säbo', 'sabo']);
const NO = new Set(['nej', 'n', 'no', '0', 'falskt', 'false', '-']);

/** A SÄBO cell: yes marks the patient as a resident; empty or no leaves them; anything else is counted. */
export function acceptNursingHome(sink: Sink, patient: number, text: string): void {
  const t = text.trim().toLowerCase();
  if (!t || NO.has(t)) return;
  if (YES.has(t)) sink.builder.setNursingHome(patient);
  else sink.badNursingHome++;
}

/** An age or birth year cell: whole digits only; anything else is counted and the row kept without it. */
export function acceptAge(sink: Sink, patient: number, text: string, day: number): void {
  const t = text.trim();
  if (!t) return;
  const n = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
  if (!sink.builder.setAge(patient, n, day)) sink.badAges++;
}

export function finish(sink: Sink, format: 'csv' | 'xlsx'): ParseContactsResult {
  const t = CONTACTS_IO;
  if (sink.extraErrors) sink.errors.push({ sheet: sink.sheet, row: null, column: null, message: t.tooManyErrors(sink.extraErrors) });
  if (sink.errors.length) return { ok: false, errors: sink.errors };
  const b = sink.builder;
  if (b.count === 0) return { ok: false, errors: [{ sheet: sink.sheet, row: null, column: null, message: t.empty }] };
  if (b.doctorKeys.some((k) => looksLikePersonnummer(k))) {
    return { ok: false, errors: [{ sheet: sink.sheet, row: null, column: columnName(sink, 'doctor'), message: t.doctorPersonnummer }] };
  }
  const warnings: IoMessage[] = [];
  if (b.pseudonymised) warnings.push({ sheet: sink.sheet, row: null, column: columnName(sink, 'patient'), message: t.pseudonymised(formatNumber(b.pseudonymised)) });
  if (sink.unknownTypeContacts)
    warnings.push({
      sheet: sink.sheet,
      row: null,
      column: columnName(sink, 'type'),
      message: t.otherTypes(formatNumber(sink.unknownTypeContacts), [...sink.unknownTypeExamples].map((x) => `”${x}”`).join(', ')),
    });
  if (b.namedConflicts) warnings.push({ sheet: sink.sheet, row: null, column: columnName(sink, 'named'), message: t.conflictingNamed(formatNumber(b.namedConflicts)) });
  if (!sink.hasType) warnings.push({ sheet: sink.sheet, row: null, column: null, message: t.noTypeColumn });
  if (sink.badNursingHome) warnings.push({ sheet: sink.sheet, row: null, column: columnName(sink, 'nursingHome'), message: t.badNursingHome(formatNumber(sink.badNursingHome)) });
  if (sink.badAges) warnings.push({ sheet: sink.sheet, row: null, column: columnName(sink, 'age'), message: t.badAges(formatNumber(sink.badAges)) });
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

/** The sink for a header row, or the messages saying which required columns are missing (row 1 of the header). */
export function makeSink(sheet: string, headerRow: number, headers: string[], chosen: Partial<Record<ContactColumn, number>> | undefined, expected: number, salt: string): Sink | ContactsFailure {
  const t = CONTACTS_IO;
  const columns = { ...guessContactColumns(headers), ...(chosen ?? {}) };
  for (const k of Object.keys(columns) as ContactColumn[]) {
    const v = columns[k];
    if (v === undefined || v < 0 || v >= Math.max(headers.length, 1) + 200) delete columns[k];
  }
  const missing = (['patient', 'date', 'doctor'] as const).filter((c) => columns[c] === undefined);
  if (missing.length) {
    return {
      ok: false,
      errors: missing.map((c) => ({ sheet, row: headerRow, column: null, message: t.missingColumn(t.columnNames[c]) })),
      mapping: { headers, columns },
    };
  }
  return {
    builder: new ContactLogBuilder(expected, salt),
    errors: [],
    extraErrors: 0,
    unknownTypeContacts: 0,
    unknownTypeExamples: new Set(),
    typeCache: new Map(),
    hasType: columns.type !== undefined,
    hasNamed: columns.named !== undefined,
    hasUnit: columns.unit !== undefined,
    hasAge: columns.age !== undefined,
    badAges: 0,
    hasNursingHome: columns.nursingHome !== undefined,
    badNursingHome: 0,
    sheet,
    headers,
    columns,
  };
}

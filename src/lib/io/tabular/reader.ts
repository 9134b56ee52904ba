/**
 * The one reader of delimited text in io (issue 17.3): RFC 4180 — fields separated by one delimiter
 * character, records by CRLF, LF or CR; a field that starts with a double quote may hold the
 * delimiter, quotes (doubled) and line breaks. Used for listing reports, contact logs, patient lists,
 * named-doctor files and the grid's clipboard (TSV).
 *
 * Tolerance where files break the RFC (what Excel and LibreOffice do with a stray quote): a quote
 * that opens a field only counts as one when its closing quote is followed by the delimiter, a line
 * break or the end; otherwise the opening quote is an ordinary character (`5" skärm`, `"Eriksson" AB`)
 * and the field is read as it stands. Fields are not trimmed; a blank line is a record of one empty
 * field (it still counts as a row, so row numbers match what a spreadsheet shows).
 *
 * Two ways to read:
 * - `readCsv(text, …)`: the whole text into rows of strings (small files, previews, clipboard);
 * - `CsvStream` / `readRecords(chunks, …)`: chunk by chunk with one reusable `CsvRecord` whose fields
 *   are *ranges* of the chunk (no substring until asked), for contact logs of a million rows with
 *   bounded memory: only the unfinished last record of a chunk is carried to the next.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Fields stored per record by default; more are counted (`CsvRecord.count`) but not kept. */
export const DEFAULT_FIELD_CAPACITY = 256;
/** A record longer than this (a quote that never closes in a huge file) stops waiting for its closing quote. */
export const MAX_RECORD_CHARS = 1 << 20;
/** Characters of a new chunk read together with the carried, unfinished record. */
const STITCH_CHARS = 1 << 12;

/** One record, reused from record to record: read it inside the callback, copy what you keep. */
export class CsvRecord {
  /** The text the ranges below point into. */
  source = '';
  /** Number of fields in the record (may exceed `capacity`; only the first `capacity` are kept). */
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Unquoted text of a quoted field (doubled quotes folded); null when the field is `source[start, end)`. */
  readonly quoted: (string | null)[];

  constructor(readonly capacity = DEFAULT_FIELD_CAPACITY) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.quoted = new Array<string | null>(capacity).fill(null);
  }

  /** Text of field `i` ('' beyond the record). */
  field(i: number): string {
    if (i < 0 || i >= this.count || i >= this.capacity) return '';
    const q = this.quoted[i];
    return q !== null ? q : this.source.slice(this.start[i], this.end[i]);
  }

  /** Every kept field as strings. */
  fields(): string[] {
    const n = Math.min(this.count, this.capacity);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.field(i);
    return out;
  }

  /** True when every field is empty or white space (a blank line, or `;;;`). */
  isBlank(): boolean {
    const n = Math.min(this.count, this.capacity);
    for (let i = 0; i < n; i++) {
      const q = this.quoted[i];
      if (q !== null) {
        if (q.trim() !== '') return false;
        continue;
      }
      const s = this.source;
      for (let j = this.start[i]; j < this.end[i]; j++) {
        const c = s.charCodeAt(j);
        if (c !== 32 && c !== 9 && c !== 160) return false;
      }
    }
    return true;
  }
}

/** Called once per record with its 1-based number; return false to stop reading. */
export type RecordCallback = (record: CsvRecord, recordNo: number) => boolean | void;

const NEED_MORE = -1;

/**
 * Reads the quoted field opening at `pos`. Returns the position after the closing quote (and sets
 * `rec.quoted[slot]`), LITERAL when the quote is an ordinary character, or NEED_MORE when the text
 * ends before that is known and more may follow.
 */
const LITERAL = -2;
function readQuoted(text: string, pos: number, d: number, waitForMore: boolean, rec: CsvRecord, slot: number): number {
  const len = text.length;
  let i = pos + 1;
  let value = '';
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return waitForMore ? NEED_MORE : LITERAL;
    if (q + 1 >= len) {
      if (waitForMore) return NEED_MORE;
      if (slot >= 0) rec.quoted[slot] = value + text.slice(i, q);
      return q + 1;
    }
    const next = text.charCodeAt(q + 1);
    if (next === QUOTE) {
      value += text.slice(i, q + 1);
      i = q + 2;
      continue;
    }
    if (next === d || next === LF || next === CR) {
      if (slot >= 0) rec.quoted[slot] = value + text.slice(i, q);
      return q + 1;
    }
    return LITERAL;
  }
}

/**
 * Reads records of `text` from `from`. `final`: the text ends here (else a record that reaches the end
 * is left for later). Returns where the first unread record starts (text.length when all were read)
 * and whether the callback asked to stop.
 */
function scan(text: string, from: number, final: boolean, d: number, rec: CsvRecord, recordNo: number, onRecord: RecordCallback): { pos: number; recordNo: number; stopped: boolean } {
  const len = text.length;
  const cap = rec.capacity;
  let pos = from;
  rec.source = text;
  while (pos < len) {
    const recordStart = pos;
    const waitForMore = !final && len - recordStart <= MAX_RECORD_CHARS;
    let count = 0;
    let complete = false;
    for (;;) {
      const slot = count < cap ? count : -1;
      const fieldStart = pos;
      let quotedEnd = LITERAL;
      if (text.charCodeAt(pos) === QUOTE) {
        quotedEnd = readQuoted(text, pos, d, waitForMore, rec, slot);
        if (quotedEnd === NEED_MORE) break;
      }
      if (quotedEnd >= 0) {
        pos = quotedEnd;
      } else {
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === d || c === LF || c === CR) break;
          pos++;
        }
        if (slot >= 0) {
          rec.start[slot] = fieldStart;
          rec.end[slot] = pos;
          rec.quoted[slot] = null;
        }
      }
      count++;
      if (pos >= len) {
        complete = final;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === d) {
        pos++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 >= len && !final) break; // a LF may follow in the next chunk
        pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else pos++; // LF
      complete = true;
      break;
    }
    if (!complete) return { pos: recordStart, recordNo, stopped: false };
    rec.count = count;
    recordNo++;
    if (onRecord(rec, recordNo) === false) return { pos, recordNo, stopped: true };
  }
  return { pos, recordNo, stopped: false };
}

/** Streaming reader: push chunks of text, records come out through the callback as soon as they are whole. */
export class CsvStream {
  #d: number;
  #carry = '';
  #recordNo = 0;
  #stopped = false;
  #overlong = false;
  readonly record: CsvRecord;

  constructor(delimiter: string, private readonly onRecord: RecordCallback, capacity = DEFAULT_FIELD_CAPACITY) {
    this.#d = delimiter.charCodeAt(0);
    this.record = new CsvRecord(capacity);
  }

  /** Records read so far. */
  get recordNo(): number {
    return this.#recordNo;
  }

  /** True after the callback returned false, or after an overlong record. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /**
   * True when one record grew beyond MAX_RECORD_CHARS without ending (no line break in megabytes of
   * text): reading stopped there, so a file without line breaks costs one chunk of memory, not all of it.
   */
  get overlong(): boolean {
    return this.#overlong;
  }

  push(chunk: string): void {
    if (this.#stopped) return;
    let from = 0;
    const carry = this.#carry;
    if (carry) {
      // The unfinished record and the start of the chunk are read as one small string, then the
      // chunk itself from where that ended. (Joining the whole chunk to the carry would make a rope
      // string that every character read must look through: a third slower on a million rows.)
      for (let k = Math.min(chunk.length, STITCH_CHARS); ; k = Math.min(chunk.length, k * 4)) {
        const head = carry + chunk.slice(0, k);
        const r = scan(head, 0, false, this.#d, this.record, this.#recordNo, this.onRecord);
        this.#recordNo = r.recordNo;
        if (r.stopped) {
          this.#stop();
          return;
        }
        if (k === chunk.length) {
          // The whole chunk was read with the carry.
          this.#carry = head.slice(r.pos);
          this.#checkCarry();
          return;
        }
        // The carried record ends inside the head (a record never ends inside the carry itself).
        if (r.pos >= carry.length) {
          from = r.pos - carry.length;
          break;
        }
      }
    }
    const r = scan(chunk, from, false, this.#d, this.record, this.#recordNo, this.onRecord);
    this.#recordNo = r.recordNo;
    if (r.stopped) {
      this.#stop();
      return;
    }
    this.#carry = chunk.slice(r.pos);
    this.#checkCarry();
  }

  #stop(): void {
    this.#stopped = true;
    this.#carry = '';
  }

  #checkCarry(): void {
    if (this.#carry.length > 2 * MAX_RECORD_CHARS) {
      this.#overlong = true;
      this.#stopped = true;
      this.#carry = '';
    }
  }

  end(): void {
    if (this.#stopped || !this.#carry) return;
    const r = scan(this.#carry, 0, true, this.#d, this.record, this.#recordNo, this.onRecord);
    this.#recordNo = r.recordNo;
    this.#stopped = r.stopped;
    this.#carry = '';
  }
}

/** Reads every record of a text given in chunks. Returns the number of records read. */
export function readRecords(chunks: Iterable<string>, delimiter: string, onRecord: RecordCallback, capacity = DEFAULT_FIELD_CAPACITY): number {
  const stream = new CsvStream(delimiter, onRecord, capacity);
  for (const chunk of chunks) {
    stream.push(chunk);
    if (stream.stopped) return stream.recordNo;
  }
  stream.end();
  return stream.recordNo;
}

export interface ReadCsvOptions {
  delimiter: string;
  /** Stop after this many records (+1, so the caller can tell "more than max"). Default: no limit. */
  maxRows?: number;
  /** Fields kept per record. */
  capacity?: number;
}

/** The whole text as rows of strings; `truncated` when there were more than `maxRows` records. */
export function readCsv(text: string, options: ReadCsvOptions): { rows: string[][]; truncated: boolean; widest: number } {
  const rows: string[][] = [];
  const max = options.maxRows ?? Infinity;
  let widest = 0;
  const rec = new CsvRecord(options.capacity ?? DEFAULT_FIELD_CAPACITY);
  scan(text, 0, true, options.delimiter.charCodeAt(0), rec, 0, (r) => {
    if (r.count > widest) widest = r.count;
    rows.push(r.fields());
    return rows.length <= max;
  });
  return { rows, truncated: rows.length > max, widest };
}

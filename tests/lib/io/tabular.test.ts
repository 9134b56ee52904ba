/**
 * The tabular-text toolkit (src/lib/io/tabular): decoder, delimiter detector, RFC 4180 reader (whole
 * and streamed) and writer with the formula-injection escape.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CsvStream, MAX_RECORD_CHARS, decodeChunked, decodeText, detectDelimiter, readCsv, readRecords, sniffEncoding, writeCsv, writeDelimited, writeField,
} from '../../../src/lib/io/tabular/index';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (le) out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}
const cp1252 = (s: string) => new Uint8Array([...s].map((ch) => ({ Å: 0xc5, Ä: 0xc4, Ö: 0xd6, å: 0xe5, ä: 0xe4, ö: 0xf6, é: 0xe9 })[ch] ?? ch.charCodeAt(0)));

const TEXT = 'Läkare;Listade\r\nÅsa Öberg;1 100\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and Windows-1252', () => {
    expect(decodeText(utf8('\ufeff' + TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(cp1252(TEXT))).toEqual({ text: TEXT, encoding: 'windows-1252' });
  });

  it('reads UTF-16 little- and big-endian, with or without BOM (Excel "Unicode text")', () => {
    for (const le of [true, false])
      for (const bom of [true, false]) {
        const d = decodeText(utf16(TEXT, le, bom));
        expect(d, `le=${le} bom=${bom}`).toEqual({ text: TEXT, encoding: le ? 'utf-16le' : 'utf-16be' });
      }
  });

  it('calls bytes with zero bytes that are not UTF-16 binary', () => {
    expect(sniffEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]))).toEqual({ encoding: 'binary', bom: 0 });
    expect(decodeText(new Uint8Array([1, 0, 0, 0, 7, 7, 0, 0, 9]))).toBeNull();
  });

  it('decodes in chunks exactly as in one piece, whatever the chunk size splits (UTF-8 sequences, UTF-16 units)', () => {
    const text = 'Patient;Läkare\nÅ€😀;Örjan\n'.repeat(20);
    for (const bytes of [utf8(text), utf16(text, true, true), utf16(text, false, false), cp1252('Åsa;Öberg\n'.repeat(30))]) {
      const whole = decodeText(bytes)!;
      for (const size of [2, 3, 5, 64]) {
        const r = decodeChunked(bytes, (chunks) => [...chunks].join(''), size);
        expect(r).toEqual({ value: whole.text, encoding: whole.encoding });
      }
    }
  });

  it('starts again as Windows-1252 when a later chunk is not UTF-8', () => {
    const bytes = new Uint8Array([...utf8('a;b\n'.repeat(50)), ...cp1252('Åsa;1\n')]);
    let runs = 0;
    const r = decodeChunked(bytes, (chunks) => {
      runs++;
      return [...chunks].join('');
    }, 16);
    expect(runs).toBe(2);
    expect(r?.encoding).toBe('windows-1252');
    expect(r?.value.endsWith('Åsa;1\n')).toBe(true);
  });
});

describe('readCsv (RFC 4180)', () => {
  const read = (s: string, d = ';') => readCsv(s, { delimiter: d }).rows;

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes; CRLF, LF and CR', () => {
    expect(read('a;"b;c";"d ""e"""\r\n"x\r\ny";2;\n')).toEqual([['a', 'b;c', 'd "e"'], ['x\r\ny', '2', '']]);
    expect(read('a;b\rc;d\re')).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('a trailing line break makes no empty row; a blank line is a row (row numbers stay as in Excel)', () => {
    expect(read('h\n')).toEqual([['h']]);
    expect(read('h\n\nx\n')).toEqual([['h'], [''], ['x']]);
    expect(read('')).toEqual([]);
  });

  it('keeps a stray quote as text: inside a field, or when the quote never closes properly', () => {
    expect(read('5" skärm;2')).toEqual([['5" skärm', '2']]);
    expect(read('"Eriksson" AB;2')).toEqual([['"Eriksson" AB', '2']]);
    expect(read('"öppen;2\nnästa;3')).toEqual([['"öppen', '2'], ['nästa', '3']]);
    expect(read('"sist"')).toEqual([['sist']]);
  });

  it('does not trim and keeps empty fields', () => {
    expect(read(' a ;; c ')).toEqual([[' a ', '', ' c ']]);
  });

  it('stops after maxRows + 1 records and says so', () => {
    const r = readCsv('1\n2\n3\n4\n', { delimiter: ';', maxRows: 2 });
    expect(r.truncated).toBe(true);
    expect(r.rows.length).toBe(3);
    expect(readCsv('1\n2\n', { delimiter: ';', maxRows: 2 }).truncated).toBe(false);
  });

  it('counts fields beyond the kept capacity', () => {
    const seen: number[] = [];
    readRecords(['a;b;c;d\n'], ';', (r) => void seen.push(r.count, r.fields().length), 2);
    expect(seen).toEqual([4, 2]);
  });
});

/** The text in pieces at the given positions (taken modulo its length). */
function cutAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const p of points) {
    chunks.push(text.slice(last, p));
    last = p;
  }
  chunks.push(text.slice(last));
  return chunks;
}

describe('CsvStream', () => {
  const csvText = fc
    .array(fc.array(fc.oneof(fc.constantFrom('', 'a', 'Å', '"', '""', ';', '\n', '\r', '\r\n', ' ', 'x"y'), fc.string({ maxLength: 4 })), { maxLength: 6 }), { maxLength: 8 })
    .map((rows) => rows.map((r) => r.join('')).join(''));

  it('gives the same records whatever the chunk boundaries (property)', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const whole = readCsv(text, { delimiter: ';' }).rows;
        const chunks = cutAt(text, cuts);
        const streamed: string[][] = [];
        const numbers: number[] = [];
        readRecords(chunks, ';', (r, n) => {
          streamed.push(r.fields());
          numbers.push(n);
        });
        expect(streamed).toEqual(whole);
        expect(numbers).toEqual(whole.map((_, i) => i + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('long texts cut anywhere, records longer than the stitch window included (property)', () => {
    const row = fc.array(fc.oneof(fc.constantFrom('"a;b"', '"x\r\ny"', '"q""q"', 'Åsa', '', ' 12 '), fc.string({ maxLength: 30 }).map((x) => x.replace(/["\r\n;]/g, ''))), { minLength: 1, maxLength: 6 });
    const big = fc.tuple(fc.array(row, { minLength: 50, maxLength: 400 }), fc.constantFrom('\n', '\r\n', '\r'), fc.integer({ min: 0, max: 3 })).map(([rows, eol, huge]) =>
      rows.map((r, i) => (i === huge ? [...r, '"' + 'z'.repeat(9000) + '\n' + 'z'.repeat(5000) + '"'] : r).join(';')).join(eol),
    );
    fc.assert(
      fc.property(big, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const whole = readCsv(text, { delimiter: ';' }).rows;
        const chunks = cutAt(text, cuts);
        const streamed: string[][] = [];
        readRecords(chunks, ';', (r) => void streamed.push(r.fields()));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('a CR at the end of a chunk and its LF in the next are one line break', () => {
    const rows: string[][] = [];
    readRecords(['a;b\r', '\nc;d\r', '\n'], ';', (r) => void rows.push(r.fields()));
    expect(rows).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('stops on a record without line breaks longer than the bound instead of holding the whole file', () => {
    const s = new CsvStream(';', () => undefined);
    const piece = 'x'.repeat(MAX_RECORD_CHARS);
    for (let i = 0; i < 4 && !s.stopped; i++) s.push(piece);
    expect(s.overlong).toBe(true);
  });
});

describe('detectDelimiter', () => {
  it('semicolon with decimal commas, comma with quoted commas, tab', () => {
    expect(detectDelimiter('Läkare;Listade;Vårdtyngd\nAnna;1000;1,05\nBo;900;0,98\n')).toBe(';');
    expect(detectDelimiter('name,listed\n"Berg, Anna",1000\n"Ek, Bo",900\n')).toBe(',');
    expect(detectDelimiter('Läkare\tListade\nAnna\t1000\n')).toBe('\t');
  });

  it('a title line above the table does not decide; one column gives ;', () => {
    expect(detectDelimiter('Listningsrapport november\nLäkare,Listade,Poäng\nAnna,1000,300\nBo,900,280\n')).toBe(',');
    expect(detectDelimiter('Patient\nA\nB\n')).toBe(';');
  });
});

describe('writer', () => {
  it('escapes text a spreadsheet would run as a formula, never numbers (contracts.md; OWASP)', () => {
    const line = writeDelimited([['=SUMMA(A1)', '+46701234567', '-x', '@x', '\tx', '\rx', 'ok', -5, 1.5, '5-3']], { bom: false, finalNewline: false });
    expect(line).toBe(`'=SUMMA(A1);'+46701234567;'-x;'@x;'\tx;"'\rx";ok;-5;1,5;5-3`);
    expect(writeField('=1+1', { escapeFormulas: false })).toBe('=1+1');
  });

  it('quotes the delimiter, quotes and line breaks; round-trips through the reader', () => {
    const rows = [['a;b', 'x"y', 'rad1\nrad2', '', 'Åsa']];
    const text = writeDelimited(rows, { bom: false });
    expect(text).toBe('"a;b";"x""y";"rad1\nrad2";;Åsa\r\n');
    expect(readCsv(text, { delimiter: ';' }).rows).toEqual(rows);
  });

  it('writeCsv: BOM, semicolons, decimal comma, CRLF after every row', () => {
    expect(writeCsv([['Månad', 'Andel'], ['2026-01', 0.5], [null, 1 / 3]])).toBe('\ufeffMånad;Andel\r\n2026-01;0,5\r\n;0,3333333333\r\n');
  });
});

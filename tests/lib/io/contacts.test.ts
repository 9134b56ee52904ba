import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { guessContactColumns, parseContactLog, parseNamedMapping } from '../../../src/lib/io/contacts';
import { computeContinuity, dayOfIso, isoOfDay, pseudonym } from '../../../src/lib/engine/followup';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseContactLog (CSV)', () => {
  it('reads a Swedish semicolon CSV with BOM, CRLF, quotes and Swedish contact types', () => {
    const csv =
      '\ufeffPatient;Datum;Läkare;Kontakttyp\r\n' +
      'A;2025-01-02;d1;Besök\r\n' +
      '"A";2025-01-03;"Dr ""Ek""";telefon\r\n' +
      '\r\n' +
      'B;20250104;d1;Chatt\r\n' +
      'B;2025/01/05 08:30;d1;video\r\n';
    const r = parseContactLog(enc(csv));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.log.count).toBe(4);
    expect(r.log.patientKeys).toEqual(['A', 'B']);
    expect(r.log.doctorKeys).toEqual(['d1', 'Dr "Ek"']);
    expect([...r.log.type]).toEqual([0, 2, 3, 1]);
    expect([...r.log.day].map(isoOfDay)).toEqual(['2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']);
    expect(r.log.namedDoctor).toBeNull();
  });

  it('reads comma CSV in Windows-1252 with English headers and a named-doctor column', () => {
    const text = 'patient_id,date,doctor,contact type,named doctor\np1,2025-03-01,Åsa,visit,Åsa\np1,2025-03-02,Bo,phone,Åsa\n';
    const bytes = new Uint8Array([...text].map((ch) => (ch === 'Å' ? 0xc5 : ch.charCodeAt(0))));
    const r = parseContactLog(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.log.doctorKeys).toEqual(['Åsa', 'Bo']);
    expect(r.log.namedDoctor![0]).toBe(0);
    const c = computeContinuity(r.log, { fromDay: dayOfIso('2025-01-01')!, toDay: dayOfIso('2025-12-31')!, types: ['visit', 'phone'], minContacts: 2 });
    expect(c.meanNamedShare).toBe(0.5);
  });

  it('refuses bad rows all-or-nothing, naming row and column', () => {
    const r = parseContactLog('Patient;Datum;Läkare;Typ\nA;2025-02-30;d1;besök\n;2025-01-01;d1;besök\nC;2025-01-01;;besök\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { sheet: 'CSV', row: 2, column: 'Datum', message: expect.stringMatching(/2025-02-30.*inget giltigt datum/) },
      { sheet: 'CSV', row: 3, column: 'Patient', message: expect.stringMatching(/saknar patientnyckel/) },
      { sheet: 'CSV', row: 4, column: 'Läkare', message: expect.stringMatching(/saknar läkare/) },
    ]);
  });

  it('says which column is missing', () => {
    const r = parseContactLog('Patient;Typ\nA;besök\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message).join(' ')).toMatch(/datum/);
    // The header row comes back so the user can map the columns by hand.
    expect(r.mapping).toEqual({ headers: ['Patient', 'Typ'], columns: { patient: 0, type: 1 } });
  });

  it('replaces personnummer patient keys with pseudonyms and says so; never returns them', () => {
    const r = parseContactLog('Personnummer;Datum;Läkare;Typ\n19121212-1212;2025-01-01;d1;besök\n121212-1212;2025-01-02;d1;besök\n', { salt: 's1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pseudonymised).toBe(1);
    expect(r.log.patientKeys).toEqual([pseudonym('121212-1212', 's1')]);
    expect(JSON.stringify(r)).not.toContain('121212');
    expect(r.warnings[0].message).toMatch(/personnummer/);
  });

  it('refuses personnummer in the doctor column', () => {
    const r = parseContactLog('Patient;Datum;Läkare\nA;2025-01-01;19121212-1212\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/personnummer/);
  });

  it('honours an explicit column mapping and counts unknown types', () => {
    const r = parseContactLog('x;y;z;w\nA;d1;2025-01-01;brev\n', { columns: { patient: 0, doctor: 1, date: 2, type: 3 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.unknownTypeContacts).toBe(1);
    expect(r.warnings[0].message).toMatch(/brev/);
  });

  it('guesses columns from Swedish and English headers', () => {
    expect(guessContactColumns(['Patientnyckel', 'Kontaktdatum', 'Läkare', 'Kontakttyp', 'Fast läkarkontakt'])).toEqual({
      patient: 0, date: 1, doctor: 2, type: 3, named: 4,
    });
  });

  it('never throws on garbage bytes', () => {
    const r = parseContactLog(new Uint8Array([0x50, 0x4b, 1, 2, 3, 4, 5]));
    expect(r.ok).toBe(false);
  });
});

describe('parseContactLog: the one toolkit (streaming reader, decoder, detector)', () => {
  const csv = 'Patient;Datum;Läkare;Kontakttyp;Vårdenhet\r\nA;2025-01-02;Åsa;Besök;VC Norr\r\n"B";2025-01-03;"Dr ""Ek""";telefon;VC Söder\r\nA;2025-01-04;Åsa;chatt;\r\n';

  function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
    const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < s.length; i++) out.push(...(le ? [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8] : [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff]));
    return new Uint8Array(out);
  }

  it('reads a UTF-16 export (Excel "Unicode text"), with or without BOM, like UTF-8', () => {
    const base = parseContactLog(enc(csv));
    expect(base.ok).toBe(true);
    for (const [le, bom] of [[true, true], [true, false], [false, true], [false, false]] as const) {
      const r = parseContactLog(utf16(csv, le, bom));
      expect(r.ok, `le=${le} bom=${bom}`).toBe(true);
      if (r.ok && base.ok) {
        expect(r.log.patientKeys).toEqual(base.log.patientKeys);
        expect(r.log.doctorKeys).toEqual(['Åsa', 'Dr "Ek"']);
      }
    }
    // A tab-separated UTF-16 file (what Excel's "Unicode text" writes).
    const tab = parseContactLog(utf16(csv.replace(/;/g, '\t'), true, true));
    expect(tab.ok && tab.log.count).toBe(3);
  });

  it('maps a unit column ("Vårdenhet", "Enhet", "Mottagning", "unit") to each contact', () => {
    const r = parseContactLog(enc(csv));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns.unit).toBe(4);
    expect(r.log.unitKeys).toEqual(['VC Norr', 'VC Söder']);
    expect([...r.log.unit!]).toEqual([0, 1, -1]);
    for (const h of ['Enhet', 'Mottagning', 'unit', 'Vårdenhet']) expect(guessContactColumns(['Patient', 'Datum', 'Läkare', h]).unit).toBe(3);
    const none = parseContactLog(enc('Patient;Datum;Läkare\nA;2025-01-01;d1\n'));
    expect(none.ok && none.log.unit).toBeUndefined();
  });

  it('gives the same log whatever the chunk boundaries of the text', async () => {
    const { parseCsvChunks } = await import('../../../src/lib/io/contactlog/csv');
    const whole = parseCsvChunks([csv], csv.length, { salt: 's' });
    for (let size = 1; size < 40; size += 3) {
      const chunks: string[] = [];
      for (let i = 0; i < csv.length; i += size) chunks.push(csv.slice(i, i + size));
      expect(parseCsvChunks(chunks, csv.length, { salt: 's' })).toEqual(whole);
    }
  });

  it('never echoes a personnummer in a message (masked ÅÅMMDD-XXXX)', () => {
    const r = parseContactLog('Patient;Datum;Läkare;Typ\nA;född 19121212-1212;d1;besök\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toContain('ÅÅMMDD-XXXX');
    expect(JSON.stringify(r)).not.toMatch(/1212-?1212/);
  });

  it('a file that is no text is said to be neither a workbook nor a CSV', () => {
    const r = parseContactLog(new Uint8Array([1, 0, 2, 0, 0, 0, 7, 9, 0, 3]));
    expect(!r.ok && r.errors[0].message).toMatch(/varken en Excel-arbetsbok eller en textfil/);
  });
});

describe('parseContactLog (xlsx)', () => {
  it('reads dates as Excel serials or text', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Patient', 'Datum', 'Läkare', 'Kontakttyp'],
      ['A', 45658, 'd1', 'Besök'], // 2025-01-01
      ['A', '2025-01-02', 'd2', 'Video'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Kontakter');
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const r = parseContactLog(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.log.day].map(isoOfDay)).toEqual(['2025-01-01', '2025-01-02']);
    expect([...r.log.type]).toEqual([0, 1]);
  });
});

describe('parseNamedMapping', () => {
  it('reads patient → named doctor pairs with the same pseudonyms', () => {
    const r = parseNamedMapping('Patient;Fast läkarkontakt\n121212-1212;d1\nB;d2\n', { salt: 's' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pairs).toEqual([{ patientKey: pseudonym('121212-1212', 's'), doctorKey: 'd1' }, { patientKey: 'B', doctorKey: 'd2' }]);
  });
});

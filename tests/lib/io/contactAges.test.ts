// A contact log's optional age or birth-year column (issue 16.1, domain.md §9): the unit's own visits per
// age band for the age index. Only a birth year per patient is kept, in memory with the log.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { guessContactColumns, parseContactLog } from '../../../src/lib/io/contacts';
import { dayOfIso, ownReferenceOf, visitsByAgeBand } from '../../../src/lib/engine/followup';
import { AGE_BAND_COUNT } from '../../../src/lib/engine/ageReference';

const enc = (s: string) => new TextEncoder().encode(s);
const YEAR = { fromDay: dayOfIso('2025-01-01')!, toDay: dayOfIso('2025-12-31')!, types: ['visit', 'video', 'phone', 'chat'] as const };

describe('contact log ages', () => {
  it('finds the column by its Swedish or English header, before the date ("Födelseår" is no date)', () => {
    expect(guessContactColumns(['Patient', 'Födelseår', 'Datum', 'Läkare']).age).toBe(1);
    expect(guessContactColumns(['Patient', 'Födelseår', 'Datum', 'Läkare']).date).toBe(2);
    expect(guessContactColumns(['patient', 'date', 'doctor', 'age']).age).toBe(3);
    expect(guessContactColumns(['Patient', 'Datum', 'Läkare']).age).toBeUndefined();
  });

  it('reads an age at the contact or a birth year, on the fast path and the spreadsheet path alike', () => {
    // A: 40 in 2025 (born 1985); B: born 1950 (75 at the end of 2025); C: no age; D: an unreadable age.
    const rows = [
      ['Patient', 'Datum', 'Läkare', 'Ålder'],
      ['A', '2025-02-01', 'd1', '40'],
      ['A', '2025-03-01', 'd1', '40'],
      ['B', '2025-04-01', 'd1', '1950'],
      ['B', '2025-05-01', 'd2', '1950'],
      ['B', '2025-06-01', 'd2', '1950'],
      ['C', '2025-06-01', 'd2', ''],
      ['D', '2025-06-01', 'd2', 'sjuttio'],
    ];
    const csv = rows.map((r) => r.join(';')).join('\n');
    const ws = XLSX.utils.aoa_to_sheet(rows);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Kontakter');
    const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    for (const input of [enc(csv), xlsx]) {
      const r = parseContactLog(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const by = (k: string) => r.log.birthYear![r.log.patientKeys.indexOf(k)];
      expect(by('A')).toBe(1985);
      expect(by('B')).toBe(1950);
      expect(by('C')).toBe(0);
      expect(by('D')).toBe(0);
      expect(r.warnings.map((w) => w.message).join(' ')).toContain('1 rader har en ålder eller ett födelseår som inte kunde läsas');
      const v = visitsByAgeBand(r.log, YEAR)!;
      // 30–49: A's 2 visits; 67–79: B's 3; C and D without an age.
      expect(v.visits).toEqual([0, 0, 0, 0, 2, 0, 3, 0, 0]);
      expect(v.withoutAge).toBe(2);
      expect(v.days).toBe(365);
    }
  });

  it('a log without the column has no ages, and the own table needs the listing’s patients per band', () => {
    const r = parseContactLog(enc('Patient;Datum;Läkare\nA;2025-02-01;d1\n'));
    expect(r.ok && r.log.birthYear).toBeUndefined();
    expect(r.ok && visitsByAgeBand(r.log, YEAR)).toBeNull();
    const v = { visits: [0, 0, 0, 0, 150, 0, 450, 0, 0], withoutAge: 0, days: 365 };
    expect(ownReferenceOf(v, undefined)).toBeNull();
    const own = ownReferenceOf(v, [0, 0, 0, 0, 100, 0, 100, 0, 0])!;
    expect(own.rates).toHaveLength(AGE_BAND_COUNT);
    expect(own.rates[4]).toBe(1.5);
    expect(own.rates[6]).toBe(4.5);
    expect(own.mean).toBe(3);
  });

  it('a SÄBO column marks the residents (ja/nej, 1/0, x), on both paths; other values are counted', () => {
    expect(guessContactColumns(['Patient', 'Datum', 'Läkare', 'SÄBO']).nursingHome).toBe(3);
    expect(guessContactColumns(['Patient', 'Datum', 'Läkare', 'Särskilt boende']).nursingHome).toBe(3);
    const rows = [
      ['Patient', 'Datum', 'Läkare', 'SÄBO'],
      ['A', '2025-02-01', 'd1', 'Ja'],
      ['A', '2025-03-01', 'd1', ''],
      ['B', '2025-04-01', 'd1', 'nej'],
      ['C', '2025-05-01', 'd2', 'x'],
      ['D', '2025-06-01', 'd2', 'kanske'],
    ];
    const ws = XLSX.utils.aoa_to_sheet(rows);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Kontakter');
    const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    for (const input of [enc(rows.map((r) => r.join(';')).join('\n')), xlsx]) {
      const r = parseContactLog(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const nh = (k: string) => r.log.nursingHome![r.log.patientKeys.indexOf(k)];
      expect([nh('A'), nh('B'), nh('C'), nh('D')]).toEqual([1, 0, 1, 0]);
      expect(r.warnings.map((w) => w.message).join(' ')).toContain('1 rader har ett värde i SÄBO-kolumnen som varken är ja eller nej');
    }
    const plain = parseContactLog(enc('Patient;Datum;Läkare\nA;2025-02-01;d1\n'));
    expect(plain.ok && plain.log.nursingHome).toBeUndefined();
  });
});

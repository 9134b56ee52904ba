/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { createDemoPlan } from '../../../src/lib/engine/index';
import { importListing, previewListing } from '../../../src/lib/io/index';
import type { ListingMapping } from '../../../src/lib/io/index';
import { workbookFrom } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

/** Windows-1252 bytes of a Swedish text (å ä ö Å Ä Ö é only, enough for these tests). */
function cp1252(s: string): Uint8Array {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
  return Uint8Array.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

// Valid personnummer (Luhn) for tests: 19121212-1212 and the Skatteverket test series.
const PNRS = ['19121212-1212', '811228-9874', '197001012384', '8507099805', '19640823-3234'];

describe('per-doctor listing', () => {
  const csv = 'Läkare;Antal listade;Listningspoäng;Vårdtyngd\r\nAnna Lindqvist;1 010;340,5;1,1\r\n\r\n  erik   JOHANSSON ;1200;410;\r\nNy Doktor;300;;\r\nVårdcentralen Exempel Dr Peter Sandberg;800;;\r\n';

  it('previews columns, suggests a mapping, and signs the header layout', () => {
    const p = previewListing(enc(csv));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.format).toBe('csv');
    expect(p.delimiter).toBe(';');
    expect(p.encoding).toBe('utf-8');
    expect(p.columns.map((c) => c.header)).toEqual(['Läkare', 'Antal listade', 'Listningspoäng', 'Vårdtyngd']);
    expect(p.suggested).toMatchObject({ kind: 'perDoctor', headerRow: 1, columns: { doctor: 0, listed: 1, listPoints: 2, careWeight: 3 } });
    expect(p.rowCount).toBe(4);
    expect(p.sample[0]).toEqual(['Anna Lindqvist', '1 010', '340,5', '1,1']);
    // Same headers in another case/spacing: same signature; other headers: another.
    const same = previewListing(enc('läkare; antal  listade;LISTNINGSPOÄNG;vårdtyngd\nX;1;2;3\n'));
    expect(same.ok && same.signature).toBe(p.signature);
    const other = previewListing(enc('Läkare;Listade\nX;1\n'));
    expect(other.ok && other.signature).not.toBe(p.signature);
  });

  it('aggregates to the plan: names matched case/whitespace-insensitively, new doctors proposed, fictive locum lists recognised', () => {
    const plan = createDemoPlan();
    const r = importListing(enc(csv), undefined, plan);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.totalListed).toBe(1010 + 1200 + 300 + 800);
    const by = new Map(r.doctors.map((d) => [d.name.trim(), d]));
    expect(by.get('Anna Lindqvist')).toMatchObject({ listed: 1010, listPoints: 340.5, careWeight: 1.1, match: { kind: 'doctor', doctorId: 'd1' } });
    // The name as a plan would keep it: white space folded (normalizeSpace).
    expect(by.get('erik JOHANSSON')?.match).toEqual({ kind: 'doctor', doctorId: 'd2' });
    expect(by.get('Ny Doktor')?.match).toEqual({ kind: 'new' });
    expect(r.newDoctorNames).toEqual(['Ny Doktor']);
    const fict = by.get('Vårdcentralen Exempel Dr Peter Sandberg');
    expect(fict?.match).toMatchObject({ kind: 'fictive', locumName: 'Peter Sandberg', doctorId: 'd8' });
    // The plan: listed updated for matched doctors, others untouched, nothing else changed.
    expect(r.plan?.doctors[0]).toMatchObject({ listed: 1010, listPoints: 340.5, careWeight: 1.1 });
    expect(r.plan?.doctors[1].listed).toBe(1200);
    expect(r.plan?.doctors[2].listed).toBe(plan.doctors[2].listed);
    expect(r.plan?.doctors[7].fictiveListName).toBe('Vårdcentralen Exempel Dr Peter Sandberg');
    expect(plan.doctors[0].listed).not.toBe(1010); // input plan not mutated
    expect(r.warnings.some((w) => /skiljer sig från enhetens listade/.test(w.message))).toBe(true);
  });

  it('reports a bad count with sheet, spreadsheet row and header, and returns nothing (all-or-nothing)', () => {
    const r = importListing(enc('Läkare;Listade\nA;10\nB;tio\nC;-1\n'), undefined, createDemoPlan());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { sheet: 'CSV', row: 3, column: 'Listade', message: '"tio" är inte ett tal.' },
      { sheet: 'CSV', row: 4, column: 'Listade', message: 'Värdet kan inte vara negativt (-1).' },
    ]);
  });

  it('reads comma- and tab-separated files, quoted fields and Windows-1252', () => {
    const comma = importListing(enc('"Läkare, namn",Listade\n"Berg, Karin",780\n'), { kind: 'perDoctor', headerRow: 1, columns: { doctor: 0, listed: 1 } }, createDemoPlan());
    expect(comma.ok && comma.doctors[0]).toMatchObject({ name: 'Berg, Karin', listed: 780, match: { kind: 'doctor', doctorId: 'd4' } });
    const tab = previewListing(enc('Läkare\tListade\nA\t1\n'));
    expect(tab.ok && tab.delimiter).toBe('\t');
    const win = cp1252('Läkare;Listade\r\nJohan Wikström;1500\r\nElin Åberg;0\r\n');
    const w = importListing(win, undefined, createDemoPlan());
    expect(w.ok).toBe(true);
    if (w.ok) {
      expect(w.doctors.map((d) => d.name)).toEqual(['Johan Wikström', 'Elin Åberg']);
      expect(w.doctors.map((d) => d.match.kind)).toEqual(['doctor', 'doctor']);
    }
    const pw = previewListing(win);
    expect(pw.ok && pw.encoding).toBe('windows-1252');
    const bom = previewListing(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Läkare;Listade\nÅsa;3\n')]));
    expect(bom.ok && bom.columns[0].header).toBe('Läkare');
  });

  it('reads an xlsx listing with a title above the header', () => {
    const bytes = workbookFrom({ Rapport: [['Listningsrapport november'], [], ['Fast läkarkontakt', 'Listade'], ['Anna Lindqvist', 990], ['Sara Nilsson', 460]] });
    const p = previewListing(bytes);
    expect(p.ok && p.suggested).toMatchObject({ kind: 'perDoctor', sheet: 'Rapport', headerRow: 3, columns: { doctor: 0, listed: 1 } });
    const r = importListing(bytes, undefined, createDemoPlan());
    expect(r.ok && r.plan?.doctors[2].listed).toBe(460);
  });
});

describe('per-patient listing', () => {
  function patients(): string {
    const lines = ['Personnummer;Patientnyckel;Läkare;Ålder;Kön;Vårdtyngd'];
    const rows: [string, string, number, string, string][] = [
      ['p1', 'Anna Lindqvist', 5, 'K', '0,5'],
      ['p2', 'Anna Lindqvist', 40, 'M', '1,5'],
      ['p3', 'Anna Lindqvist', 80, 'Kvinna', ''],
      ['p4', 'Sara Nilsson', 70, 'man', '2'],
      ['p4', 'Sara Nilsson', 70, 'man', '2'], // duplicate key: counted once
    ];
    rows.forEach((r, i) => lines.push([PNRS[i % PNRS.length], ...r].join(';')));
    return lines.join('\n') + '\n';
  }

  it('detects the personnummer column, masks it in the preview, and never returns its values', () => {
    const p = previewListing(enc(patients()));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.columns[0]).toMatchObject({ header: 'Personnummer', personnummer: true });
    expect(p.sample.every((row) => row[0] === 'ÅÅMMDD-XXXX')).toBe(true);
    expect(p.suggested.kind).toBe('perPatient');
    expect(Object.values(p.suggested.columns)).not.toContain(0);
    expect(p.warnings[0].message).toMatch(/personnummer/);
    const json = JSON.stringify(p);
    for (const pnr of PNRS) expect(json).not.toContain(pnr);
  });

  it('aggregates patients to per-doctor counts, age bands, sex and mean care weight', () => {
    const plan = createDemoPlan();
    const r = importListing(enc(patients()), undefined, plan);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.kind).toBe('perPatient');
    expect(r.droppedColumns).toEqual([{ header: 'Personnummer', reason: 'personnummer' }]);
    const anna = r.doctors.find((d) => d.name === 'Anna Lindqvist')!;
    expect(anna).toMatchObject({ listed: 3, careWeight: 1, ageBands: { '0-17': 1, '18-64': 1, '65+': 1, unknown: 0 }, sex: { female: 2, male: 1, unknown: 0 } });
    const sara = r.doctors.find((d) => d.name === 'Sara Nilsson')!;
    expect(sara).toMatchObject({ listed: 1, careWeight: 2 });
    expect(r.warnings.some((w) => w.row === 6 && w.column === 'Patientnyckel')).toBe(true);
    expect(r.plan?.doctors[0]).toMatchObject({ listed: 3, careWeight: 1 });
    const json = JSON.stringify(r);
    for (const pnr of PNRS) expect(json).not.toContain(pnr);
  });

  it('refuses to read a personnummer column even when the mapping points at it', () => {
    const mapping: ListingMapping = { kind: 'perPatient', headerRow: 1, columns: { doctor: 2, patientKey: 0, age: 3 } };
    const r = importListing(enc(patients()), mapping, createDemoPlan());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.droppedColumns[0].header).toBe('Personnummer');
      // Without a key column, the duplicate row counts: 5 rows → Anna 3, Sara 2.
      expect(r.doctors.find((d) => d.name === 'Sara Nilsson')?.listed).toBe(2);
      expect(JSON.stringify(r)).not.toMatch(/1212-1212/);
    }
  });

  it('uses birth years when there is no age', () => {
    const r = importListing(enc('Läkare;Födelseår\nA;2015\nA;1950\nA;1990\n'), undefined, undefined, { today: '2026-11-23' });
    expect(r.ok && r.doctors[0].ageBands).toEqual({ '0-17': 1, '18-64': 1, '65+': 1, unknown: 0 });
  });

  it('reports a bad age by row and header', () => {
    const r = importListing(enc('Patientnyckel;Läkare;Ålder\nx1;A;40\nx2;A;fyrtio\n'));
    expect(!r.ok && r.errors[0]).toEqual({ sheet: 'CSV', row: 3, column: 'Ålder', message: '"fyrtio" är ingen ålder.' });
  });
});

describe('fast xlsx reader', () => {
  it('reads the same values as SheetJS (shared and inline strings, numbers, booleans, entities, gaps, sheets)', async () => {
    const XLSX = await import('xlsx');
    const { readXlsxFast } = await import('../../../src/lib/io/listing/fastxlsx');
    const rows = [
      ['Läkare', 'Antal', 'Not'],
      ['A & B <C>', 12, 'x"y\'z'],
      [null, 3.25, true],
      ['Åsa Öberg', -1, null],
      [],
      ['   ', 0, 'tab\tsep'],
    ];
    for (const bookSST of [false, true]) {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['tomt blad']]), 'Först');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Lista & annat');
      const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST }) as ArrayBuffer);
      const fast = readXlsxFast(bytes, 'Lista & annat', 1000, 200);
      expect(fast?.sheets).toEqual(['Först', 'Lista & annat']);
      const expected = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets['Lista & annat'], { header: 1, raw: true, blankrows: true, defval: null });
      const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : typeof v === 'boolean' ? String(v) : v);
      expect(fast!.rows.map((r) => Array.from({ length: 3 }, (_, c) => norm(r[c])))).toEqual(expected.map((r) => Array.from({ length: 3 }, (_, c) => norm(r[c]))));
    }
  });
});

describe('listing text encodings and names (issue 12.7)', () => {
  function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
    const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < s.length; i++) out.push(...(le ? [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8] : [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff]));
    return new Uint8Array(out);
  }

  it('a UTF-16 CSV (some Windows exports) is read like UTF-8, not called "not an Excel workbook"', () => {
    const text = 'Läkare\tListade\r\nAnna Lindqvist\t1010\r\nSara Nilsson\t460\r\n';
    for (const [le, bom] of [[true, true], [true, false], [false, true], [false, false]] as const) {
      const p = previewListing(utf16(text, le, bom));
      expect(p.ok, `le=${le} bom=${bom}`).toBe(true);
      if (!p.ok) continue;
      expect(p.encoding).toBe(le ? 'utf-16le' : 'utf-16be');
      expect(p.delimiter).toBe('\t');
      expect(p.columns.map((c) => c.header)).toEqual(['Läkare', 'Listade']);
      const r = importListing(utf16(text, le, bom), undefined, createDemoPlan());
      expect(r.ok && r.plan?.doctors[0].listed).toBe(1010);
    }
  });

  it('a carriage return inside a name becomes a space (LibreOffice would show _x000d_)', () => {
    const r = importListing(enc('Läkare;Listade\n"Ny\r\nDoktor";300\n"Anna\rLindqvist";990\n'), undefined, createDemoPlan());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.newDoctorNames).toEqual(['Ny Doktor']);
    expect(r.doctors.find((d) => d.listed === 990)?.match).toEqual({ kind: 'doctor', doctorId: 'd1' });
  });

  it('a listed count beyond what a plan holds is refused with sheet, row and column, not a JSON path', () => {
    const r = importListing(enc('Läkare;Listade\nAnna Lindqvist;1000000000000000\n'), undefined, createDemoPlan());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ sheet: 'CSV', row: 2, column: 'Listade', message: expect.stringMatching(/^Anna Lindqvist: .*10\u00a0000\u00a0000/) }]);
  });

  it('never echoes a personnummer in a message or a preview', () => {
    const r = importListing(enc('Läkare;Listade;Listningspoäng\nAnna;10;pnr 19121212-1212\n'), undefined, createDemoPlan());
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/1212-?1212/);
    expect(JSON.stringify(r)).toContain('ÅÅMMDD-XXXX');
    // One personnummer among many other values (under 20 % of the column) is masked in the preview too.
    const p = previewListing(enc('Läkare;Listade;Anteckning\n' + Array.from({ length: 9 }, (_, i) => `L${i};1;ok`).join('\n') + '\nL9;1;ring 811228-9874\n'));
    expect(p.ok).toBe(true);
    expect(JSON.stringify(p)).not.toContain('811228');
  });
});

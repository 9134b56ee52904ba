/**
 * Hand-made workbooks (issue 13, item 7), from the issue and contracts.md alone: an unknown label or
 * column is a warning naming the sheet and cell, never silently dropped; words people write for known
 * items are read as those items; a workbook with only a Läkare sheet imports (the unit's values stay
 * as they are, with a warning); an Enhet sheet without a header row reads correctly; the empty
 * template imports cleanly once filled in. Public entry points only (src/lib/io/index.ts).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createDemoPlan } from '../../src/lib/engine/index';
import { exportTemplate, importWorkbook } from '../../src/lib/io/index';

type Aoa = unknown[][];

function book(sheets: Record<string, Aoa>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const LAKARE: Aoa = [
  ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade'],
  ['Anna Berg', 'specialist', '100 %', 1200],
  ['Bo Ek', 'ST', 0.5, 300],
];

function ok(r: ReturnType<typeof importWorkbook>) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('Enhet: words people write are read as the items they mean', () => {
  it('"Vårdtyngd" and "Multisjuka" (and other everyday labels) are read, not dropped', () => {
    const r = ok(
      importWorkbook(
        book({
          Enhet: [
            ['Enhet', 'VC Handgjord'],
            ['Listade invånare', '9 800'],
            ['Vårdtyngd', '1,08'],
            ['Med fast läkarkontakt', 6100],
            ['Multisjuka', 820],
            ['SÄBO', 110],
            ['Palliativ vård', 12],
            ['Mål', '90 %'],
          ],
          Läkare: LAKARE,
        }),
      ),
    );
    expect(r.plan.unit).toMatchObject({ name: 'VC Handgjord', listed: 9800, careWeight: 1.08, withNamedDoctor: 6100, targetCoverage: 0.9 });
    expect(r.plan.unit.priority).toMatchObject({ multimorbid: 820, nursingHome: 110, palliative: 12 });
    expect(r.warnings).toEqual([]);
  });

  it('an unknown label is a warning naming the sheet and its cell; a value without a label too', () => {
    const r = ok(
      importWorkbook(
        book({
          Enhet: [['Enhetens namn', 'VC X'], ['Listade', 5000], ['Antal sjuksköterskor', 14], [null, 77]],
          Läkare: LAKARE,
        }),
      ),
    );
    expect(r.warnings).toContainEqual({ sheet: 'Enhet', row: 3, column: 'A', message: expect.stringContaining('Antal sjuksköterskor') });
    expect(r.warnings).toContainEqual({ sheet: 'Enhet', row: 4, column: 'B', message: expect.stringMatching(/värde men ingen uppgift/) });
  });

  it('an Enhet sheet without a header row reads correctly (the first row is an item)', () => {
    const r = ok(importWorkbook(book({ Enhet: [['Listade', 7450], ['Enhetens namn', 'VC Utan rubrik'], ['Vårdtyngd (enheten)', '1,05']], Läkare: LAKARE })));
    expect(r.plan.unit).toMatchObject({ name: 'VC Utan rubrik', listed: 7450, careWeight: 1.05 });
    expect(r.warnings).toEqual([]);
  });

  it('an Enhet sheet laid out across (labels in a row, values under them) reads too', () => {
    const r = ok(importWorkbook(book({ Enhet: [['Enhetens namn', 'Listade', 'Vårdtyngd'], ['VC Tvärs', 4200, '0,95']], Läkare: LAKARE })));
    expect(r.plan.unit).toMatchObject({ name: 'VC Tvärs', listed: 4200, careWeight: 0.95 });
  });

  it('a missing required item is named (not "Värde saknas" at a cell that holds something else)', () => {
    const r = importWorkbook(book({ Enhet: [['Enhetens namn', 'VC Y'], ['Vårdtyngd', 1]], Läkare: LAKARE }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ sheet: 'Enhet', row: null, column: null, message: expect.stringContaining('Listade') }]);
  });
});

describe('Läkare: an unknown column is a warning at its header cell', () => {
  it('names the sheet, the cell and the header, and still reads the known columns', () => {
    const rows = LAKARE.map((r, i) => [...r, i === 0 ? 'Egen anteckning' : 'x']);
    const r = ok(importWorkbook(book({ Enhet: [['Enhetens namn', 'VC'], ['Listade', 2000]], Läkare: rows })));
    expect(r.warnings).toContainEqual({ sheet: 'Läkare', row: 1, column: 'E', message: expect.stringContaining('Egen anteckning') });
    expect(r.plan.doctors.map((d) => d.name)).toEqual(['Anna Berg', 'Bo Ek']);
  });
});

describe('a workbook with only a Läkare sheet', () => {
  it('imports; the unit (and its assumptions) stay as they are in the plan, with a warning', () => {
    const base = createDemoPlan();
    base.time = { weeksPerYear: 44 };
    const r = ok(importWorkbook(book({ Läkare: LAKARE }), { base }));
    expect(r.plan.unit).toEqual(base.unit);
    expect(r.plan.model).toBe(base.model);
    expect(r.plan.profile).toEqual(base.profile);
    expect(r.plan.time).toEqual({ weeksPerYear: 44 });
    expect(r.plan.doctors.map((d) => [d.name, d.category, d.employment, d.listed])).toEqual([
      ['Anna Berg', 'specialist', 1, 1200],
      ['Bo Ek', 'st', 0.5, 300],
    ]);
    expect(r.warnings).toContainEqual({ sheet: 'Enhet', row: null, column: null, message: expect.stringMatching(/Enhet saknas.*behölls/) });
  });

  it('imports without a plan to keep too (the unit left to fill in), with a warning', () => {
    const r = ok(importWorkbook(book({ Läkare: LAKARE })));
    expect(r.plan.doctors).toHaveLength(2);
    expect(r.warnings.some((w) => w.sheet === 'Enhet')).toBe(true);
  });
});

describe('"Hämta tom mall": the empty template', () => {
  it('has instructions first and the contract sheets, and is refused until filled in', () => {
    const t = exportTemplate({ today: '2026-01-15' });
    const wb = XLSX.read(t, { type: 'array' });
    expect(wb.SheetNames.slice(0, 4)).toEqual(['Instruktioner', 'Enhet', 'Läkare', 'Antaganden']);
    expect(JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets['Instruktioner'], { header: 1 }))).toMatch(/Så fyller du i mallen/);
    expect(importWorkbook(t).ok).toBe(false);
  });

  it('imports cleanly once filled in the way a person would (no errors, no warnings)', () => {
    const wb = XLSX.read(exportTemplate({ today: '2026-01-15' }), { type: 'array', cellFormula: true, cellStyles: true });
    const enhet = wb.Sheets['Enhet'];
    const unitRows = XLSX.utils.sheet_to_json<unknown[]>(enhet, { header: 1, raw: true });
    const setUnit = (label: string, v: string | number) => {
      const r = unitRows.findIndex((row) => row[0] === label);
      enhet[XLSX.utils.encode_cell({ r, c: 1 })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    };
    setUnit('Enhetens namn', 'VC Mallen');
    setUnit('Listade', '8 200');
    setUnit('Listade med fast läkarkontakt i dag', 5100);
    const lak = wb.Sheets['Läkare'];
    const header = XLSX.utils.sheet_to_json<unknown[]>(lak, { header: 1 })[0] as string[];
    const put = (r: number, h: string, v: string | number) => (lak[XLSX.utils.encode_cell({ r, c: header.indexOf(h) })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v });
    put(1, 'Namn', 'Karin Lund');
    put(1, 'Kategori', 'specialist');
    put(1, 'Tjänstgöringsgrad', '80 %');
    put(1, 'Möten (tim/v)', '2');
    put(2, 'Namn', 'Per Sten');
    put(2, 'Kategori', 'ST');
    put(2, 'Tjänstgöringsgrad', 1);
    put(2, 'ST månader gjorda', 20);
    const filled = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = ok(importWorkbook(filled));
    expect(r.warnings).toEqual([]);
    expect(r.plan.unit).toMatchObject({ name: 'VC Mallen', listed: 8200, withNamedDoctor: 5100 });
    expect(r.plan.doctors.map((d) => [d.name, d.category, d.employment])).toEqual([
      ['Karin Lund', 'specialist', 0.8],
      ['Per Sten', 'st', 1],
    ]);
    expect(r.plan.doctors[0].duties).toEqual([{ kind: 'meetings', hoursPerWeek: 2 }]);
  });
});

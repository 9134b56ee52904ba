// The workbook import's bound on the doctors sheet (LIMITS.doctorRows, issue 17.8: a surviving mutant): a
// sheet one row over is refused with a Swedish message naming the sheet, a sheet at the bound is read.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../src/lib/io/index';
import { LIMITS } from '../../../src/lib/io/limits';
import { workbookFrom, type Aoa } from './helpers';

function workbookWithRows(rows: number): Uint8Array {
  const doctors: Aoa = [['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad']];
  for (let i = 1; i < rows; i++) doctors.push([`d${i}`, `Läkare ${i}`, 'specialist', 1]);
  const unit: Aoa = [['Uppgift', 'Värde', 'Not', 'Nyckel'], ['Enhetens namn', 'VC', '', 'name'], ['Listade', 100_000, '', 'listed']];
  return workbookFrom({ Enhet: unit, Läkare: doctors });
}

describe('the doctors sheet’s row bound', () => {
  it(`is ${LIMITS.doctorRows} rows (the header included)`, () => {
    expect(LIMITS.doctorRows).toBe(2000);
  });
  it('refuses one row more, naming the sheet and the bound in Swedish', () => {
    const r = importWorkbook(workbookWithRows(LIMITS.doctorRows + 1));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ sheet: 'Läkare', row: null, column: null, message: `Bladet har fler än 2\u00a0000 rader; högst 2\u00a0000 kan läsas.` }]);
  });
  it('reads a sheet at the bound', () => {
    const r = importWorkbook(workbookWithRows(LIMITS.doctorRows));
    expect(r.ok ? r.plan.doctors.length : r.errors).toBe(LIMITS.doctorRows - 1);
  }, 30_000);
});

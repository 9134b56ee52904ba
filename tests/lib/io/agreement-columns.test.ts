// The agreement (domain.md §8) in the unit workbook: optional Läkare columns, written and read back.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { createDemoPlan } from '../../../src/lib/engine/index';

describe('agreement columns in Läkare', () => {
  it('writes the four fields and reads them back', () => {
    const plan = createDemoPlan();
    Object.assign(plan.doctors[0], { agreedListSize: 1050, agreedOn: '2026-01-10', agreedUntil: '2026-12-31', agreementNote: 'Ses i juni.' });
    const bytes = exportWorkbook(plan, { today: '2026-01-15' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets['Läkare'], { header: 1, raw: true });
    const h = rows[0] as string[];
    expect(rows[1][h.indexOf('Överenskommen listlängd')]).toBe(1050);
    expect(rows[1][h.indexOf('Överenskommelsen gäller till')]).toBe('2026-12-31');
    const back = importWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.plan).toEqual(plan);
  });

  it('a hand-made sheet with the agreement columns is read, a bad date refused at its cell', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Enhetens namn', 'VC'], ['Listade', 100]]), 'Enhet');
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Överenskommen listlängd', 'Överenskommelsen gäller till'],
        ['Anna', 'specialist', 1, '1 000', '2026-12-31'],
        ['Bo', 'specialist', 1, 900, '31/12/2026'],
      ]),
      'Läkare',
    );
    const r = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ sheet: 'Läkare', row: 3, column: 'Överenskommelsen gäller till' })]);
  });
});

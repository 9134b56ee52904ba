import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { allocationWorkbook, sheetsWorkbook } from '../../../src/lib/io/allocationWorkbook';
import { parsePatientList, priorityOf } from '../../../src/lib/io/patientList';
import { allocate, groupPatients, type AllocationDoctor } from '../../../src/lib/engine/followup';

const doc = (id: string, over: Partial<AllocationDoctor> = {}): AllocationDoctor => ({
  id, name: 'Dr ' + id, category: 'specialist', capacity: 100, listed: 95, careWeight: 1, ageGroup: 'all', base: 1100, ...over,
});

describe('allocation workbook', () => {
  it('writes the proposal, one row per patient key, and the unassigned', () => {
    const parsed = parsePatientList('Patientnyckel;Prioriterad grupp;Ålder;Vårdtyngd\nK1;Multisjuk;81;1,5\nK2;;40;\nK3;SÄBO;90;\n=HYPERLINK("x");;30;\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.key, r.priority, r.ageBand, r.careWeight])).toEqual([
      ['K1', 'multimorbid', '65+', 1.5],
      ['K2', 'other', '18-64', null],
      ['K3', 'nursingHome', '65+', null],
      ['=HYPERLINK("x")', 'other', '18-64', null],
    ]);
    const result = allocate(groupPatients(parsed.rows), [doc('a'), doc('b', { listed: 99 })]);
    const bytes = allocationWorkbook(result, { unitName: 'VC Test', today: '2026-11-23' });
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Förslag', 'Patienter', 'Ej fördelade']);
    const pat = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Patienter'], { header: 1 });
    const keys = pat.slice(1).map((r) => r[0]);
    const un = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Ej fördelade'], { header: 1 });
    expect([...keys, ...un.slice(1).map((r) => r[5])].sort()).toEqual(['=HYPERLINK("x")', 'K1', 'K2', 'K3'].sort());
    // user text that looks like a formula stays text
    const cellRef = Object.keys(wb.Sheets['Patienter']).concat(Object.keys(wb.Sheets['Ej fördelade']));
    for (const s of ['Patienter', 'Ej fördelade']) for (const k of Object.keys(wb.Sheets[s])) if (!k.startsWith('!')) expect(wb.Sheets[s][k].f).toBeUndefined();
    expect(cellRef.length).toBeGreaterThan(0);
    const sum = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Förslag'], { header: 1 });
    expect(String(sum[4][7])).toMatch(/Kapacitet 100 patienter/);
  });

  it('refuses personnummer as keys and names bad cells', () => {
    const r = parsePatientList('Patient;Ålder\n19121212-1212;50\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/personnummer/i);
    const r2 = parsePatientList('Patient;Grupp;Ålder;Vårdtyngd\nA;okänd grupp;abc;-1\n');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Grupp'], [2, 'Ålder'], [2, 'Vårdtyngd']]);
  });

  it('maps priority words', () => {
    expect(priorityOf('Hemsjukvård')).toBe('homeCare');
    expect(priorityOf('palliativ')).toBe('palliative');
    expect(priorityOf('Kronisk sjukdom')).toBe('chronic');
  });

  it('sheetsWorkbook writes values only', () => {
    const wb = XLSX.read(sheetsWorkbook([{ name: 'Serie', rows: [['Månad', 'Andel'], ['2026-01', 0.5]] }]), { type: 'array' });
    expect(XLSX.utils.sheet_to_json(wb.Sheets['Serie'], { header: 1 })).toEqual([['Månad', 'Andel'], ['2026-01', 0.5]]);
  });
});

describe('patient list CSV', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', async () => {
    const { readCsv } = await import('../../../src/lib/io/tabular/index');
    expect(readCsv('a;"b;c";"d ""e"""\r\n"x\ny";2;\n', { delimiter: ';' }).rows).toEqual([['a', 'b;c', 'd "e"'], ['x\ny', '2', '']]);
    const r = parsePatientList('Patientnyckel,Grupp,Ålder\n"K,1",SÄBO,88\n');
    expect(r.ok && r.rows[0]).toMatchObject({ key: 'K,1', priority: 'nursingHome', ageBand: '65+' });
  });
});

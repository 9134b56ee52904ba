import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan, excelFormat, type Plan } from '../../../src/lib/engine/index';
import { overviewRow, overviewTotals, type OverviewRow } from '../../../src/lib/engine/overview';
import { overviewWorkbook } from '../../../src/lib/io/overviewWorkbook';
import { doc, plan } from '../engine/helpers';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

const TODAY = '2026-11-23';

function row(p: Plan, key: string, source: 'browser' | 'file' = 'browser'): OverviewRow {
  return overviewRow({ key, name: p.unit.name, source, ...(source === 'file' ? { fileName: 'x.xlsx' } : {}), plan: p, result: computePlan(p, { today: TODAY }), latestSnapshot: source === 'browser' ? '2026-10' : null });
}

const demo = createDemoPlan();
const hostile = plan({ unit: { name: '=HYPERLINK("http://x","klicka")', listed: 2000, withNamedDoctor: 1500 }, doctors: [doc({ id: 'a', name: '+46 70 123', listed: 1200 }), doc({ id: 'b', name: '@Dr Ek', category: 'locum', listed: 300, fictiveListName: 'X Dr Ek' })] }, 'vgr');
const rows = [row(demo, 'unit:1'), row(hostile, 'file:1', 'file')];
const wb = XLSX.read(overviewWorkbook(rows, { today: TODAY }), { type: 'array', cellFormula: true, cellNF: true });
const sheet = (name: string) => wb.Sheets[name];
const cells = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(sheet(name), { header: 1, raw: true, defval: null });

describe('overview workbook', () => {
  it('has the units, the doctors and the region report', () => {
    expect(wb.SheetNames).toEqual(['Enheter', 'Läkare', 'Rapport till regionen']);
  });

  it('one row per unit with the unit results, in the formats of the unit workbook', () => {
    const u = cells('Enheter');
    const header = u[0] as string[];
    const at = (r: number, h: string) => u[r][header.indexOf(h)];
    expect(at(1, 'Enhet')).toBe(demo.unit.name);
    expect(at(1, 'Kapacitet enligt riktvärdet')).toBe(rows[0].capacityGuideline);
    expect(at(1, 'Andel med fast läkarkontakt i dag')).toBeCloseTo(rows[0].coverageToday!, 12);
    expect(at(1, 'Extra heltider')).toBeCloseTo(rows[0].fteNeeded, 12);
    expect(at(1, 'Över kapacitet')).toBe(rows[0].findings.find((f) => f.rule === 'over-capacity')!.count);
    const ws = sheet('Enheter');
    const cell = (h: string, r = 2) => ws[`${XLSX.utils.encode_col(header.indexOf(h))}${r}`] as XLSX.CellObject;
    expect(cell('Andel med fast läkarkontakt i dag').z).toBe(excelFormat('share', rows[0].coverageToday));
    expect(cell('Extra heltider').z).toBe(excelFormat('fte', rows[0].fteNeeded));
    expect(cell('Listade').z).toBe(excelFormat('patients', rows[0].listed));
    // No rule code anywhere a user looks.
    expect(header.join(' ')).not.toMatch(/over-capacity|goal-coverage|list-below-min/);
  });

  it('the totals row is live SUM formulas whose cached values are the overview totals', () => {
    const ws = sheet('Enheter');
    const u = cells('Enheter');
    const header = u[0] as string[];
    const total = (h: string) => ws[`${XLSX.utils.encode_col(header.indexOf(h))}4`] as XLSX.CellObject;
    const t = overviewTotals(rows);
    expect(total('Listade').f).toBe('SUM(F2:F3)');
    expect(total('Listade').v).toBe(t.listed);
    expect(total('Glapp (patienter)').v).toBe(t.gapPatients);
    expect(total('Andel med fast läkarkontakt i dag').f).toContain('SUM(G2:G3)/SUM(F2:F3)');
    expect(total('Andel med fast läkarkontakt i dag').v).toBeCloseTo(t.coverageToday!, 12);
    expect(total('Möjlig andel').f).toContain('SUMPRODUCT(K2:K3,F2:F3)');
    expect(total('Möjlig andel').v).toBeCloseTo(t.coveragePossible!, 12);
    // Free places (issue 16.4): appended after the columns that were there, each unit's own, the total their sum.
    expect(header.at(-1)).toBe('Lediga platser');
    expect(u[1][header.length - 1]).toBe(rows[0].freePlaces);
    const col = XLSX.utils.encode_col(header.length - 1);
    expect(total('Lediga platser').f).toBe(`SUM(${col}2:${col}3)`);
    expect(total('Lediga platser').v).toBe(t.freePlaces);
  });

  it('text a user typed stays text, never a formula', () => {
    for (const name of wb.SheetNames) {
      const ws = sheet(name);
      for (const [addr, c] of Object.entries(ws)) {
        if (addr.startsWith('!')) continue;
        const cell = c as XLSX.CellObject;
        if (typeof cell.v === 'string' && /^[=+@-]/.test(cell.v)) {
          expect(cell.t, `${name}!${addr}`).toBe('s');
          expect(cell.f, `${name}!${addr}`).toBeUndefined();
        }
      }
    }
    expect(cells('Enheter')[2][0]).toBe('=HYPERLINK("http://x","klicka")');
  });

  it('every doctor with the unit name', () => {
    const d = cells('Läkare');
    expect(d.length - 1).toBe(demo.doctors.length + hostile.doctors.length);
    expect(d[1][0]).toBe(demo.unit.name);
    expect(d.slice(1).map((r) => r[1])).toContain('+46 70 123');
  });

  it('the region report: each unit against 70 %, and per named doctor the patients on the list', () => {
    const r = cells('Rapport till regionen');
    const unitHeader = r.findIndex((x) => x[0] === 'Enhet' && x[1] === 'Listade');
    expect(r[unitHeader + 1].slice(0, 4)).toEqual([demo.unit.name, demo.unit.listed, demo.unit.withNamedDoctor, demo.unit.withNamedDoctor / demo.unit.listed]);
    expect(r[unitHeader + 1][4]).toBe(0.7);
    expect(r[unitHeader + 2][5]).toBe('Ja'); // 1 500 / 2 000 = 75 %
    const docHeader = r.findIndex((x) => x[0] === 'Enhet' && x[1] === 'Läkare');
    const docRows = r.slice(docHeader + 1).filter((x) => x.length);
    // The locum's fictive list and the AT/BT doctor are not named-doctor lists.
    expect(docRows.map((x) => x[1])).not.toContain('Peter Sandberg');
    expect(docRows.map((x) => x[1])).not.toContain('@Dr Ek');
    expect(docRows.find((x) => x[1] === 'Anna Lindqvist')?.[2]).toBe(950);
    expect(docRows.find((x) => x[1] === '+46 70 123')?.[2]).toBe(1200);
  });
});

describe.skipIf(!sofficePath() && process.env.CI !== 'true')('overview workbook in LibreOffice', () => {
  it('the totals recalculated by a real spreadsheet program equal the overview totals', () => {
    // Drop the cached totals first, so LibreOffice must compute them from the unit rows.
    const fresh = XLSX.read(overviewWorkbook(rows, { today: TODAY }), { type: 'array', cellFormula: true, cellNF: true });
    const ws = fresh.Sheets['Enheter'];
    for (const [addr, c] of Object.entries(ws)) if (!addr.startsWith('!') && (c as XLSX.CellObject).f) (c as XLSX.CellObject).v = 0;
    const bytes = new Uint8Array(XLSX.write(fresh, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const out = convertWithLibreOffice(bytes, 'xlsx', { recalc: 'always', name: 'oversikt.xlsx' });
    const back = XLSX.read(out.values().next().value!, { type: 'buffer' });
    const u = XLSX.utils.sheet_to_json<unknown[]>(back.Sheets['Enheter'], { header: 1, raw: true, defval: null });
    const header = u[0] as string[];
    const total = u[3];
    const t = overviewTotals(rows);
    expect(total[0]).toBe('Summa');
    expect(total[header.indexOf('Listade')]).toBe(t.listed);
    expect(total[header.indexOf('Kapacitet enligt riktvärdet')]).toBe(t.capacityGuideline);
    expect(total[header.indexOf('Glapp (patienter)')]).toBe(t.gapPatients);
    expect(total[header.indexOf('Extra heltider')] as number).toBeCloseTo(t.fteNeeded, 9);
    expect(total[header.indexOf('Andel med fast läkarkontakt i dag')] as number).toBeCloseTo(t.coverageToday!, 12);
    expect(total[header.indexOf('Möjlig andel')] as number).toBeCloseTo(t.coveragePossible!, 12);
    expect(total[header.indexOf('Tröskel: ja/nej')]).toBe(rows.filter((r) => r.thresholdMet).length);
  }, 120_000);
});

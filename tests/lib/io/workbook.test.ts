/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan } from '../../../src/lib/engine/index';
import type { Plan } from '../../../src/lib/engine/types';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { scanZip } from '../../../src/lib/io/zip';
import { readAoa, workbookFrom } from './helpers';

const TODAY = '2026-11-23';

function unzipText(bytes: Uint8Array, path: string): string {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, '/' + path);
  if (!entry) throw new Error('no ' + path);
  return new TextDecoder().decode(entry.content as Uint8Array);
}

function planWithExtras(): Plan {
  const plan = createDemoPlan();
  plan.extra = { customNote: { by: 'test', n: 3 } };
  plan.unit.extra = { region: 'Region Exempel' };
  plan.unit.priority.extra = { other: 5 };
  plan.doctors[0].extra = { room: 'B12' };
  plan.doctors[0].duties[0].extra = { note: 'måndagar' };
  plan.doctors[1].duties = [
    { kind: 'meetings', hoursPerWeek: 1, label: 'APT' },
    { kind: 'supervision', hoursPerWeek: 4, label: 'Handledare ST' },
    { kind: 'meetings', hoursPerWeek: 1.5, label: 'Läkarmöte' },
  ];
  plan.time = { weeksPerYear: 44, ownPatientShare: 0.65 };
  plan.model = 'time';
  return plan;
}

describe('SheetJS', () => {
  it('is the audited version 0.20.3', () => {
    expect(XLSX.version).toBe('0.20.3');
  });
});

describe('exportWorkbook', () => {
  const plan = createDemoPlan();
  const bytes = exportWorkbook(plan, { today: TODAY });

  it('has the contract sheets, Uppdrag and a hidden Data sheet', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Enhet', 'Läkare', 'Antaganden', 'Regler', 'Uppdrag', 'Data']);
    expect(wb.Workbook?.Sheets?.find((s) => s.name === 'Data')?.Hidden).toBe(1);
    expect(wb.Workbook?.Sheets?.find((s) => s.name === 'Läkare')?.Hidden ?? 0).toBe(0);
  });

  it('asks the spreadsheet program to recalculate fully on open, and freezes the header row', () => {
    expect(unzipText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect((wb.Workbook as { CalcPr?: { fullCalcOnLoad?: string } } | undefined)?.CalcPr?.fullCalcOnLoad).toBe('1');
    const sheet2 = unzipText(bytes, 'xl/worksheets/sheet2.xml');
    // Header row and (with the hidden Id column) the name column frozen (issue 13).
    expect(sheet2).toContain('<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>');
    expect(sheet2).toMatch(/<col [^>]*width=/);
  });

  it('writes the contract headers of Läkare', () => {
    const headers = readAoa(bytes)['Läkare'][0];
    for (const h of ['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad', 'ST månader gjorda', 'ST månader totalt', 'Handledning (tim/v)', 'Ledning (tim/v)', 'Forskning (tim/v)', 'Sidouppdrag (tim/v)', 'Möten (tim/v)', 'Övrigt (tim/v)', 'Frånvaro (veckor)', 'Listade', 'Listningspoäng', 'Vårdtyngd', 'Planerat slut', 'Kapacitet (riktvärde)', 'Kapacitet (tid)', 'Belastning']) {
      expect(headers).toContain(h);
    }
  });

  it('writes capacities as formulas whose cached values equal computePlan', () => {
    const result = computePlan(plan, { today: TODAY });
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const ws = wb.Sheets['Läkare'];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { raw: true });
    const headers = (XLSX.utils.sheet_to_json(ws, { header: 1 })[0] as string[]);
    const col = (h: string) => XLSX.utils.encode_col(headers.indexOf(h));
    result.doctors.forEach((d, i) => {
      expect(rows[i]['Kapacitet (riktvärde)']).toBe(d.capacityGuideline);
      expect(rows[i]['Kapacitet (tid)']).toBe(d.capacityTime);
      expect(ws[`${col('Kapacitet (riktvärde)')}${i + 2}`].f).toMatch(/INT\(ROUND\(/);
      expect(ws[`${col('Kapacitet (tid)')}${i + 2}`].f).toMatch(/INT\(ROUND\(/);
    });
    const unit = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Enhet'], { header: 1, raw: true });
    const byKey = new Map(unit.map((r) => [r[3], r[1]]));
    expect(byKey.get('capacity')).toBe(result.unit.capacity);
    expect(byKey.get('gapPatients')).toBe(result.unit.gapPatients);
    expect(byKey.get('capacityTime')).toBe(result.unit.capacityTime);
    expect(wb.Sheets['Enhet'].B17.f).toBeTruthy();
  });

  it('lists the findings in Regler and duty labels in Uppdrag', () => {
    const result = computePlan(plan, { today: TODAY });
    const aoa = readAoa(bytes);
    expect(aoa['Regler'].slice(1, 1 + result.findings.length).map((r) => r[3])).toEqual(result.findings.map((f) => f.message));
    const labels = aoa['Uppdrag'].slice(1).map((r) => r[4]).filter(Boolean);
    const expected = plan.doctors.flatMap((d) => d.duties.map((x) => x.label)).filter(Boolean);
    expect(labels).toEqual(expected);
  });

  it('adds extra sheets (APT) after its own, with safe names', () => {
    const b = exportWorkbook(plan, { today: TODAY, extraSheets: [{ name: 'APT', rows: [['Fråga', 'Svar'], ['=2+2', 3]] }, { name: 'Läkare', rows: [['x']] }] });
    const wb = XLSX.read(b, { type: 'array' });
    expect(wb.SheetNames).toContain('APT');
    expect(wb.SheetNames).toContain('Läkare (2)');
    expect(wb.Sheets['APT'].A2.t).toBe('s');
    expect(wb.Sheets['APT'].A2.f).toBeUndefined();
  });

  it('writes user text that starts with = + - @ as text, never as a formula', () => {
    const p = createDemoPlan();
    const evil = ['=HYPERLINK("http://x","klick")', '+46701234567', '-2+3', '@SUM(A1:A2)', '=cmd|\' /C calc\'!A0'];
    evil.forEach((name, i) => (p.doctors[i].name = name));
    p.unit.name = '=1+1';
    p.doctors[0].duties[0].label = '@label';
    const b = exportWorkbook(p, { today: TODAY });
    const sheet = unzipText(b, 'xl/worksheets/sheet2.xml');
    for (const name of evil) {
      const esc = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(sheet.includes(`<f>${esc}`) || sheet.includes(`<f>${name}`)).toBe(false);
    }
    const wb = XLSX.read(b, { type: 'array', cellFormula: true });
    evil.forEach((name, i) => {
      const cell = wb.Sheets['Läkare'][`B${i + 2}`];
      expect(cell.t).toBe('s');
      expect(cell.v).toBe(name);
      expect(cell.f).toBeUndefined();
    });
    expect(wb.Sheets['Enhet'].B2.f).toBeUndefined();
    const back = importWorkbook(b);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.plan.doctors.map((d) => d.name).slice(0, evil.length)).toEqual(evil);
      expect(back.plan.unit.name).toBe('=1+1');
    }
  });

  it('is a valid zip whose entries SheetJS reads back', () => {
    const scan = scanZip(bytes);
    expect(scan.ok).toBe(true);
    if (scan.ok) expect(scan.entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });
});

describe('importWorkbook: round trip', () => {
  it('gives back the same demo plan', () => {
    const plan = createDemoPlan();
    const r = importWorkbook(exportWorkbook(plan, { today: TODAY }));
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    expect(r.ok && r.plan).toEqual(plan);
  });

  it('keeps unknown fields, duty order, several duties of one kind, time overrides and the model', () => {
    const plan = planWithExtras();
    const r = importWorkbook(exportWorkbook(plan, { today: TODAY }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toEqual(plan);
  });

  it('keeps a custom profile', () => {
    const plan = createDemoPlan();
    const base = computePlan(plan).profile;
    plan.profile = { ...base, id: 'custom', name: 'Vår egen', guideline: { specialist: 1000, stMid: 500 } };
    const r = importWorkbook(exportWorkbook(plan, { today: TODAY }));
    expect(r.ok && r.plan.profile).toEqual(plan.profile);
  });

  it('accepts both ArrayBuffer and Uint8Array', () => {
    const bytes = exportWorkbook(createDemoPlan(), { today: TODAY });
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(importWorkbook(ab).ok).toBe(true);
  });
});

/** A hand-made workbook: what a manager types from scratch in Excel. */
function handmade(doctors: (string | number | null)[][], unit?: (string | number | null)[][]): Uint8Array {
  return workbookFrom({
    Instruktion: [['Det här bladet är mitt eget']],
    enhet: unit ?? [['Uppgift', 'Värde'], ['Enhetens namn', 'VC Handgjord'], ['Listade', '5 000'], ['Vårdtyngd (enheten)', '1,1'], ['Listade med fast läkarkontakt i dag', 3000], ['Mål för andel med fast läkarkontakt', '90 %']],
    LÄKARE: doctors,
  });
}

describe('importWorkbook: tolerant variants', () => {
  it('reads reordered, renamed-case columns, decimal commas, "80 %", blank rows, English categories, no Id, extra sheets', () => {
    const bytes = handmade([
      ['KATEGORI', 'namn', 'listade', 'tjänstgöringsgrad', 'Möten (tim/v)', 'vårdtyngd', 'Handledning'],
      ['specialist', 'Anna A', 1200, '80 %', '2,5', '1,2', null],
      [null, null, null, null, null, null, null],
      ['st', 'Bo B', '450', 0.5, null, null, '1'],
      ['General practitioner?', null, null, null, null, null, null].map(() => null),
      ['Geriatrician', 'Cecilia C', null, 100, null, null, null],
    ]);
    const r = importWorkbook(bytes);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const [a, b, c] = r.plan.doctors;
    expect(r.plan.unit).toMatchObject({ name: 'VC Handgjord', listed: 5000, careWeight: 1.1, withNamedDoctor: 3000, targetCoverage: 0.9 });
    expect(a).toMatchObject({ id: 'd1', name: 'Anna A', category: 'specialist', employment: 0.8, listed: 1200, careWeight: 1.2, duties: [{ kind: 'meetings', hoursPerWeek: 2.5 }] });
    expect(b).toMatchObject({ id: 'd2', name: 'Bo B', category: 'st', employment: 0.5, listed: 450, duties: [{ kind: 'supervision', hoursPerWeek: 1 }] });
    expect(c).toMatchObject({ category: 'geriatrician', employment: 1 });
    // 100 read as percent is said out loud.
    expect(r.warnings.some((w) => w.sheet === 'LÄKARE' && w.row === 6 && w.column === 'tjänstgöringsgrad')).toBe(true);
    expect(r.plan.doctors).toHaveLength(3);
  });

  it('finds a header row below a title row', () => {
    const r = importWorkbook(handmade([['Läkarlista hösten 2026'], [], ['Namn', 'Kategori', 'Tjänstgöringsgrad'], ['Anna A', 'specialist', '1,0']]));
    expect(r.ok && r.plan.doctors[0]).toMatchObject({ name: 'Anna A', employment: 1 });
  });

  it('reads a change a person made in Läkare of an exported file (the column wins over Uppdrag, with a warning)', () => {
    const plan = createDemoPlan();
    const bytes = exportWorkbook(plan, { today: TODAY });
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const ws = wb.Sheets['Läkare'];
    ws.D2 = { t: 's', v: '60 %' };
    const led = plan.doctors[0].duties.find((d) => d.kind === 'management');
    ws.H2 = { t: 'n', v: (led?.hoursPerWeek ?? 0) + 2 };
    const edited = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = importWorkbook(edited);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.doctors[0].employment).toBe(0.6);
    expect(r.plan.doctors[0].duties.find((d) => d.kind === 'management')?.hoursPerWeek).toBe((led?.hoursPerWeek ?? 0) + 2);
    expect(r.warnings.some((w) => w.sheet === 'Läkare' && w.row === 2 && w.column === 'Ledning (tim/v)')).toBe(led !== undefined);
  });
});

describe('importWorkbook: errors name sheet, row and column, and nothing is returned', () => {
  it('reports every bad cell with its spreadsheet row and header', () => {
    const r = importWorkbook(handmade([
      ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade'],
      ['Anna A', 'kirurg', '1', 100],
      ['', 'ST', 'mycket', 'tusen'],
      ['Cecilia C', 'specialist', 1.5e3, -3],
    ]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (row: number, column: string) => r.errors.find((e) => e.sheet === 'LÄKARE' && e.row === row && e.column === column);
    expect(at(2, 'Kategori')?.message).toMatch(/Okänd kategori "kirurg"/);
    expect(at(3, 'Namn')?.message).toMatch(/Namn saknas/);
    expect(at(3, 'Tjänstgöringsgrad')?.message).toMatch(/"mycket" är inte ett tal/);
    expect(at(3, 'Listade')?.message).toMatch(/"tusen" är inte ett tal/);
    expect(at(4, 'Tjänstgöringsgrad')?.message).toMatch(/utanför/);
    expect(at(4, 'Listade')?.message).toMatch(/negativt/);
    expect('plan' in r).toBe(false);
  });

  it('reports missing sheets and a missing employment column', () => {
    const r1 = importWorkbook(workbookFrom({ Blad1: [['a']] }));
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.errors.map((e) => e.sheet)).toEqual(['Enhet', 'Läkare']);
    const r2 = importWorkbook(handmade([['Namn', 'Kategori'], ['Anna', 'ST']]));
    expect(!r2.ok && r2.errors[0]).toMatchObject({ sheet: 'LÄKARE', row: 1, column: 'Tjänstgöringsgrad' });
  });

  it('reports duplicate ids', () => {
    const r = importWorkbook(handmade([['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad'], ['x', 'A', 'ST', 1], ['x', 'B', 'ST', 1]]));
    expect(!r.ok && r.errors[0]).toMatchObject({ row: 3, column: 'Id' });
  });

  it('refuses a personnummer as a doctor name or id', () => {
    const r = importWorkbook(handmade([['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad'], ['19121212-1212', 'A', 'ST', 1], ['d2', '811228-9874', 'ST', 1]]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Id'], [3, 'Namn']]);
      expect(JSON.stringify(r.errors)).not.toMatch(/1212-1212|9874/);
    }
  });

  it('refuses a personnummer typed into a number column without echoing it', () => {
    const r = importWorkbook(handmade([['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade'], ['A', 'ST', 1, '19121212-1212']]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].message).toMatch(/personnummer/);
      expect(JSON.stringify(r.errors)).not.toContain('1212-1212');
    }
  });
});

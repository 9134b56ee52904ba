/**
 * Acceptance suite for the workbook contract (shared/spec/contracts.md, Workbook I/O), from the
 * spec only. Uses the public entry points (src/lib/io/index.ts, src/lib/engine/index.ts) and
 * SheetJS directly to read what was written and to build workbooks the way a person would.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { exportWorkbook, importWorkbook } from '../../src/lib/io/index';
import { rawZip, xlsxParts } from '../lib/io/helpers';
import { computePlan, createDemoPlan, createEmptyPlan, PROFILES, type Doctor, type Plan, type RuleProfile } from '../../src/lib/engine/index';

const TODAY = '2026-01-15';

const LAKARE_HEADERS = [
  'Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad', 'ST månader gjorda', 'ST månader totalt',
  'Handledning (tim/v)', 'Ledning (tim/v)', 'Forskning (tim/v)', 'Sidouppdrag (tim/v)', 'Möten (tim/v)',
  'Övrigt (tim/v)', 'Frånvaro (veckor)', 'Listade', 'Listningspoäng', 'Vårdtyngd', 'Planerat slut',
  'Kapacitet (riktvärde)', 'Kapacitet (tid)', 'Belastning',
];

function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellFormula: true });
}

function headerIndex(ws: XLSX.WorkSheet): { row: number; cols: Map<string, number> } {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
  const row = rows.findIndex((r) => r.includes('Id') && r.includes('Namn'));
  const cols = new Map<string, number>();
  rows[row].forEach((h, i) => { if (typeof h === 'string') cols.set(h, i); });
  return { row, cols };
}

function roundTrip(plan: Plan): Plan {
  const res = importWorkbook(exportWorkbook(plan, { today: TODAY }));
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.plan;
}

const customProfile: RuleProfile = {
  ...structuredClone(PROFILES.vgr),
  id: 'custom',
  name: 'Egen profil',
  source: 'Test',
  guideline: { specialist: 1000, stMid: 480 },
  stRamp: { enabled: false, startFactor: 0.4, endFactor: 1.6 },
  coverageThreshold: 0.65,
  minEmploymentMonths: 6,
};

function doctor(over: Partial<Doctor> & { id: string }): Doctor {
  return { name: `Dr ${over.id}`, category: 'specialist', employment: 1, duties: [], absenceWeeks: 0, ...over };
}

describe('export → import round trip (contracts.md: round trip gives the same plan)', () => {
  it('demo plan', () => {
    const p = createDemoPlan();
    expect(roundTrip(p)).toEqual(p);
  });

  it('custom profile, overridden time, unknown fields everywhere', () => {
    const p: Plan = createDemoPlan();
    p.profile = customProfile;
    p.model = 'time';
    p.time = { weeksPerYear: 44, ownPatientShare: 0.75 };
    // Unknown fields: in memory in each object's `extra` bag (engine types.ts).
    p.extra = { regionCode: 'X-17' };
    p.unit.extra = { hsaId: 'SE123' };
    p.doctors[0].extra = { note: { free: 'text', n: [1, 2] } };
    p.doctors[1].duties[0].extra = { contract: 'avtal 7' };
    expect(roundTrip(p)).toEqual(p);
  });

  it('many duties of one kind add up in their column and keep their labels', () => {
    const p = createEmptyPlan('Enheten');
    p.unit.listed = 3000;
    p.doctors = [
      doctor({
        id: 'a',
        duties: [
          { kind: 'supervision', hoursPerWeek: 1.5, label: 'Handledare ST 1' },
          { kind: 'supervision', hoursPerWeek: 2, label: 'Handledare ST 2' },
          { kind: 'management', hoursPerWeek: 4, label: 'MLA' },
          { kind: 'research', hoursPerWeek: 2 },
          { kind: 'side', hoursPerWeek: 1 },
          { kind: 'meetings', hoursPerWeek: 2, label: 'APT' },
          { kind: 'other', hoursPerWeek: 0.5, label: 'Läkemedelskommittén' },
        ],
      }),
    ];
    const bytes = exportWorkbook(p, { today: TODAY });
    const wb = read(bytes);
    expect(wb.SheetNames).toContain('Uppdrag');
    const ws = wb.Sheets['Läkare'];
    const { row, cols } = headerIndex(ws);
    const sup = ws[XLSX.utils.encode_cell({ r: row + 1, c: cols.get('Handledning (tim/v)')! })] as XLSX.CellObject;
    expect(sup.v).toBe(3.5);
    const uppdrag = JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets['Uppdrag'], { header: 1 }));
    expect(uppdrag).toContain('Handledare ST 1');
    expect(uppdrag).toContain('Läkemedelskommittén');
    expect(roundTrip(p)).toEqual(p);
  });

  it('an empty unit (no doctors) and every category', () => {
    const empty = createEmptyPlan('Tom enhet');
    expect(roundTrip(empty)).toEqual(empty);
    const all = createEmptyPlan('Alla kategorier');
    all.unit.listed = 5000;
    all.doctors = (['specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior'] as const).map((category, i) =>
      doctor({ id: `d${i + 1}`, category, ...(category === 'st' ? { stMonthsDone: 12, stMonthsTotal: 60 } : {}), listed: 100 * i, plannedEnd: '2027-02-28' }),
    );
    expect(roundTrip(all)).toEqual(all);
  });

  it('a value changed in the spreadsheet wins over the saved copy', () => {
    const p = createDemoPlan();
    const wb = read(exportWorkbook(p, { today: TODAY }));
    const ws = wb.Sheets['Läkare'];
    const { row, cols } = headerIndex(ws);
    ws[XLSX.utils.encode_cell({ r: row + 1, c: cols.get('Tjänstgöringsgrad')! })] = { t: 'n', v: 0.5 };
    ws[XLSX.utils.encode_cell({ r: row + 2, c: cols.get('Listade')! })] = { t: 'n', v: 999 };
    const res = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.plan.doctors[0].employment).toBe(0.5);
    expect(res.plan.doctors[1].listed).toBe(999);
    expect(res.plan.doctors[2]).toEqual(p.doctors[2]);
  });
});

describe('sheets, headers, live formulas', () => {
  const plan = createDemoPlan();
  const wb = read(exportWorkbook(plan, { today: TODAY }));
  const result = computePlan(plan, { today: TODAY });

  it('has the four sheets and every Läkare header', () => {
    for (const s of ['Enhet', 'Läkare', 'Antaganden', 'Regler']) expect(wb.SheetNames).toContain(s);
    const { cols } = headerIndex(wb.Sheets['Läkare']);
    for (const h of LAKARE_HEADERS) expect(cols.has(h), h).toBe(true);
  });

  it('categories are written in Swedish', () => {
    const ws = wb.Sheets['Läkare'];
    const { row, cols } = headerIndex(ws);
    const cats = plan.doctors.map((_, i) => (ws[XLSX.utils.encode_cell({ r: row + 1 + i, c: cols.get('Kategori')! })] as XLSX.CellObject).v);
    const expected: Record<string, string> = {
      specialist: 'specialist', st: 'ST', geriatrician: 'geriatriker', pediatrician: 'barnläkare',
      dispensation: 'dispens', locum: 'hyrläkare', junior: 'AT/BT',
    };
    expect(cats).toEqual(plan.doctors.map((d) => expected[d.category]));
  });

  it('doctor results are formulas whose cached values equal computePlan', () => {
    const ws = wb.Sheets['Läkare'];
    const { row, cols } = headerIndex(ws);
    result.doctors.forEach((d, i) => {
      const cell = (h: string) => ws[XLSX.utils.encode_cell({ r: row + 1 + i, c: cols.get(h)! })] as XLSX.CellObject | undefined;
      expect(cell('Id')?.v).toBe(d.id);
      expect(cell('Kapacitet (riktvärde)')?.f, `${d.id} riktvärde`).toBeTruthy();
      expect(cell('Kapacitet (riktvärde)')?.v).toBe(d.capacityGuideline);
      expect(cell('Kapacitet (tid)')?.f).toBeTruthy();
      expect(cell('Kapacitet (tid)')?.v).toBe(d.capacityTime);
      const load = cell('Belastning');
      expect(load?.f).toBeTruthy();
      if (d.loadRatio !== null && Number.isFinite(d.loadRatio)) expect(load?.v as number).toBeCloseTo(d.loadRatio, 9);
    });
  });

  it('unit results in Enhet are formulas with cached values equal to computePlan', () => {
    const ws = wb.Sheets['Enhet'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    const labels: Record<string, keyof typeof result.unit> = {
      'Kapacitet (vald modell)': 'capacity',
      'Kapacitet enligt riktvärdet': 'capacityGuideline',
      'Kapacitet enligt tidsmodellen': 'capacityTime',
      'Andel med fast läkarkontakt i dag': 'coverageToday',
      'Möjlig andel med fast läkarkontakt': 'coveragePossible',
      'Glapp (patienter utan plats)': 'gapPatients',
      'Behov av fler heltidsspecialister': 'fteNeeded',
      'Prioriterade totalt': 'priorityTotal',
      'Prioriterade som ryms i kapaciteten': 'priorityCovered',
    };
    for (const [label, key] of Object.entries(labels)) {
      const r = rows.findIndex((x) => x[0] === label);
      expect(r, label).toBeGreaterThan(0);
      const cell = ws[XLSX.utils.encode_cell({ r, c: 1 })] as XLSX.CellObject;
      expect(cell.f, label).toBeTruthy();
      expect(cell.v as number).toBeCloseTo(result.unit[key] as number, 9);
    }
  });

  it('Regler lists the findings', () => {
    const text = JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets['Regler'], { header: 1 }));
    // Each finding's message; its rule in words, never the rule code (issue 10.4 overrides the codes of domain.md §5 here).
    for (const f of result.findings) {
      expect(text).toContain(f.message);
      expect(text).not.toContain(`"${f.rule}"`);
    }
  });

  it('a time-model plan with a custom profile also has matching cached values', () => {
    const p = createDemoPlan();
    p.model = 'time';
    p.profile = customProfile;
    p.time = { fullTimeHours: 38, indirectShare: 0.4 };
    const r = computePlan(p, { today: TODAY });
    const w = read(exportWorkbook(p, { today: TODAY }));
    const ws = w.Sheets['Läkare'];
    const { row, cols } = headerIndex(ws);
    r.doctors.forEach((d, i) => {
      expect((ws[XLSX.utils.encode_cell({ r: row + 1 + i, c: cols.get('Kapacitet (riktvärde)')! })] as XLSX.CellObject).v).toBe(d.capacityGuideline);
      expect((ws[XLSX.utils.encode_cell({ r: row + 1 + i, c: cols.get('Kapacitet (tid)')! })] as XLSX.CellObject).v).toBe(d.capacityTime);
    });
  });
});

describe('formula injection', () => {
  it('user text starting with = + - @ is written as text and comes back unchanged', () => {
    const p = createEmptyPlan('=HYPERLINK("http://x","klick")');
    p.unit.listed = 2000;
    p.doctors = [
      doctor({ id: 'a', name: '+46 Anna', duties: [{ kind: 'other', hoursPerWeek: 1, label: '@SUM(A1:A9)' }] }),
      doctor({ id: 'b', name: '-Bertil' }),
      doctor({ id: 'c', name: '=1+1', category: 'locum', fictiveListName: '=cmd|calc' }),
    ];
    const wb = read(exportWorkbook(p, { today: TODAY }));
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      for (const addr of Object.keys(ws)) {
        if (addr.startsWith('!')) continue;
        const c = ws[addr] as XLSX.CellObject;
        if (c.f) expect(String(c.f), `${name}!${addr}`).not.toMatch(/HYPERLINK|cmd|SUM\(A1:A9\)|^1\+1$|46 Anna|Bertil/);
      }
    }
    expect(roundTrip(p)).toEqual(p);
  });
});

describe('importWorkbook never throws', () => {
  const isErrorShape = (e: unknown) => {
    const m = e as Record<string, unknown>;
    return typeof m.sheet === 'string' && (m.row === null || typeof m.row === 'number') &&
      (m.column === null || typeof m.column === 'string') && typeof m.message === 'string' && m.message.length > 0;
  };

  it('random bytes give { ok: false, errors } with sheet/row/column/message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
        ),
        (bytes) => {
          const r = importWorkbook(bytes);
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(isErrorShape(e)).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20260115 },
    );
  });

  it('a real export with bytes flipped never throws', () => {
    const good = exportWorkbook(createDemoPlan(), { today: TODAY });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), (flips) => {
        const b = good.slice();
        for (const [i, v] of flips) b[i] = v;
        const r = importWorkbook(b);
        if (!r.ok) for (const e of r.errors) expect(isErrorShape(e)).toBe(true);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('a workbook made by hand', () => {
  const enhet = [
    ['Uppgift', 'Värde'],
    ['Enhetens namn', 'Vårdcentralen Handgjord'],
    [],
    ['Listade', '7 450'],
    ['Vårdtyngd (enheten)', '1,05'],
    ['Listade med fast läkarkontakt i dag', 4000],
    ['Mål för andel med fast läkarkontakt', '90 %'],
    ['Modell som styr planen', 'tid'],
    ['Regelprofil', 'vgr'],
    ['Prioriterade: multisjuka', 300],
    ['Prioriterade: boende på SÄBO', '40'],
  ];
  // reordered, case-changed headers, blank rows, categories in both languages, decimal commas as text
  const lakare = [
    ['KATEGORI', 'namn', 'ID', 'tjänstgöringsgrad', 'Listade', 'Vårdtyngd', 'Möten (tim/v)', 'ST månader gjorda', 'ST månader totalt', 'Planerat slut', 'Egen anteckning'],
    ['Specialist', 'Anna A', 'd1', '80 %', '1 200', '1,1', '2', null, null, '2027-06-30', 'x'],
    [],
    ['ST', 'Bo B', 'd2', '0,5', 300, null, '1,5', 24, 60, null, null],
    ['geriatrician', 'Cecilia C', 'd3', 1, 500, '1,6', null, null, null, null, null],
    ['barnläkare', 'David D', 'd4', '100%', null, null, null, null, null, null, null],
    ['locum', 'Erik E', 'd5', 1, null, null, null, null, null, null, null],
    ['AT/BT', 'Fia F', 'd6', '1', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null, null, null],
  ];
  const build = (l = lakare, extra = true) => {
    const wb = XLSX.utils.book_new();
    if (extra) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Mina anteckningar'], ['vad som helst', 42]]), 'Anteckningar');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(enhet), 'Enhet');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(l), 'Läkare');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };

  it('imports to the expected plan', () => {
    const r = importWorkbook(build());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const p = r.plan;
    expect(p.profile).toBe('vgr');
    expect(p.model).toBe('time');
    expect(p.unit).toMatchObject({ name: 'Vårdcentralen Handgjord', listed: 7450, careWeight: 1.05, withNamedDoctor: 4000, targetCoverage: 0.9 });
    expect(p.unit.priority).toMatchObject({ multimorbid: 300, nursingHome: 40 });
    expect(p.doctors.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(p.doctors.map((d) => d.category)).toEqual(['specialist', 'st', 'geriatrician', 'pediatrician', 'locum', 'junior']);
    expect(p.doctors[0]).toMatchObject({ name: 'Anna A', employment: 0.8, listed: 1200, careWeight: 1.1, plannedEnd: '2027-06-30' });
    expect(p.doctors[0].duties).toEqual([expect.objectContaining({ kind: 'meetings', hoursPerWeek: 2 })]);
    expect(p.doctors[1]).toMatchObject({ employment: 0.5, listed: 300, stMonthsDone: 24, stMonthsTotal: 60 });
    expect(p.doctors[1].duties).toEqual([expect.objectContaining({ kind: 'meetings', hoursPerWeek: 1.5 })]);
    expect(p.doctors[2]).toMatchObject({ employment: 1, listed: 500, careWeight: 1.6 });
    expect(p.doctors[3].employment).toBe(1);
    expect(p.doctors[4].duties).toEqual([]);
    expect(p.doctors[5].employment).toBe(1);
    // And the engine computes it: d1 guideline 1 100 × 0,8 × (1 − 2/32) / 1,1 = 750
    expect(computePlan(p, { today: TODAY }).doctors[0].capacityGuideline).toBe(750);
  });

  it('an error in one row gives sheet, row and column and no plan', () => {
    const bad = lakare.map((r) => [...r]);
    bad[3][3] = 'heltid'; // Bo B, Tjänstgöringsgrad, spreadsheet row 4
    const r = importWorkbook(build(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).not.toHaveProperty('plan');
    const e = r.errors.find((x) => x.row === 4);
    expect(e).toBeDefined();
    expect(e!.sheet).toBe('Läkare');
    expect(['tjänstgöringsgrad', 'Tjänstgöringsgrad', 'D']).toContain(e!.column);
    expect(e!.message).toMatch(/heltid/);
  });

  it('employment written as a whole number of percent ("3", "80") is read as percent, and never silently', () => {
    // Decision (contracts.md: tolerant variants such as `80 %`): a share above 1 and up to 100 is a percent,
    // accepted with a warning at its place — so a typed "3" becomes 3 % with a visible note, not 300 %.
    const bad = lakare.map((r) => [...r]);
    bad[1][3] = '3';
    const r = importWorkbook(build(bad));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.doctors[0].employment).toBeCloseTo(0.03, 12);
    expect(r.warnings.find((w) => w.sheet === 'Läkare' && w.row === 2 && w.column !== null)).toBeDefined();
  });

  it.each([
    ['employment 150 %', 3, '150 %'],
    ['employment 250', 3, 250],
    ['negative employment', 3, '-0,5'],
    ['unknown category', 0, 'kirurg'],
    ['negative duty hours', 6, '-2'],
    ['care weight 0', 5, '0'],
  ])('%s is refused with its place', (_n, col, value) => {
    const bad = lakare.map((r) => [...r]);
    bad[1][col] = value;
    const r = importWorkbook(build(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.row === 2 && x.sheet === 'Läkare');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.column).not.toBeNull();
  });
});

describe('more hand-made variants', () => {
  const importSheets = (enhet: unknown[][], lakare: unknown[][]) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(enhet), 'Enhet');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(lakare, { cellDates: true }), 'Läkare');
    return importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  };
  const enhet = [['Enhetens namn', 'VC Hand'], ['Listade', '7\u00a0450'], ['Vårdtyngd (enheten)', '1,05']];

  it('an Enhet sheet without a header row, a Läkare sheet with a title row and no Id column', () => {
    const r = importSheets(enhet, [['Läkarna på VC Hand'], [], ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Planerat slut'], ['Anna', 'Specialist', '0.8', new Date(Date.UTC(2027, 5, 30))], ['Bo', 'st', '50\u00a0%', null]]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.unit).toMatchObject({ name: 'VC Hand', listed: 7450, careWeight: 1.05 });
    expect(r.plan.doctors).toHaveLength(2);
    expect(new Set(r.plan.doctors.map((d) => d.id)).size).toBe(2);
    expect(r.plan.doctors[0]).toMatchObject({ name: 'Anna', category: 'specialist', employment: 0.8, plannedEnd: '2027-06-30' });
    expect(r.plan.doctors[1]).toMatchObject({ name: 'Bo', category: 'st', employment: 0.5 });
  });

  it('categories in every written form', () => {
    const words = ['specialist', 'ST', 'geriatriker', 'barnläkare', 'dispens', 'hyrläkare', 'AT/BT', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior', 'st'];
    const r = importSheets(enhet, [['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad'], ...words.map((w, i) => [`d${i + 1}`, `Dr ${i}`, w, 1])]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.doctors.map((d) => d.category)).toEqual([
      'specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior',
      'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior', 'st',
    ]);
  });

  it('a personnummer in a cell is refused at its place and never stored', () => {
    const r = importSheets(enhet, [['Id', 'Namn', 'Kategori', 'Tjänstgöringsgrad'], ['a', '19121212-1212', 'specialist', 1]]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ sheet: 'Läkare', row: 2, column: 'Namn' });
    expect(JSON.stringify(r)).not.toContain('19121212');
  });

  it('a missing Läkare sheet is named', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(enhet), 'Enhet');
    const r = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.sheet === 'Läkare')).toBe(true);
  });
});


describe('hostile files (contracts.md: bounded memory and time)', () => {
  it('a Läkare sheet of a million rows, with and without a dimension tag, is refused within seconds', () => {
    const rows: string[] = [];
    for (let i = 1; i <= 1_000_000; i++) rows.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Dr ${i}</t></is></c><c r="B${i}"><v>1</v></c></row>`);
    const body = `<sheetData>${rows.join('')}</sheetData></worksheet>`;
    const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
    for (const xml of [`${head}<dimension ref="A1:B1000000"/>${body}`, `${head}${body}`]) {
      const bytes = rawZip(xlsxParts(xml));
      const t = performance.now();
      const r = importWorkbook(bytes);
      expect(performance.now() - t).toBeLessThan(15_000);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].message.length).toBeGreaterThan(10);
    }
  }, 60_000);
});

describe('extra sheets (the APT notes)', () => {
  it('are written after ours, their text never becomes a formula, and import ignores them', () => {
    const p = createDemoPlan();
    const bytes = exportWorkbook(p, { today: TODAY, extraSheets: [{ name: 'APT', rows: [['Område', 'Anteckning'], ['Rutiner', '=HYPERLINK("http://x")'], ['Personal', '@SUM(1)', 3, true, null]] }] });
    const wb = read(bytes);
    expect(wb.SheetNames).toContain('APT');
    const ws = wb.Sheets['APT'];
    const b2 = ws['B2'] as XLSX.CellObject;
    expect(b2.t).toBe('s');
    expect(b2.f).toBeUndefined();
    expect(b2.v).toBe('=HYPERLINK("http://x")');
    expect((ws['B3'] as XLSX.CellObject).f).toBeUndefined();
    const r = importWorkbook(bytes);
    expect(r.ok && r.plan).toEqual(p);
  });
});

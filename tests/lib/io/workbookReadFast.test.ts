/**
 * Reading unit workbooks for Översikt faster (polish item 2) changes nothing a user sees: the reader no
 * longer asks SheetJS for each cell's formatted text (`cellText: false`), and the preflight inflates
 * from a stream made in place instead of a Blob's. The overview rows (and the plans under them) of the
 * demo, generated units and hand-made workbooks are the same as with SheetJS's formatted text.
 */
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createDemoPlan, createDoctor, type Plan } from '../../../src/lib/engine/index';
import { overviewRow } from '../../../src/lib/engine/overview';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { preflight } from '../../../src/lib/io/preflight';
import { cellValue } from '../../../src/lib/io/sheetread';
import { workbookFrom } from './helpers';

/** The reference: SheetJS with formatted text, as the reader was before. */
const mode = vi.hoisted(() => ({ formattedText: false, reads: [] as (boolean | undefined)[] }));
vi.mock('xlsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('xlsx')>();
  return {
    ...real,
    read: (data: unknown, opts: XLSX.ParsingOptions = {}) => {
      const o = mode.formattedText ? { ...opts, cellText: true } : opts;
      mode.reads.push(o.cellText);
      return real.read(data, o);
    },
  };
});

const TODAY = '2026-11-23';

function unitPlan(i: number): Plan {
  const plan = createDemoPlan();
  plan.unit.name = `Vårdcentral ${i + 1}`;
  plan.profile = i % 3 === 0 ? 'vgr' : 'national';
  plan.unit.listed = 20_000 + ((i * 7919) % 25_000);
  plan.unit.withNamedDoctor = Math.floor(plan.unit.listed * (0.35 + ((i * 37) % 50) / 100));
  while (plan.doctors.length < 12 + i) {
    const d = createDoctor(plan.doctors.length % 5 === 0 ? 'st' : 'specialist', plan.doctors.map((x) => x.id));
    d.name = `Läkare ${plan.doctors.length + 1}`;
    d.employment = [1, 0.8, 0.6, 0.9][plan.doctors.length % 4];
    d.listed = 600 + ((plan.doctors.length * 97 + i * 13) % 900);
    if (plan.doctors.length % 3 === 0) d.duties = [{ kind: 'management', hoursPerWeek: 4.5, label: 'MLA' }];
    plan.doctors.push(d);
  }
  return plan;
}

/** What Översikt shows of a workbook file: its row (plan, result and every column). */
function rowOf(bytes: Uint8Array, formattedText: boolean) {
  mode.formattedText = formattedText;
  try {
    const r = importWorkbook(bytes);
    if (!r.ok) return { ok: false, errors: r.errors };
    const result = computePlan(r.plan, { today: TODAY });
    return { ok: true, warnings: r.warnings, row: overviewRow({ key: 'file:x', name: r.plan.unit.name, source: 'file', fileName: 'x.xlsx', plan: r.plan, result, latestSnapshot: null }) };
  } finally {
    mode.formattedText = false;
  }
}

const WORKBOOKS: [string, () => Uint8Array][] = [
  ['the demo', () => exportWorkbook(createDemoPlan(), { today: TODAY })],
  ...Array.from({ length: 6 }, (_, i) => [`generated unit ${i + 1}`, () => exportWorkbook(unitPlan(i * 7), { today: TODAY })] as [string, () => Uint8Array]),
  [
    'a hand-made workbook (text numbers, percent, booleans, an error cell)',
    () =>
      workbookFrom({
        Enhet: [['Uppgift', 'Värde'], ['Enhetens namn', 'VC Handgjord'], ['Listade', '5 000'], ['Vårdtyngd (enheten)', '1,1'], ['Listade med fast läkarkontakt i dag', 3000]],
        Läkare: [
          ['Namn', 'Kategori', 'Tjänstgöringsgrad', 'Listade', 'Möten (tim/v)'],
          ['Anna A', 'specialist', '80 %', 1200, '2,5'],
          ['Bo B', 'ST', 0.5, 450, true],
        ],
      }),
  ],
];

describe('unit workbooks read without formatted text give the same overview rows', () => {
  for (const [name, make] of WORKBOOKS) {
    it(name, () => {
      const bytes = make();
      mode.reads = [];
      const fast = rowOf(bytes, false);
      expect(mode.reads).toContain(false); // the reader asks for no formatted text
      const reference = rowOf(bytes, true);
      expect(fast).toEqual(reference);
    });
  }

  it('an error cell reads as the same Excel error either way', () => {
    const ws = XLSX.utils.aoa_to_sheet([[1]]);
    ws.A1 = { t: 'e', v: 0x07 };
    ws.B1 = { t: 'e', v: 0x2a };
    ws['!ref'] = 'A1:B1';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Blad1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = (formattedText: boolean) => {
      const sheet = XLSX.read(bytes, { type: 'array', dense: true, cellText: formattedText }).Sheets.Blad1;
      return [cellValue(sheet, 0, 0), cellValue(sheet, 0, 1)];
    };
    expect(read(false)).toEqual([{ error: '#DIV/0!' }, { error: '#N/A' }]);
    expect(read(false)).toEqual(read(true));
  });

  it('the preflight still refuses an entry that inflates past its declared size, and passes honest files', async () => {
    const honest = exportWorkbook(unitPlan(3), { today: TODAY });
    expect(await preflight(honest, 'workbook')).toBeNull();
    // Lie in the central directory and the local header: declare sheet1.xml as 10 bytes.
    const lying = new Uint8Array(honest);
    const dv = new DataView(lying.buffer);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const at = (sig: number, nameOffset: number, sizeOffset: number) => {
      for (let i = 0; i + 46 < lying.length; i++) {
        if (dv.getUint32(i, true) !== sig) continue;
        if (name.every((b, k) => lying[i + nameOffset + k] === b)) dv.setUint32(i + sizeOffset, 10, true);
      }
    };
    at(0x04034b50, 30, 22); // local header: uncompressed size at 22
    at(0x02014b50, 46, 24); // central directory: uncompressed size at 24
    const refused = await preflight(lying, 'workbook');
    expect(refused).not.toBeNull();
  });
});

// Plain Swedish in every exported workbook (issue 10.4): every visible cell (a sheet, column and row that are
// not hidden; the text a spreadsheet shows, cached value and number format) of the plan workbook (demo, a
// generated 40-doctor unit, every shipped profile and a custom one), the overview, the allocation and the
// APT minutes holds no engine field name, rule code, profile id, category or duty code, "domain.md" or "§".
// Keys the importer needs stay in the file, in hidden columns and the hidden Data sheet, and are read back.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computePlan, createCustomProfile, createDemoPlan, PROFILE_IDS, PROFILES, type Plan } from '../../../src/lib/engine/index';
import { overviewRow } from '../../../src/lib/engine/overview';
import { allocate, allocationDoctors, groupPatients } from '../../../src/lib/engine/followup';
import { applyWorkshopEdit, createWorkshop, meetingMinutes } from '../../../src/lib/engine/workshop';
import { exportWorkbook, importWorkbook } from '../../../src/lib/io/index';
import { overviewWorkbook } from '../../../src/lib/io/overviewWorkbook';
import { allocationWorkbook } from '../../../src/lib/io/allocationWorkbook';
import { parsePatientList } from '../../../src/lib/io/patientList';
import { minutesWorkbook } from '../../../src/lib/io/workshopMinutes';
import { internalWordsIn } from '../strings/internalWords';
import { fortyDoctorPlan } from '../../fixtures/fortyDoctors';

const TODAY = '2026-12-01';

/** Each visible cell as "Sheet!A1: text", as a spreadsheet shows it. */
export function visibleCells(bytes: Uint8Array): string[] {
  const wb = XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true });
  const hiddenSheet = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const out: string[] = [];
  for (const name of wb.SheetNames) {
    if (hiddenSheet.has(name)) continue;
    const ws = wb.Sheets[name];
    const cols = ws['!cols'] ?? [];
    const rows = ws['!rows'] ?? [];
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith('!')) continue;
      const { c, r } = XLSX.utils.decode_cell(addr);
      if (cols[c]?.hidden || rows[r]?.hidden) continue;
      const c0 = cell as XLSX.CellObject;
      // A number cell shows digits whatever its format; a text cell shows its text.
      const shown = String(c0.v ?? '');
      out.push(`${name}!${addr}: ${shown}`);
    }
  }
  return out;
}

function problemsIn(bytes: Uint8Array): string[] {
  return visibleCells(bytes).flatMap((cell) => internalWordsIn(cell.slice(cell.indexOf(': ') + 2)).map((p) => `${cell.slice(0, cell.indexOf(': '))}: ${p}`));
}

const plans: [string, Plan][] = [
  ['demo', createDemoPlan()],
  ['40 läkare', fortyDoctorPlan()],
  ...PROFILE_IDS.map((id): [string, Plan] => [`profil ${id}`, { ...fortyDoctorPlan(), profile: id }]),
  ['egen profil', { ...createDemoPlan(), profile: createCustomProfile('vgr') }],
];

describe('exported workbooks: no internal word in a visible cell', () => {
  it.each(plans)('plan workbook, %s', (_name, plan) => {
    const bytes = exportWorkbook(plan, { today: TODAY });
    expect(visibleCells(bytes).length).toBeGreaterThan(100);
    expect(problemsIn(bytes)).toEqual([]);
  });

  it.each(plans)('the keys stay in hidden columns and the import reads them back, %s', (_name, plan) => {
    const bytes = exportWorkbook(plan, { today: TODAY });
    const shown = visibleCells(bytes).join('\n');
    expect(shown).not.toMatch(/Nyckel|Läkar-id|Enhet!A1: Id\b|Läkare!A1: Id\b/);
    const back = importWorkbook(bytes);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.plan.doctors.map((d) => d.id)).toEqual(plan.doctors.map((d) => d.id));
      expect(back.plan.profile).toEqual(plan.profile);
    }
  });

  it('the rule profile is written by its Swedish name and read back by name (any case and spacing) or id', () => {
    for (const id of PROFILE_IDS) {
      const wb = XLSX.read(exportWorkbook({ ...createDemoPlan(), profile: id }, { today: TODAY }), { type: 'array' });
      expect(wb.Sheets['Enhet']['B9'].v).toBe(PROFILES[id].name);
      expect(wb.Sheets['Antaganden']['B16'].v).toBe(PROFILES[id].name);
      for (const written of [PROFILES[id].name, `  ${PROFILES[id].name.toUpperCase()} `, id]) {
        wb.Sheets['Enhet']['B9'] = { t: 's', v: written };
        const back = importWorkbook(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
        expect(back.ok && back.plan.profile, written).toBe(id);
      }
    }
  });

  it('the overview workbook', () => {
    const rows = plans.slice(0, 3).map(([, p], i) =>
      overviewRow({ key: `unit:${i}`, name: p.unit.name, source: 'browser', plan: p, result: computePlan(p, { today: TODAY }), latestSnapshot: '2026-10' }),
    );
    expect(problemsIn(overviewWorkbook(rows, { today: TODAY }))).toEqual([]);
  });

  it('the allocation workbook', () => {
    const p = fortyDoctorPlan();
    const list = parsePatientList('Patientnyckel;Prioriterad grupp;Ålder;Vårdtyngd\nK1;Multisjuk;81;1,5\nK2;;40;\nK3;SÄBO;90;\nK4;Annat kontinuerligt vårdbehov;55;\nK5;Palliativ;70;\n');
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const result = allocate(groupPatients(list.rows), allocationDoctors(p, computePlan(p, { today: TODAY })));
    expect(problemsIn(allocationWorkbook(result, { unitName: p.unit.name, today: TODAY }))).toEqual([]);
  });

  it('the APT minutes workbook', () => {
    let m = createWorkshop({ id: 'dec', unitId: 'u', meetingDate: TODAY, now: 1 });
    m = applyWorkshopEdit(m, { op: 'participants', text: 'Eva Ek\nPer Berg' });
    m = applyWorkshopEdit(m, { op: 'add', item: { id: 'a1', areaId: 'staff', kind: 'action', text: 'Ny ST-läkare', owner: 'Eva', due: '2027-03-01', done: false, createdAt: 1 } });
    expect(problemsIn(minutesWorkbook(meetingMinutes(m, [], 'VC Exempel')))).toEqual([]);
  });
});

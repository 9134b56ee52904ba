import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, fmt, type Plan } from '../../../src/lib/engine/index';
import {
  explainTotal,
  filterOverview,
  overviewRow,
  overviewTotals,
  sortOverview,
  thresholdText,
  type OverviewRow,
} from '../../../src/lib/engine/overview';
import { TODAY, doc, plan } from './helpers';

function row(p: Plan, key: string, latestSnapshot: string | null = null): OverviewRow {
  return overviewRow({ key, name: p.unit.name, source: 'browser', plan: p, result: computePlan(p, { today: TODAY }), latestSnapshot });
}

const small = plan({ unit: { name: 'Öjebyn', listed: 2000, withNamedDoctor: 1500 }, doctors: [doc({ id: 'a', listed: 1200 }), doc({ id: 'b', name: 'B', employment: 0.5, listed: 700 })] });
const vgr = plan({ unit: { name: 'Alingsås', listed: 3000, withNamedDoctor: 2200 }, doctors: [doc({ id: 'a', listed: 1000 })] }, 'vgr');
const empty = plan({ unit: { name: 'Borås', listed: 0, withNamedDoctor: 0 }, doctors: [] });

describe('overview rows are the unit results unchanged', () => {
  it('every figure is the unit result\u2019s own', () => {
    const p = createDemoPlan();
    const r = computePlan(p, { today: TODAY });
    const o = row(p, 'unit:1', '2026-10');
    expect(o).toMatchObject({
      listed: r.unit.listed,
      withNamedDoctor: p.unit.withNamedDoctor,
      capacityGuideline: r.unit.capacityGuideline,
      capacityTime: r.unit.capacityTime,
      coverageToday: r.unit.coverageToday,
      coveragePossible: r.unit.coveragePossible,
      gapPatients: r.unit.gapPatients,
      fteNeeded: r.unit.fteNeeded,
      doctorsOverCapacity: r.unit.doctorsOverCapacity,
      findingsTotal: r.findings.length,
      latestSnapshot: '2026-10',
    });
    expect(o.findings.reduce((s, f) => s + f.count, 0)).toBe(r.findings.length);
    // Rule names in Swedish, never the code.
    for (const f of o.findings) expect(f.name).not.toMatch(/^[a-z-]+$/);
    expect(o.findings.find((f) => f.rule === 'over-capacity')?.name).toBe('Över kapacitet');
  });

  it('a unit with nobody listed has no shares and no threshold result', () => {
    const o = row(empty, 'unit:e');
    expect(o.coverageToday).toBeNull();
    expect(o.coveragePossible).toBeNull();
    expect(o.thresholdMet).toBeNull();
    expect(thresholdText(o)).toBe('–');
  });

  it('the threshold is the profile\u2019s own (VGR 70 %), else the national goal line (55 %)', () => {
    const v = row(vgr, 'unit:v');
    expect(v.threshold).toMatchObject({ share: 0.7, kind: 'profile' });
    expect(v.thresholdMet).toBe(true); // 2 200 / 3 000 = 73,3 %
    expect(thresholdText(v)).toBe('Ja (70\u00a0%)');
    const s = row(small, 'unit:s');
    expect(s.threshold).toMatchObject({ share: 0.55, kind: 'national' });
    expect(s.thresholdMet).toBe(true);
    const low = row(plan({ unit: { name: 'Låg', listed: 1000, withNamedDoctor: 500 } }, 'vgr'), 'unit:l');
    expect(low.thresholdMet).toBe(false);
    expect(thresholdText(low)).toBe('Nej (70\u00a0%)');
  });
});

describe('totals: sums of units, shares as ratios of sums', () => {
  const rows = [row(small, 'unit:s'), row(vgr, 'unit:v', '2026-09'), row(empty, 'unit:e', '2026-11')];
  const t = overviewTotals(rows);

  it('sums', () => {
    expect(t.units).toBe(3);
    expect(t.listed).toBe(5000);
    expect(t.capacityGuideline).toBe(rows.reduce((s, r) => s + r.capacityGuideline, 0));
    expect(t.gapPatients).toBe(rows.reduce((s, r) => s + r.gapPatients, 0));
    expect(t.fteNeeded).toBeCloseTo(rows.reduce((s, r) => s + r.fteNeeded, 0), 12);
    expect(t.latestSnapshot).toBe('2026-11');
    expect(t.snapshotUnits).toBe(2);
    expect(t.thresholdUnits).toBe(2);
  });

  it('coverage today is Σ with named ÷ Σ listed, not the mean of the shares', () => {
    expect(t.coverageToday).toBeCloseTo(3700 / 5000, 12);
  });

  it('possible coverage counts each unit within its own list', () => {
    // Öjebyn: capacity 1 100 + 550 = 1 650 of 2 000; Alingsås: 1 100 of 3 000 → 2 750 of 5 000.
    expect(t.possiblePatients).toBe(1650 + 1100);
    expect(t.coveragePossible).toBeCloseTo(2750 / 5000, 12);
  });

  it('every total explains itself with the units\u2019 own numbers', () => {
    const e = explainTotal(rows, 'capacityGuideline');
    expect(e.formula).toBe(`Öjebyn ${fmt.patients(1650)} + Alingsås ${fmt.patients(1100)} + Borås 0 = ${fmt.patients(2750)}`);
    expect(e.inputs.map((i) => i.label)).toEqual(['Öjebyn', 'Alingsås', 'Borås']);
    expect(e.value).toBe(2750);
    const c = explainTotal(rows, 'coverageToday');
    expect(c.formula).toBe(`${fmt.patients(3700)} med fast läkarkontakt ÷ ${fmt.patients(5000)} listade = ${fmt.share(0.74)}`);
    expect(c.inputs[0].value).toBe(`${fmt.patients(1500)} av ${fmt.patients(2000)}`);
    const f = explainTotal(rows, 'fteNeeded');
    expect(f.formula.endsWith(`= ${fmt.fte(t.fteNeeded)}`)).toBe(true);
  });

  it('a long sum names the first units and counts the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) => row(plan({ unit: { name: `VC ${i + 1}`, listed: 100 } }), `unit:${i}`));
    const e = explainTotal(many, 'listed');
    expect(e.formula).toContain('och 8 enheter till');
    expect(e.inputs).toHaveLength(20);
  });
});

describe('sorting and filtering', () => {
  const rows = [row(small, 'unit:s'), row(vgr, 'unit:v'), row(empty, 'unit:e')];
  it('names in Swedish order (Ö after Z)', () => {
    expect(sortOverview(rows, 'name', 'ascending').map((r) => r.name)).toEqual(['Alingsås', 'Borås', 'Öjebyn']);
    expect(sortOverview(rows, 'name', 'descending').map((r) => r.name)).toEqual(['Öjebyn', 'Borås', 'Alingsås']);
  });
  it('numbers both ways; a missing value sorts last either way', () => {
    expect(sortOverview(rows, 'coverageToday', 'ascending').map((r) => r.name)).toEqual(['Alingsås', 'Öjebyn', 'Borås']);
    expect(sortOverview(rows, 'coverageToday', 'descending').map((r) => r.name)).toEqual(['Öjebyn', 'Alingsås', 'Borås']);
    expect(sortOverview(rows, 'listed', 'descending').map((r) => r.name)).toEqual(['Alingsås', 'Öjebyn', 'Borås']);
  });
  it('filter ignores case and accents, also in file names', () => {
    expect(filterOverview(rows, 'oje').map((r) => r.name)).toEqual(['Öjebyn']);
    expect(filterOverview(rows, '').length).toBe(3);
  });
});

describe('free places in the overview (issue 16.4)', () => {
  it('each unit’s free places are its result’s (capacity − listed on named lists, negative when over), and the total is their sum, explained', () => {
    const p = createDemoPlan();
    const r = computePlan(p, { today: TODAY });
    const rows = [row(p, 'unit:1'), row(small, 'unit:2'), row(empty, 'unit:3')];
    expect(rows[0].freePlaces).toBe(r.unit.freePlaces);
    expect(rows[0].freePlaces).toBeLessThan(0);
    expect(rows[2].freePlaces).toBe(0);
    const t = overviewTotals(rows);
    expect(t.freePlaces).toBe(rows[0].freePlaces + rows[1].freePlaces + rows[2].freePlaces);
    const e = explainTotal(rows, 'freePlaces');
    expect(e.value).toBe(t.freePlaces);
    expect(e.formula.endsWith(`= ${fmt.patients(t.freePlaces)}`)).toBe(true);
    expect(e.formula).toContain(`${p.unit.name} ${fmt.patients(rows[0].freePlaces)}`);
  });
});

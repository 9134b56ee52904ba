import { describe, expect, it } from 'vitest';
import {
  addMonths,
  coverageOf,
  snapshotFromPlan,
  snapshotTrend,
  validateSnapshot,
  type SnapshotData,
} from '../../../../src/lib/engine/followup';
import type { Plan, RuleProfile } from '../../../../src/lib/engine/types';

const plan: Plan = {
  format: 'kapacitet/plan',
  version: 1,
  profile: 'national',
  model: 'guideline',
  unit: {
    name: 'VC Test',
    listed: 9800,
    careWeight: 1,
    withNamedDoctor: 6100,
    withNamedDoctorNursingHome: 95,
    targetCoverage: 1,
    priority: { multimorbid: 820, nursingHome: 110, homeCare: 190, palliative: 12, chronic: 0 },
  },
  doctors: [
    { id: 'd1', name: 'Anna A', category: 'specialist', employment: 1, duties: [], listed: 1250, listPoints: 410 },
    { id: 'd2', name: 'Bo B', category: 'st', employment: 1, duties: [] },
  ],
};

const profile = { coverageThreshold: 0.7, goals: { coverage: 0.55, nursingHome: 0.8, continuityIncrease: 0.2 } } as RuleProfile;

function snap(month: string, listed: number, named: number, doctors: SnapshotData['doctors'] = []): SnapshotData {
  return { month, listed, withNamedDoctor: named, doctors, source: 'manual' };
}

describe('snapshots (domain.md §6)', () => {
  it('snapshotFromPlan takes the unit figures and known doctor lists', () => {
    const s = snapshotFromPlan(plan, '2026-11');
    expect(s).toEqual({
      month: '2026-11',
      listed: 9800,
      withNamedDoctor: 6100,
      withNamedDoctorNursingHome: 95,
      nursingHomeTotal: 110,
      doctors: [{ doctorId: 'd1', name: 'Anna A', listed: 1250, listPoints: 410 }],
      source: 'plan',
    });
    expect(validateSnapshot(s)).toEqual([]);
  });

  it('trend numbers equal the snapshots, months sorted, one per month', () => {
    const t = snapshotTrend(
      [
        snap('2026-03', 1000, 700, [{ doctorId: 'd1', name: 'A', listed: 500 }]),
        snap('2026-01', 1000, 500, [{ doctorId: 'd1', name: 'A', listed: 400 }, { name: 'Ny', listed: 50 }]),
        snap('2026-02', 0, 0),
        snap('2026-03', 1000, 720, [{ doctorId: 'd1', name: 'A', listed: 510 }]),
      ],
      profile,
    );
    expect(t.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(t.points.map((p) => p.coverage)).toEqual([0.5, null, 0.72]);
    expect(t.points.map((p) => p.withNamedDoctor)).toEqual([500, 0, 720]);
    expect(t.threshold).toBe(0.7);
    expect(t.goal).toBe(0.55);
    const a = t.doctors.find((d) => d.key === 'd1')!;
    expect(a.listed).toEqual([400, null, 510]);
    expect(t.doctors.find((d) => d.name === 'Ny')!.listed).toEqual([50, null, null]);
  });

  it('validation names the field in Swedish', () => {
    const p = validateSnapshot({ ...snap('2026-13', 10, 20), doctors: [{ name: '', listed: -1 }] });
    expect(p.map((x) => x.path)).toEqual(['month', 'withNamedDoctor', 'doctors[0].name', 'doctors[0].listed']);
    expect(p[1].message).toMatch(/fler än listade/);
  });

  it('month helpers', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(coverageOf({ listed: 0, withNamedDoctor: 0 })).toBeNull();
  });
});

describe('trend export', () => {
  it('rows and CSV carry the same numbers as the snapshots', async () => {
    const { trendRows } = await import('../../../../src/lib/engine/followup');
    // The CSV writer lives in io (the engine writes no files).
    const { trendCsv } = await import('../../../../src/lib/io/trendCsv');
    const t = snapshotTrend([snap('2026-01', 1000, 500, [{ name: '=Dr', listed: 5 }])], profile);
    const rows = trendRows(t);
    expect(rows[1].slice(0, 5)).toEqual(['2026-01', 1000, 500, 0.5, null]);
    const csv = trendCsv(t);
    expect(csv).toContain('2026-01;1000;500;0,5;;0,7;0,55;Inmatad;5');
    expect(csv.startsWith('\ufeffMånad;Listade;')).toBe(true);
    // A doctor's name that would start a formula is written as text.
    const t2 = snapshotTrend([snap('2026-01', 1000, 500, [{ name: 'x', listed: 5 }])], profile);
    t2.doctors[0].name = '=HYPERLINK("x")';
    t2.points[0] = { ...t2.points[0], month: '-2026-01' };
    expect(trendCsv(t2)).toContain("\r\n'-2026-01;");
  });
});

describe('month axis', () => {
  it('fills gaps between months', async () => {
    const { monthRange, alignToMonths } = await import('../../../../src/lib/engine/followup');
    const axis = monthRange('2025-11', '2026-02');
    expect(axis).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(alignToMonths(['2025-11', '2026-02'], [0.5, 0.6], axis)).toEqual([0.5, null, null, 0.6]);
  });
});

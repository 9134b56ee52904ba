import { describe, expect, it } from 'vitest';
import { comparePlans, type CompareEntry } from '../../../src/lib/engine/compare';
import type { Doctor, DoctorResult, Finding, Plan, PlanResult, RuleProfile, UnitResult } from '../../../src/lib/engine/types';

// Hand-built plans and results: numbers computed by hand from domain.md §2 and §4
// (1 100 × employment for a specialist without duties, care weight 1,0), so the test
// pins comparePlans' arithmetic independently of the engine.

const PROFILE = { id: 'national' } as RuleProfile;

function doctor(id: string, name: string, employment: number, listed?: number): Doctor {
  return { id, name, category: 'specialist', employment, duties: [], listed };
}

function doctorResult(d: Doctor): DoctorResult {
  const capacity = Math.floor(1100 * d.employment + 1e-9);
  return {
    id: d.id,
    name: d.name,
    category: d.category,
    base: 1100,
    dutyHoursPerWeek: 0,
    dutyShare: 0,
    presence: 1,
    clinicalFte: d.employment,
    careWeight: 1,
    capacityGuideline: capacity,
    capacityTime: capacity,
    capacity,
    listed: d.listed ?? null,
    loadRatio: d.listed == null ? null : d.listed / capacity,
    time: { patientHoursYear: 0, directHoursYear: 0, indirectHoursYear: 0, dutyHoursYear: 0, absenceHoursYear: 0, visitMinutes: 24, visitsYear: 0 },
    ageGroup: 'all',
    limits: null,
  };
}

function entry(name: string, doctors: Doctor[], findings: Finding[] = [], listed = 5000, withNamed = 2000): CompareEntry {
  const plan: Plan = {
    format: 'kapacitet/plan',
    version: 1,
    profile: 'national',
    model: 'guideline',
    unit: { name: 'VC Test', listed, careWeight: 1, withNamedDoctor: withNamed, targetCoverage: 1, priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 } },
    doctors,
  };
  const ds = doctors.map(doctorResult);
  const capacity = ds.reduce((s, d) => s + d.capacity, 0);
  const gap = Math.max(0, listed - capacity);
  const unit: UnitResult = {
    listed,
    capacity,
    capacityGuideline: capacity,
    capacityTime: capacity,
    coverageToday: withNamed / listed,
    coveragePossible: Math.min(1, capacity / listed),
    gapPatients: gap,
    fteNeeded: gap / 1100,
    priorityTotal: 0,
    priorityCovered: 0,
    listedOnDoctors: 0,
    employmentFte: doctors.reduce((s, d) => s + d.employment, 0),
    clinicalFte: doctors.reduce((s, d) => s + d.employment, 0),
    stimulusSek: null,
    paperListPatients: Math.max(0, withNamed - capacity),
    doctorsOverCapacity: 0,
  };
  const result: PlanResult = { doctors: ds, unit, findings, profile: PROFILE, model: 'guideline', time: {} as PlanResult['time'], today: '2026-11-23' };
  return { name, plan, result };
}

describe('comparePlans', () => {
  const base = [doctor('d1', 'Anna A', 1, 1200), doctor('d2', 'Bertil B', 1), doctor('d3', 'Cecilia C', 0.5)];

  it('unit metrics: values from the results, deltas against the first entry', () => {
    // Nuläge: 1 100 + 1 100 + 550 = 2 750; gap 5 000 − 2 750 = 2 250.
    // Scenario: Bertil 80 % → 880; + ST 550 … here a second specialist at 50 % → 550: 1 100 + 880 + 550 + 550 = 3 080; gap 1 920.
    const scenario = [doctor('d1', 'Anna A', 1, 1200), doctor('d2', 'Bertil B', 0.8), doctor('d3', 'Cecilia C', 0.5), doctor('d4', 'Dan D', 0.5)];
    const cmp = comparePlans([entry('Nuläge', base), entry('Höst 2027', scenario)]);
    const cap = cmp.unit.find((m) => m.metric === 'capacity')!;
    expect(cap.values).toEqual([2750, 3080]);
    expect(cap.deltas).toEqual([null, 330]);
    expect(cap.trends).toEqual([null, 'better']);
    const gap = cmp.unit.find((m) => m.metric === 'gapPatients')!;
    expect(gap.values).toEqual([2250, 1920]);
    expect(gap.deltas).toEqual([null, -330]);
    expect(gap.trends).toEqual([null, 'better']);
    const fte = cmp.unit.find((m) => m.metric === 'fteNeeded')!;
    expect(fte.deltas[1]).toBeCloseTo(-330 / 1100, 12);
    const emp = cmp.unit.find((m) => m.metric === 'employmentFte')!;
    expect(emp.deltas[1]).toBeCloseTo(0.3, 12);
    expect(emp.trends[1]).toBe('changed');
    const cov = cmp.unit.find((m) => m.metric === 'coverageToday')!;
    expect(cov.trends[1]).toBe('same');
  });

  it('a worse figure is marked worse', () => {
    const fewer = [doctor('d1', 'Anna A', 1, 1200), doctor('d2', 'Bertil B', 1)];
    const cmp = comparePlans([entry('A', base), entry('B', fewer)]);
    const gap = cmp.unit.find((m) => m.metric === 'gapPatients')!;
    expect(gap.deltas[1]).toBe(550);
    expect(gap.trends[1]).toBe('worse');
  });

  it('matches doctors by id, then by name, and marks added/removed/changed/same', () => {
    // In the copy: d2 at 80 %, d3 removed, a re-entered "anna a" under a new id is NOT a new row
    // only if d1 is gone; here d1 stays, so the id wins and the name fallback is unused.
    const copy = [doctor('d1', 'Anna A', 1, 1200), doctor('d2', 'Bertil B', 0.8), doctor('d9', 'Erik E', 1)];
    const cmp = comparePlans([entry('Nuläge', base), entry('Kopia', copy)]);
    const rows = Object.fromEntries(cmp.doctors.map((r) => [r.name, r]));
    expect(cmp.doctors.map((r) => r.name)).toEqual(['Anna A', 'Bertil B', 'Cecilia C', 'Erik E']);
    expect(rows['Anna A'].status).toEqual(['baseline', 'same']);
    expect(rows['Bertil B'].status).toEqual(['baseline', 'changed']);
    expect(rows['Bertil B'].capacityDeltas).toEqual([null, 880 - 1100]);
    expect(rows['Bertil B'].employmentDeltas[1]).toBeCloseTo(-0.2, 12);
    expect(rows['Cecilia C'].status).toEqual(['baseline', 'removed']);
    expect(rows['Cecilia C'].cells[1]).toBeNull();
    expect(rows['Erik E'].status).toEqual(['baseline', 'added']);
    expect(rows['Erik E'].cells[0]).toBeNull();
    expect(rows['Erik E'].cells[1]?.capacity).toBe(1100);
  });

  it('falls back to the name when the id differs (doctor re-entered in another plan)', () => {
    const reentered = [doctor('x1', 'anna  a', 0.5), doctor('d2', 'Bertil B', 1), doctor('d3', 'Cecilia C', 0.5)];
    const cmp = comparePlans([entry('Nuläge', base), entry('Import', reentered)]);
    expect(cmp.doctors).toHaveLength(3);
    const anna = cmp.doctors[0];
    expect(anna.cells.map((c) => c?.id)).toEqual(['d1', 'x1']);
    expect(anna.capacityDeltas).toEqual([null, 550 - 1100]);
    expect(anna.status[1]).toBe('changed');
  });

  it('three entries: every delta is against the first', () => {
    const b = [doctor('d1', 'Anna A', 1), doctor('d2', 'Bertil B', 0.8), doctor('d3', 'Cecilia C', 0.5)];
    const c = [doctor('d1', 'Anna A', 1), doctor('d2', 'Bertil B', 0.6), doctor('d3', 'Cecilia C', 0.5)];
    const cmp = comparePlans([entry('A', base), entry('B', b), entry('C', c)]);
    expect(cmp.names).toEqual(['A', 'B', 'C']);
    const cap = cmp.unit.find((m) => m.metric === 'capacity')!;
    // 2 750; 1 100 + 880 + 550 = 2 530; 1 100 + 660 + 550 = 2 310.
    expect(cap.values).toEqual([2750, 2530, 2310]);
    expect(cap.deltas).toEqual([null, -220, -440]);
    expect(cap.trends).toEqual([null, 'worse', 'worse']);
    expect(cmp.doctors[1].capacityDeltas).toEqual([null, -220, -440]);
  });

  it('findings: added, removed and kept, matched by rule and doctor row', () => {
    const overAnna: Finding = { rule: 'over-capacity', severity: 'warning', doctorId: 'd1', message: 'Anna A: 109 %' };
    const goal: Finding = { rule: 'goal-coverage', severity: 'info', message: 'Under 55 %' };
    const priority: Finding = { rule: 'priority-uncovered', severity: 'error', message: 'Prioriterade ryms inte' };
    const overAnnaB: Finding = { ...overAnna, message: 'Anna A: 120 %' };
    const cmp = comparePlans([entry('A', base, [overAnna, goal]), entry('B', base, [overAnnaB, priority])]);
    expect(cmp.findings[0]).toEqual({ added: [], removed: [], kept: [overAnna, goal] });
    expect(cmp.findings[1].added).toEqual([priority]);
    expect(cmp.findings[1].removed).toEqual([goal]);
    // The same rule for the same doctor is kept, with the scenario's own wording.
    expect(cmp.findings[1].kept).toEqual([overAnnaB]);
  });

  it('a finding for a doctor matched by name is the same finding', () => {
    const f1: Finding = { rule: 'over-capacity', severity: 'warning', doctorId: 'd1', message: 'x' };
    const f2: Finding = { rule: 'over-capacity', severity: 'warning', doctorId: 'x1', message: 'y' };
    const other = [doctor('x1', 'Anna A', 1), doctor('d2', 'Bertil B', 1), doctor('d3', 'Cecilia C', 0.5)];
    const cmp = comparePlans([entry('A', base, [f1]), entry('B', other, [f2])]);
    expect(cmp.findings[1]).toEqual({ added: [], removed: [], kept: [f2] });
  });

  it('an empty list gives an empty comparison', () => {
    expect(comparePlans([]).unit).toEqual([]);
  });
});

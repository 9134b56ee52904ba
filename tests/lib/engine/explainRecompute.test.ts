// Every explanation's numbers recompute to the value it shows (issue 17.1, 10.3): a small evaluator reads the
// printed chain — its numbers, ×, ÷, /, +, −, parentheses, min/max, % — and checks each line, on random plans
// (every category, duties, absence, care weight, both models, every profile) and on the demo.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, createCustomProfile, createDemoPlan, DOCTOR_CATEGORIES, DUTY_KINDS, explain, explainablePaths } from '../../../src/lib/engine/index';
import type { Doctor, Explanation, Plan } from '../../../src/lib/engine/types';
import { doc, plan, TODAY } from './helpers';
import { checkLine, evaluate } from './recompute';

function linesOf(e: Explanation): string[] {
  return [e.formula, ...(e.steps ?? []).map((s) => s.formula), ...(e.dutyPatients ?? []).map((d) => d.formula)];
}

/** Checks every line of every explanation of a plan; returns the failures and how many lines were recomputed. */
function checkPlan(p: Plan): { failures: string[]; recomputed: number } {
  const r = computePlan(p, { today: TODAY });
  const failures: string[] = [];
  let recomputed = 0;
  for (const path of explainablePaths(r)) {
    const e = explain(p, r, path);
    if (!e) {
      failures.push(`${path}: no explanation`);
      continue;
    }
    if (!(e.formula.endsWith(`= ${e.valueText}`) || e.formula.endsWith(`→ ${e.valueText}`))) failures.push(`${path}: "${e.formula}" does not end with ${e.valueText}`);
    for (const line of linesOf(e)) {
      const c = checkLine(line);
      if (!c.ok) failures.push(`${path}: ${c.why}`);
      else if (c.checked) recomputed++;
    }
  }
  return { failures, recomputed };
}

describe('the evaluator', () => {
  it('reads sv-SE numbers, percent, precedence, min/max', () => {
    expect(evaluate('1\u00a0100 × 80\u00a0% × (1 − 4 / 32) ÷ 1,12')).toBeCloseTo(687.5, 9);
    expect(evaluate('550 × (0,5 + 18 / 60)')).toBeCloseTo(440, 9);
    expect(evaluate('max(0; 20 − 30) × 42')).toBe(0);
    expect(evaluate('min(1; 30 / 20)')).toBe(1);
    expect(evaluate('10 − 4 − 3')).toBe(3);
    expect(evaluate('12 ÷ 4 ÷ 3')).toBe(1);
  });
  it('checks the value and the rounding a line shows', () => {
    expect(checkLine('1\u00a0100 × 80\u00a0% × (1 − 4 / 32) ÷ 1,12 = 687,5, avrundat nedåt = 687')).toEqual({ ok: true, checked: true });
    expect(checkLine('1\u00a0100 × 80\u00a0% ÷ 1,12 = 687,5, avrundat nedåt = 687').ok).toBe(false);
    // A target printed as rounded down where it was rounded up (the gap formula's mutant) fails.
    expect(checkLine('95,5\u00a0% × 4\u00a0001 = 3\u00a0820,96, avrundat nedåt = 3\u00a0821').ok).toBe(false);
    expect(checkLine('95,5\u00a0% × 4\u00a0001 = 3\u00a0820,96, avrundat uppåt = 3\u00a0821').ok).toBe(true);
    expect(checkLine('6\u00a0100 ÷ 9\u00a0800 = 62,2\u00a0%').ok).toBe(true);
    expect(checkLine('6\u00a0100 ÷ 9\u00a0800 = 62,5\u00a0%').ok).toBe(false);
    expect(checkLine('hyrläkare: ingen lista som fast läkarkontakt → 0')).toEqual({ ok: true, checked: false });
  });
});

const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((x) => x / 2);
const doctorArb: fc.Arbitrary<Doctor> = fc
  .record({
    category: fc.constantFrom(...DOCTOR_CATEGORIES),
    employment: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 100 }).map((x) => x / 100) }, { weight: 1, arbitrary: fc.constant(1.2) }),
    duties: fc.array(fc.record({ kind: fc.constantFrom(...DUTY_KINDS), hoursPerWeek: half(20) }), { maxLength: 3 }),
    absenceWeeks: half(50),
    careWeight: fc.option(fc.oneof(fc.integer({ min: 50, max: 250 }).map((x) => x / 100), fc.constant(1.125)), { nil: undefined }),
    listed: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    listPoints: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    stMonthsDone: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    stMonthsTotal: fc.option(fc.constantFrom(60, 66, 72, 0), { nil: undefined }),
    fictive: fc.boolean(),
  })
  .map(({ fictive, ...d }) => {
    const out: Doctor = { id: 'd', name: 'Läkare', category: d.category, employment: d.employment, duties: d.duties, absenceWeeks: d.absenceWeeks };
    for (const k of ['careWeight', 'listed', 'listPoints', 'stMonthsDone', 'stMonthsTotal'] as const) if (d[k] !== undefined) out[k] = d[k];
    if (fictive && d.category === 'locum') out.fictiveListName = 'Vårdcentralen Test Dr X';
    return out;
  });

const rampProfile = { ...createCustomProfile('vgr'), stRamp: { enabled: true, startFactor: 0.4, endFactor: 1.6 } };
const flatProfile = { ...createCustomProfile('national'), stRamp: { enabled: false, startFactor: 0.5, endFactor: 1.5 } };
const timeArb = fc.record(
  {
    fullTimeHours: fc.constantFrom(40, 38, 37.5),
    weeksPerYear: fc.constantFrom(42, 40, 44),
    indirectShare: fc.constantFrom(0.35, 0.3, 0.4),
    plannedMinutes: fc.constantFrom(30, 25, 31),
    acuteMinutes: fc.constantFrom(20, 15),
    plannedShare: fc.constantFrom(0.6, 0.5, 0.75),
    ownPatientShare: fc.constantFrom(0.7, 0.65),
    visitsPerPatientYear: fc.constantFrom(1.5, 1.6, 2),
  },
  { requiredKeys: [] },
);

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    doctors: fc.array(doctorArb, { minLength: 1, maxLength: 6 }),
    profile: fc.constantFrom<Plan['profile']>('national', 'vgr', 'vastmanland', 'varmland', rampProfile, flatProfile),
    model: fc.constantFrom<Plan['model']>('guideline', 'time'),
    time: timeArb,
    listed: fc.integer({ min: 0, max: 20_000 }),
    named: fc.integer({ min: 0, max: 100 }),
    careWeight: fc.integer({ min: 60, max: 200 }).map((x) => x / 100),
    target: fc.integer({ min: 500, max: 1000 }).map((x) => x / 1000),
    priority: fc.integer({ min: 0, max: 3000 }),
  })
  .map((x) =>
    plan(
      {
        profile: x.profile,
        model: x.model,
        time: x.time,
        doctors: x.doctors.map((d, i) => ({ ...d, id: `d${i + 1}`, name: `Läkare ${i + 1}` })),
        unit: {
          listed: x.listed,
          withNamedDoctor: Math.round((x.listed * x.named) / 100),
          careWeight: x.careWeight,
          targetCoverage: x.target,
          priority: { multimorbid: x.priority, nursingHome: 10, homeCare: 0, palliative: 2, chronic: 0 },
        },
      },
      x.profile,
    ),
  );

describe('every explanation’s numbers recompute to the value shown', () => {
  it('on random plans', () => {
    let recomputed = 0;
    fc.assert(
      fc.property(planArb, (p) => {
        const { failures, recomputed: n } = checkPlan(p);
        recomputed += n;
        expect(failures).toEqual([]);
      }),
      { numRuns: 250, seed: 20261123 },
    );
    // The property says something: thousands of lines were recomputed, not skipped.
    expect(recomputed).toBeGreaterThan(10_000);
  });
  it('on the demo, in both models', () => {
    for (const model of ['guideline', 'time'] as const) {
      const p = { ...createDemoPlan(), model };
      const { failures, recomputed } = checkPlan(p);
      expect(failures).toEqual([]);
      expect(recomputed).toBeGreaterThan(150);
    }
  });
  it('a full-time specialist with duties, absence and a care weight shows the full chain in both models', () => {
    const p = plan({ doctors: [doc({ employment: 0.8, absenceWeeks: 6, careWeight: 1.12, duties: [{ kind: 'supervision', hoursPerWeek: 4 }] })] });
    expect(checkPlan(p).failures).toEqual([]);
    const r = computePlan(p, { today: TODAY });
    const g = explain(p, r, 'doctors.d1.capacityGuideline')!;
    const t = explain(p, r, 'doctors.d1.capacityTime')!;
    // The typed inputs all appear in the chains: 80 %, 4, 6, 42, 1,12.
    for (const typed of ['80\u00a0%', '4', '6', '42', '1,12']) expect(linesOf(g).join(' ')).toContain(typed);
    for (const typed of ['80\u00a0%', '4', '6', '42', '1,12', '35\u00a0%', '26', '70\u00a0%', '1,5']) expect(linesOf(t).join(' ')).toContain(typed);
  });
});

// Invariants of the engine (fast-check): capacity never negative, monotone in employment, more duties
// never raise capacity, care weight scales inversely, unit capacity = sum, plan files round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, parsePlan, serializePlan, DOCTOR_CATEGORIES, DUTY_KINDS } from '../../../src/lib/engine/index';
import type { Doctor, Plan } from '../../../src/lib/engine/types';
import { plan, TODAY } from './helpers';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const category = fc.constantFrom(...DOCTOR_CATEGORIES);
const duty = fc.record({ kind: fc.constantFrom(...DUTY_KINDS), hoursPerWeek: fc.double({ min: 0, max: 60, noNaN: true }) });
const doctorArb = fc.record({
  category,
  employment: share,
  duties: fc.array(duty, { maxLength: 4 }),
  absenceWeeks: fc.double({ min: 0, max: 50, noNaN: true }),
  careWeight: fc.option(fc.double({ min: 0.3, max: 5, noNaN: true }), { nil: undefined }),
  stMonthsDone: fc.integer({ min: 0, max: 72 }),
  listed: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
});
type DoctorInput = typeof doctorArb extends fc.Arbitrary<infer T> ? T : never;

const toDoctor = (d: DoctorInput, id = 'd1'): Doctor => ({ id, name: `Läkare ${id}`, stMonthsTotal: 60, ...d });
const profileArb = fc.constantFrom('national', 'vgr', 'vastmanland', 'varmland');
const compute1 = (d: Doctor, profile = 'national', unitCareWeight = 1) =>
  computePlan(plan({ unit: { careWeight: unitCareWeight }, doctors: [d] }, profile), { today: TODAY }).doctors[0];

describe('doctor invariants', () => {
  it('capacity is a whole, non-negative number in both models', () => {
    fc.assert(
      fc.property(doctorArb, profileArb, (d, profile) => {
        const r = compute1(toDoctor(d), profile);
        for (const c of [r.capacityGuideline, r.capacityTime]) {
          expect(Number.isInteger(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(0);
        }
        expect(r.clinicalFte).toBeGreaterThanOrEqual(0);
        expect(r.clinicalFte).toBeLessThanOrEqual(1);
        expect(r.dutyShare).toBeGreaterThanOrEqual(0);
        expect(r.dutyShare).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
  it('is monotone in employment', () => {
    fc.assert(
      fc.property(doctorArb, share, share, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rLo = compute1(toDoctor({ ...d, employment: lo }));
        const rHi = compute1(toDoctor({ ...d, employment: hi }));
        expect(rLo.capacityGuideline).toBeLessThanOrEqual(rHi.capacityGuideline);
        expect(rLo.capacityTime).toBeLessThanOrEqual(rHi.capacityTime);
      }),
      { numRuns: 300 },
    );
  });
  it('more duties never raise capacity', () => {
    fc.assert(
      fc.property(doctorArb, duty, (d, extra) => {
        const before = compute1(toDoctor(d));
        const after = compute1(toDoctor({ ...d, duties: [...d.duties, extra] }));
        expect(after.capacityGuideline).toBeLessThanOrEqual(before.capacityGuideline);
        expect(after.capacityTime).toBeLessThanOrEqual(before.capacityTime);
      }),
      { numRuns: 300 },
    );
  });
  it('more absence never raises capacity', () => {
    fc.assert(
      fc.property(doctorArb, fc.double({ min: 0, max: 20, noNaN: true }), (d, more) => {
        const before = compute1(toDoctor(d));
        const after = compute1(toDoctor({ ...d, absenceWeeks: d.absenceWeeks + more }));
        expect(after.capacityGuideline).toBeLessThanOrEqual(before.capacityGuideline);
        expect(after.capacityTime).toBeLessThanOrEqual(before.capacityTime);
      }),
      { numRuns: 200 },
    );
  });
  it('care weight scales capacity inversely: doubling it halves the capacity (within whole-patient rounding)', () => {
    fc.assert(
      fc.property(doctorArb, fc.double({ min: 0.3, max: 2.5, noNaN: true }), (d, cw) => {
        const single = compute1(toDoctor({ ...d, careWeight: cw }));
        const double = compute1(toDoctor({ ...d, careWeight: 2 * cw }));
        for (const k of ['capacityGuideline', 'capacityTime'] as const) {
          expect(double[k]).toBeLessThanOrEqual(single[k]);
          expect(Math.abs(double[k] - single[k] / 2)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('an ST grows with training months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const st = (m: number) => compute1({ id: 'd1', name: 'S', category: 'st', employment: 1, duties: [], stMonthsDone: m, stMonthsTotal: 60 });
        expect(st(lo).capacityGuideline).toBeLessThanOrEqual(st(hi).capacityGuideline);
        expect(st(hi).base).toBeGreaterThanOrEqual(275);
        expect(st(hi).base).toBeLessThanOrEqual(825);
      }),
    );
  });
});

describe('unit invariants', () => {
  const unitArb = fc.record({
    doctors: fc.array(doctorArb, { maxLength: 12 }),
    listed: fc.integer({ min: 0, max: 40000 }),
    named: share,
    target: share,
    model: fc.constantFrom('guideline' as const, 'time' as const),
    profile: profileArb,
  });
  const build = (u: typeof unitArb extends fc.Arbitrary<infer T> ? T : never): Plan =>
    plan(
      {
        model: u.model,
        unit: { listed: u.listed, withNamedDoctor: Math.floor(u.named * u.listed), targetCoverage: u.target, careWeight: 1.05 },
        doctors: u.doctors.map((d, i) => toDoctor(d, `d${i + 1}`)),
      },
      u.profile,
    );

  it('unit capacity is the sum of doctor capacities, per model and for the chosen one', () => {
    fc.assert(
      fc.property(unitArb, (u) => {
        const r = computePlan(build(u), { today: TODAY });
        const sum = (k: 'capacity' | 'capacityGuideline' | 'capacityTime') => r.doctors.reduce((s, d) => s + d[k], 0);
        expect(r.unit.capacity).toBe(sum('capacity'));
        expect(r.unit.capacityGuideline).toBe(sum('capacityGuideline'));
        expect(r.unit.capacityTime).toBe(sum('capacityTime'));
        expect(r.unit.capacity).toBe(u.model === 'time' ? r.unit.capacityTime : r.unit.capacityGuideline);
      }),
      { numRuns: 200 },
    );
  });
  it('coverage stays within 0–1, the gap is never negative, and the gap closes the target exactly', () => {
    fc.assert(
      fc.property(unitArb, (u) => {
        const r = computePlan(build(u), { today: TODAY }).unit;
        expect(r.coveragePossible).toBeGreaterThanOrEqual(0);
        expect(r.coveragePossible).toBeLessThanOrEqual(1);
        expect(r.gapPatients).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(r.gapPatients)).toBe(true);
        expect(r.capacity + r.gapPatients).toBeGreaterThanOrEqual(Math.ceil(u.target * u.listed - 1e-6));
        expect(r.priorityCovered).toBeLessThanOrEqual(r.priorityTotal);
        expect(r.fteNeeded).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
  it('every valid plan survives serializePlan → parsePlan unchanged, and computes the same', () => {
    fc.assert(
      fc.property(unitArb, (u) => {
        const p = build(u);
        const back = parsePlan(serializePlan(p));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(computePlan(back.plan, { today: TODAY })).toEqual(computePlan(p, { today: TODAY }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('fast whole-number formatting (findings print thousands of them)', () => {
  it('groups thousands exactly as the general path does', async () => {
    const { formatNumber, NBSP } = await import('../../../src/lib/engine/format');
    const grouped = (n: number) => (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(formatNumber(n)).toBe(grouped(n));
        expect(formatNumber(n + 0.4)).toBe(grouped(n));
      }),
      { numRuns: 500 },
    );
    for (const n of [0, -0, 999, 1000, -1000, 1100, 9800, 123456789]) expect(formatNumber(n)).toBe(grouped(n === 0 ? 0 : n));
    expect(formatNumber(1.5)).toBe('2');
  });
});

describe('robustness of computePlan on half-edited plans', () => {
  it('never throws and keeps capacities whole and non-negative, whatever the doctor fields hold', () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(NaN));
    const field = fc.record(
      {
        category: fc.oneof(category, fc.string({ maxLength: 4 })),
        employment: junk,
        absenceWeeks: junk,
        careWeight: junk,
        stMonthsDone: junk,
        stMonthsTotal: junk,
        listed: junk,
        listPoints: junk,
        plannedEnd: fc.oneof(junk, fc.constant('2027-01-01'), fc.constant('2027-13-45')),
        duties: fc.oneof(fc.constant(undefined), fc.array(fc.record({ kind: fc.constantFrom(...DUTY_KINDS), hoursPerWeek: junk }), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 5 }), profileArb, (fields, profile) => {
        const p = plan({ doctors: fields.map((f, i) => ({ id: `d${i}`, name: 'X', ...f }) as unknown as Doctor) }, profile);
        const r = computePlan(p, { today: TODAY });
        for (const d of r.doctors) {
          for (const c of [d.capacityGuideline, d.capacityTime, d.capacity]) {
            expect(Number.isInteger(c)).toBe(true);
            expect(c).toBeGreaterThanOrEqual(0);
          }
        }
        expect(Number.isFinite(r.unit.capacity)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('computes a plan without a unit as an empty unit', () => {
    const p = { ...plan(), unit: undefined } as unknown as Plan;
    expect(computePlan(p, { today: TODAY }).unit.capacity).toBe(1100);
  });
});

describe('explain on random plans', () => {
  it('explains every number, and each formula ends with the value as the UI formats it', async () => {
    const { explain, explainablePaths, fmt } = await import('../../../src/lib/engine/index');
    fc.assert(
      fc.property(fc.array(doctorArb, { minLength: 1, maxLength: 6 }), profileArb, fc.constantFrom('guideline' as const, 'time' as const), (ds, profile, model) => {
        const p = plan(
          { model, unit: { listed: 3000, withNamedDoctor: 2000 }, doctors: ds.map((d, i) => ({ ...toDoctor(d, `d${i + 1}`), listPoints: 300 })) },
          profile,
        );
        const r = computePlan(p, { today: TODAY });
        for (const path of explainablePaths(r)) {
          const e = explain(p, r, path);
          expect(e, path).not.toBeNull();
          if (!e) continue;
          // The value as every surface prints it (fmt.<kind>) ends the formula.
          expect(e.valueText).toBe(fmt[e.kind!](e.value));
          const ok = e.formula.endsWith(`= ${e.valueText}`) || e.formula.endsWith(`→ ${e.valueText}`);
          expect(ok, `${path}: ${e.formula} (${e.value})`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

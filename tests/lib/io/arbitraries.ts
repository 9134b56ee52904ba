/** fast-check arbitraries for io tests: valid plans with every kind of doctor, duty and text. */
import fc from 'fast-check';
import { createDemoPlan, parsePlan } from '../../../src/lib/engine/index';
import type { Doctor, Duty, Plan } from '../../../src/lib/engine/types';
import { DOCTOR_CATEGORIES, DUTY_KINDS } from '../../../src/lib/engine/types';

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  fc.constantFrom('=SUM(A1)', '+46 70', '-x', '@y', 'Åsa Öberg', '  spaces  ', 'a & b <c>', 'ÆØÅ "citat"'),
).filter((s) => s.trim() !== '');
const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const duty: fc.Arbitrary<Duty> = fc.record(
  { kind: fc.constantFrom(...DUTY_KINDS), hoursPerWeek: fc.integer({ min: 0, max: 80 }).map((n) => n / 4), label: text },
  { requiredKeys: ['kind', 'hoursPerWeek'] },
);
const doctor = (i: number): fc.Arbitrary<Doctor> =>
  fc
    .record(
      {
        name: text,
        category: fc.constantFrom(...DOCTOR_CATEGORIES),
        employment: share,
        duties: fc.array(duty, { maxLength: 4 }),
        stMonthsDone: fc.integer({ min: 0, max: 60 }),
        stMonthsTotal: fc.integer({ min: 1, max: 72 }),
        absenceWeeks: fc.integer({ min: 0, max: 20 }),
        listed: fc.integer({ min: 0, max: 3000 }),
        listPoints: fc.integer({ min: 0, max: 1500 }),
        careWeight: fc.integer({ min: 50, max: 250 }).map((n) => n / 100),
        plannedEnd: fc.constantFrom('2027-06-30', '2026-12-31'),
        extra: fc.constantFrom('kept', 42),
      },
      { requiredKeys: ['name', 'category', 'employment', 'duties'] },
    )
    .map((d) => ({ id: `d${i + 1}`, ...d }) as Doctor);

export const planArb: fc.Arbitrary<Plan> = fc
  .record({
    doctorsN: fc.integer({ min: 0, max: 6 }),
    model: fc.constantFrom('guideline' as const, 'time' as const),
    profile: fc.constantFrom('national', 'vgr', 'vastmanland', 'varmland'),
    listed: fc.integer({ min: 0, max: 30000 }),
    careWeight: fc.integer({ min: 60, max: 200 }).map((n) => n / 100),
    target: share,
    weeks: fc.option(fc.integer({ min: 30, max: 48 }), { nil: undefined }),
  })
  .chain((p) =>
    fc.tuple(...Array.from({ length: p.doctorsN }, (_, i) => doctor(i))).map((doctors) => {
      const base = createDemoPlan();
      const plan: Plan = {
        ...base,
        model: p.model,
        profile: p.profile,
        unit: { ...base.unit, listed: p.listed, careWeight: p.careWeight, targetCoverage: p.target },
        doctors,
      };
      if (p.weeks !== undefined) plan.time = { weeksPerYear: p.weeks };
      else delete plan.time;
      return plan;
    }),
  )
  .filter((plan) => parsePlan(plan).ok)
  .map((plan) => {
    const parsed = parsePlan(plan);
    return parsed.ok ? parsed.plan : plan;
  });


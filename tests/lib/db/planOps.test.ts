import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOpsToPlan, deepEqual, diffPlans, opsAreEmpty } from '../../../src/lib/db/planOps';
import { createDemoPlan, DOCTOR_CATEGORIES, type Doctor, type Plan } from '../../../src/lib/engine/index';

const demo = createDemoPlan();

/** Random edits of the demo plan: unit fields, doctor fields, adds, removes, reorders, unknown fields. */
const editedPlan: fc.Arbitrary<Plan> = fc
  .record({
    listed: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: undefined }),
    priorityHome: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    model: fc.constantFrom<Plan['model']>('guideline', 'time'),
    weeks: fc.option(fc.integer({ min: 30, max: 48 }), { nil: undefined }),
    keep: fc.array(fc.boolean(), { minLength: demo.doctors.length, maxLength: demo.doctors.length }),
    employment: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
      minLength: demo.doctors.length,
      maxLength: demo.doctors.length,
    }),
    dropListed: fc.array(fc.boolean(), { minLength: demo.doctors.length, maxLength: demo.doctors.length }),
    order: fc.array(fc.nat(), { minLength: demo.doctors.length, maxLength: demo.doctors.length }),
    added: fc.array(fc.record({ cat: fc.constantFrom(...DOCTOR_CATEGORIES), at: fc.nat(), name: fc.string() }), { maxLength: 3 }),
    extra: fc.option(fc.string(), { nil: undefined }),
  })
  .map((e) => {
    const p = structuredClone(demo);
    if (e.listed !== undefined) p.unit.listed = e.listed;
    if (e.priorityHome !== undefined) p.unit.priority.homeCare = e.priorityHome;
    p.model = e.model;
    if (e.weeks !== undefined) p.time = { ...(p.time ?? {}), weeksPerYear: e.weeks };
    if (e.extra !== undefined) p.extra = { ...p.extra, note: e.extra };
    let doctors: Doctor[] = p.doctors
      .map((d, i) => {
        if (e.employment[i] !== undefined) d.employment = e.employment[i]!;
        if (e.dropListed[i]) delete d.listed;
        return d;
      })
      .filter((_d, i) => e.keep[i]);
    doctors = doctors.map((d, i) => [d, e.order[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([d]) => d);
    e.added.forEach((a, k) => {
      const d: Doctor = { id: `new${k}`, name: a.name, category: a.cat, employment: 1, duties: [] };
      doctors.splice(a.at % (doctors.length + 1), 0, d);
    });
    p.doctors = doctors;
    return p;
  });

describe('diffPlans / applyOpsToPlan', () => {
  it('applying the diff from a to b gives b, and the inverse diff gives a back', () => {
    fc.assert(
      fc.property(editedPlan, editedPlan, (a, b) => {
        expect(applyOpsToPlan(a, diffPlans(a, b))).toEqual(b);
        expect(applyOpsToPlan(b, diffPlans(b, a))).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('is empty for equal plans and field-level for one change', () => {
    const b = structuredClone(demo);
    expect(opsAreEmpty(diffPlans(demo, b))).toBe(true);
    b.doctors[2].name = 'Ny Namn';
    b.unit.priority.palliative = 99;
    const ops = diffPlans(demo, b);
    expect(ops.body).toEqual({ 'unit.priority.palliative': 99 });
    expect(ops.patch).toEqual([{ id: b.doctors[2].id, set: { name: 'Ny Namn' } }]);
    expect(ops.add).toEqual([]);
    expect(ops.order).toEqual([]);
  });

  it('records a removed optional field as undefined (so the write deletes it)', () => {
    const b = structuredClone(demo);
    const withListed = b.doctors.find((d) => d.listed !== undefined)!;
    delete withListed.listed;
    const ops = diffPlans(demo, b);
    expect(ops.patch).toEqual([{ id: withListed.id, set: { listed: undefined } }]);
    expect(Object.prototype.hasOwnProperty.call(applyOpsToPlan(demo, ops).doctors.find((d) => d.id === withListed.id), 'listed')).toBe(false);
  });

  it('applies a change to a plan another tab changed meanwhile without losing that tab\'s fields', () => {
    const mine = structuredClone(demo);
    mine.doctors[0].employment = 0.5;
    const ops = diffPlans(demo, mine);
    const theirs = structuredClone(demo);
    theirs.doctors[0].name = 'Ändrad i andra fliken';
    theirs.unit.listed = 12345;
    const merged = applyOpsToPlan(theirs, ops);
    expect(merged.doctors[0].employment).toBe(0.5);
    expect(merged.doctors[0].name).toBe('Ändrad i andra fliken');
    expect(merged.unit.listed).toBe(12345);
  });

  it('keeps object identity of untouched doctors', () => {
    const b = { ...demo, doctors: demo.doctors.map((d, i) => (i === 1 ? { ...d, name: 'X' } : d)) };
    const next = applyOpsToPlan(demo, diffPlans(demo, b));
    expect(next.doctors[0]).toBe(demo.doctors[0]);
    expect(next.doctors[1]).not.toBe(demo.doctors[1]);
  });

  it('deepEqual ignores undefined-valued keys but not values', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
  });
});

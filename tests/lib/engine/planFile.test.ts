// Exact in-memory types (issue 17.7): unknown fields of a file live in one `extra` bag per object, so a
// misspelt patch is a compile error, and "unknown fields are kept" (contracts.md) stays true.
import { describe, expect, it } from 'vitest';
import { createDemoPlan, parsePlan, planFromStored, planToFile, serializePlan } from '../../../src/lib/engine/index';
import type { Doctor, Duty, Plan, UnitInputs } from '../../../src/lib/engine/types';

describe('the in-memory types are exact (checked by npm run check)', () => {
  it('a misspelt field does not compile', () => {
    // @ts-expect-error "emplyment" is no field of a doctor: the patch is refused by the compiler.
    const patch: Partial<Doctor> = { emplyment: 0.5 };
    // @ts-expect-error nor of the unit
    const unit: Partial<UnitInputs> = { listad: 10 };
    // @ts-expect-error nor of a duty
    const duty: Duty = { kind: 'meetings', hoursPerWeek: 1, lable: 'APT' };
    // An unknown field is said so, in the bag.
    const kept: Partial<Doctor> = { extra: { room: 'B12' } };
    expect([patch, unit, duty, kept]).toHaveLength(4);
  });
});

const FILE = {
  format: 'kapacitet/plan',
  version: 1,
  profile: 'national',
  model: 'guideline',
  exportedBy: 'Region X',
  // A file's own field named "extra" is an unknown field like any other.
  extra: { mine: true },
  unit: {
    name: 'VC',
    listed: 100,
    careWeight: 1,
    withNamedDoctor: 50,
    targetCoverage: 1,
    hsaId: 'SE1',
    priority: { multimorbid: 1, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0, other: 7 },
  },
  time: { weeksPerYear: 44, localRule: 'x' },
  doctors: [
    { id: 'd1', name: 'A', category: 'specialist', employment: 1, duties: [{ kind: 'meetings', hoursPerWeek: 2, colour: 'blå' }], absenceWeeks: 0, room: 'B12' },
  ],
};

describe('unknown fields go into extra and come back in place', () => {
  const parsed = parsePlan(JSON.stringify(FILE));
  if (!parsed.ok) throw new Error('fixture must parse');
  const p = parsed.plan;

  it('parsePlan moves every level’s unknown fields into its bag', () => {
    expect(p.extra).toEqual({ exportedBy: 'Region X', extra: { mine: true } });
    expect(p.unit.extra).toEqual({ hsaId: 'SE1' });
    expect(p.unit.priority.extra).toEqual({ other: 7 });
    expect(p.time?.extra).toEqual({ localRule: 'x' });
    expect(p.doctors[0].extra).toEqual({ room: 'B12' });
    expect(p.doctors[0].duties[0].extra).toEqual({ colour: 'blå' });
    expect('room' in p.doctors[0]).toBe(false);
  });
  it('serializePlan writes them back where the file had them (round trip of the file)', () => {
    expect(JSON.parse(serializePlan(p))).toEqual(FILE);
  });
  it('a plan already in memory form parses to itself (the app validates every edit with parsePlan)', () => {
    const again = parsePlan(p);
    expect(again.ok && again.plan).toEqual(p);
    const twice = parsePlan(again.ok ? again.plan : null);
    expect(twice.ok && twice.plan).toEqual(p);
  });
  it('the demo plan has no bags and round-trips unchanged', () => {
    const demo = createDemoPlan();
    expect(planToFile(demo)).toEqual(demo);
    const r = parsePlan(serializePlan(demo));
    expect(r.ok && r.plan).toEqual(demo);
  });
  it('a field "__proto__" of a file is kept as a field, never as a prototype', () => {
    const text = JSON.stringify(FILE).replace('"room":"B12"', '"room":"B12","__proto__":{"polluted":1}');
    const r = parsePlan(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.plan.doctors[0] as Doctor & { polluted?: unknown };
    expect(d.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(d.extra)).toBe(Object.prototype);
    expect(serializePlan(r.plan)).toContain('"__proto__": {\n');
  });
});

describe('planFromStored: the db layer’s entry for stored plan bodies', () => {
  it('reads a body stored before the bags (unknown fields flattened) into the exact shape', () => {
    const stored = structuredClone(FILE) as Record<string, unknown>;
    delete stored.extra;
    const r = planFromStored(stored);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const plan: Plan = r.plan;
    expect(plan.extra).toEqual({ exportedBy: 'Region X' });
    expect(plan.doctors[0].extra).toEqual({ room: 'B12' });
    expect(r.migrated).toBe(false);
  });
  it('keeps a body already in memory form as it is, and migrates a version-0 draft', () => {
    const demo = createDemoPlan();
    demo.doctors[0].extra = { room: 'A1' };
    const r = planFromStored(demo);
    expect(r.ok && r.plan).toEqual(demo);
    const v0 = planFromStored({ unit: FILE.unit, doctors: [{ id: 'x', name: 'X', category: 'st', employmentPercent: 50, meetingsHours: 2, badge: 9 }] });
    expect(v0.ok).toBe(true);
    if (!v0.ok) return;
    expect(v0.fromVersion).toBe(0);
    expect(v0.plan.doctors[0]).toMatchObject({ employment: 0.5, duties: [{ kind: 'meetings', hoursPerWeek: 2 }], extra: { badge: 9 } });
  });
  it('refuses a later version with the plan file’s message', () => {
    const r = planFromStored({ ...FILE, version: 99 });
    expect(r.ok).toBe(false);
  });
});

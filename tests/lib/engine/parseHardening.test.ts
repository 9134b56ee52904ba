// parsePlan never throws (issue 12.4): keys named like Object.prototype's members are data, nesting is
// bounded, a cycle is refused, and a plan over the doctor limit (issue 12.5) is refused at once.
import { describe, expect, it } from 'vitest';
import { MAX_DOCTORS_PER_PLAN, MAX_PLAN_DEPTH, createDemoPlan, parsePlan, serializePlan } from '../../../src/lib/engine/index';

const base = () => JSON.parse(serializePlan(createDemoPlan()));
const KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toJSON'];

/** The file's text with `"key": value` added to the object at `at` (raw text, so `__proto__` stays a key). */
function withKey(at: 'top' | 'unit' | 'doctor' | 'duty' | 'priority' | 'time', key: string, value: string): string {
  const p = base();
  p.doctors[0].duties = [{ kind: 'other', hoursPerWeek: 1 }];
  p.time = { fullTimeHours: 40 };
  const marker = '"__marker__": 0';
  const target = { top: p, unit: p.unit, doctor: p.doctors[0], duty: p.doctors[0].duties[0], priority: p.unit.priority, time: p.time }[at];
  target.__marker__ = 0;
  return JSON.stringify(p).replace(marker.replace(' ', ''), `"${key}":${value}`);
}

describe('parsePlan on hostile keys', () => {
  for (const key of KEYS) {
    for (const at of ['top', 'unit', 'doctor', 'duty', 'priority', 'time'] as const) {
      for (const value of ['1', '"x"', '{"a":[1]}', 'null']) {
        it(`${at}.${key} = ${value}: no throw, kept as data when accepted`, () => {
          const text = withKey(at, key, value);
          const fromText = parsePlan(text);
          expect(() => parsePlan(JSON.parse(text))).not.toThrow();
          if (fromText.ok && value !== 'null' && at !== 'priority' && at !== 'time') {
            // Written back as the same own field, never as a prototype.
            const again = serializePlan(fromText.plan);
            expect(again).toContain(`"${key}"`);
            expect(parsePlan(again).ok).toBe(true);
          }
        });
      }
    }
  }

  it('a profile, category, duty kind or model named like a prototype member is unknown, not accepted', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const p = base();
      expect(parsePlan({ ...p, profile: name }).ok).toBe(false);
      expect(parsePlan({ ...p, model: name }).ok).toBe(false);
      expect(parsePlan({ ...p, doctors: [{ ...p.doctors[0], category: name }] }).ok).toBe(false);
      expect(parsePlan({ ...p, doctors: [{ ...p.doctors[0], duties: [{ kind: name, hoursPerWeek: 1 }] }] }).ok).toBe(false);
    }
  });
});

describe('parsePlan on deep, cyclic and huge input', () => {
  it('nesting beyond the limit is a Swedish error, from text and from an object (was a stack overflow)', () => {
    for (const depth of [MAX_PLAN_DEPTH + 1, 5000, 50000]) {
      const text = JSON.stringify(base()).replace(/}$/, `,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      const r = parsePlan(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].message).toMatch(/nästlad i fler än 64 nivåer/);
      expect(parsePlan(JSON.parse(text)).ok).toBe(false);
    }
    // Unknown fields nested a few levels are kept.
    const ok = parsePlan({ ...base(), x: { a: { b: { c: { d: { e: [1, [2, [3]]] } } } } } });
    expect(ok.ok).toBe(true);
  });

  it('an object holding itself is refused, a shared object is not', () => {
    const p = base();
    p.x = { a: 1 };
    p.x.self = p.x;
    expect(parsePlan(p)).toMatchObject({ ok: false, errors: [{ message: /hänvisar till sig själv/ }] });
    const shared = { a: 1 };
    expect(parsePlan({ ...base(), x: [shared, shared] }).ok).toBe(true);
  });

  it(`more than ${MAX_DOCTORS_PER_PLAN} doctors are refused at once with the count; the limit itself is accepted`, () => {
    const p = base();
    const doctor = p.doctors[0];
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...doctor, id: `d${i}`, name: `Läkare ${i}` }));
    const at = parsePlan({ ...p, unit: { ...p.unit, listed: 10_000_000 }, doctors: many(MAX_DOCTORS_PER_PLAN) });
    expect(at.ok).toBe(true);
    const t0 = performance.now();
    const over = parsePlan({ ...p, doctors: many(100_000) });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(over).toMatchObject({ ok: false, errors: [{ path: 'doctors', message: /^Planen har 100\s000 läkare; högst 2\s000 läkare per plan/ }] });
  });

  it('a plan file over 50 MB is refused before it is parsed (a 200 MB file ended in an English storage error)', () => {
    const text = JSON.stringify(base()).replace(/}$/, `,"x":"${'a'.repeat(200_000_000)}"}`);
    const r = parsePlan(text);
    expect(r).toEqual({ ok: false, errors: [{ path: '', message: 'Filen är 201 MB stor; en planfil kan vara högst 50 MB. Inget har ändrats.' }] });
  });

  it('never throws on odd values', () => {
    for (const v of [undefined, null, 0, NaN, '', '[]', '"x"', [], () => 1, Symbol('x'), new Date(), { format: 'kapacitet/plan', version: 1, doctors: {} }]) {
      expect(() => parsePlan(v)).not.toThrow();
      expect(parsePlan(v).ok).toBe(false);
    }
  });
});

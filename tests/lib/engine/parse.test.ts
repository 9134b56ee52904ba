// parsePlan / serializePlan (contracts.md): validation with JSON paths, Swedish names, unknown fields, versions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDemoPlan, parsePlan, serializePlan, createCustomProfile } from '../../../src/lib/engine/index';
import type { ParsePlanResult, PlanError } from '../../../src/lib/engine/types';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const v1 = () => JSON.parse(fixture('plan-v1.json')) as Record<string, unknown> & { doctors: Record<string, unknown>[]; unit: Record<string, unknown> };
const errorsOf = (r: ParsePlanResult): PlanError[] => (r.ok ? [] : r.errors);
const paths = (r: ParsePlanResult) => errorsOf(r).map((e) => e.path);

describe('parsePlan accepts good files', () => {
  it('reads the version-1 fixture from JSON text and keeps unknown fields', () => {
    const r = parsePlan(fixture('plan-v1.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.model).toBe('time');
    expect(r.plan.doctors[0].employment).toBe(1);
    expect(r.plan.extra?.exportedBy).toBe('Kapacitet 0.1');
    expect(r.plan.doctors[0].extra?.phone).toBe('intern 123');
    expect(r.plan.doctors[0].duties[0].extra?.color).toBe('blå');
    expect(r.warnings).toEqual([]);
  });
  it('round-trips the demo plan through serializePlan', () => {
    const demo = createDemoPlan();
    const text = serializePlan(demo);
    expect(text.startsWith('{\n  "format": "kapacitet/plan",\n  "version": 1,')).toBe(true);
    const r = parsePlan(text);
    expect(r.ok && r.plan).toEqual(demo);
  });
  it('accepts an object as well as text, and does not change the object it was given', () => {
    const raw = v1();
    const before = JSON.stringify(raw);
    expect(parsePlan(raw).ok).toBe(true);
    expect(JSON.stringify(raw)).toBe(before);
  });
  it('reads the Swedish category and duty words the workbook writes', () => {
    const raw = v1();
    const words = ['ST', 'geriatriker', 'barnläkare', 'dispens', 'hyrläkare', 'AT/BT', 'specialist'];
    const codes = ['st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior', 'specialist'];
    raw.doctors = words.map((category, i) => ({ id: `d${i}`, name: `L ${i}`, category, employment: 1, duties: [{ kind: 'Möten', hoursPerWeek: 1 }] }));
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.doctors.map((d) => d.category)).toEqual(codes);
    expect(r.plan.doctors[0].duties[0].kind).toBe('meetings');
  });
  it('fills defaults for missing optional parts', () => {
    const raw = v1();
    delete raw.time;
    delete (raw.unit as Record<string, unknown>).priority;
    delete (raw.unit as Record<string, unknown>).careWeight;
    delete raw.doctors[0].duties;
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.unit.careWeight).toBe(1);
    expect(r.plan.unit.priority).toEqual({ multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 });
    expect(r.plan.doctors[0].duties).toEqual([]);
  });
  it('accepts a full custom profile', () => {
    const raw = v1();
    raw.profile = { ...createCustomProfile('vgr'), name: 'Vår region' };
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
  });
});

describe('parsePlan rejects nonsense with paths and Swedish messages', () => {
  it('employment 3, negative hours, unknown category', () => {
    const raw = v1();
    raw.doctors = [
      { id: 'a', name: 'A', category: 'specialist', employment: 3, duties: [] },
      { id: 'b', name: 'B', category: 'specialist', employment: 1, duties: [{ kind: 'supervision', hoursPerWeek: -2 }] },
      { id: 'c', name: 'C', category: 'kirurg', employment: 1, duties: [] },
    ];
    const r = parsePlan(raw);
    expect(r.ok).toBe(false);
    expect(paths(r)).toEqual(['doctors[0].employment', 'doctors[1].duties[0].hoursPerWeek', 'doctors[2].category']);
    const [e0, e1, e2] = errorsOf(r);
    expect(e0.message).toMatch(/Tjänstgöringsgraden måste vara mellan 0 och 1/);
    expect(e1.message).toMatch(/Timmar per vecka/);
    expect(e2.message).toMatch(/Okänd läkarkategori ”kirurg”/);
  });
  it('names each bad field', () => {
    const cases: [string, (raw: ReturnType<typeof v1>) => void][] = [
      ['unit.listed', (r) => (r.unit.listed = -5)],
      ['unit.listed', (r) => (r.unit.listed = '9800')],
      ['unit.careWeight', (r) => (r.unit.careWeight = 0)],
      ['unit.careWeight', (r) => (r.unit.careWeight = 11)],
      ['unit.targetCoverage', (r) => (r.unit.targetCoverage = 1.2)],
      ['unit.priority.palliative', (r) => ((r.unit.priority as Record<string, unknown>).palliative = -1)],
      ['time.weeksPerYear', (r) => (r.time = { weeksPerYear: 0 })],
      ['time.indirectShare', (r) => (r.time = { indirectShare: 1.5 })],
      ['model', (r) => (r.model = 'magic')],
      ['profile', (r) => (r.profile = 'skane')],
      ['doctors[0].careWeight', (r) => (r.doctors[0].careWeight = -1)],
      ['doctors[0].listed', (r) => (r.doctors[0].listed = 12.5)],
      ['doctors[0].plannedEnd', (r) => (r.doctors[0].plannedEnd = '2027-02-30')],
      ['doctors[0].duties[0].kind', (r) => ((r.doctors[0].duties as Record<string, unknown>[])[0].kind = 'golf')],
      ['doctors[0].stMonthsTotal', (r) => (r.doctors[0].stMonthsTotal = 0)],
      ['doctors[0].absenceWeeks', (r) => (r.doctors[0].absenceWeeks = -1)],
      ['doctors[0].name', (r) => (r.doctors[0].name = '19121212-1212')],
      ['doctors[0].employment', (r) => delete r.doctors[0].employment],
      ['doctors', (r) => ((r as Record<string, unknown>).doctors = 'många')],
      ['unit', (r) => delete (r as Record<string, unknown>).unit],
      ['format', (r) => (r.format = 'annat/format')],
    ];
    for (const [path, mutate] of cases) {
      const raw = v1();
      mutate(raw);
      const r = parsePlan(raw);
      expect(r.ok, path).toBe(false);
      expect(paths(r), path).toContain(path);
      for (const e of errorsOf(r)) expect(e.message.length, path).toBeGreaterThan(5);
    }
  });
  it('warns, without refusing, when more have a named doctor than are listed', () => {
    const raw = v1();
    raw.unit.withNamedDoctor = 9801;
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.path)).toEqual(['unit.withNamedDoctor']);
  });
  it('refuses duplicate doctor ids', () => {
    const raw = v1();
    raw.doctors.push({ ...raw.doctors[0] });
    const r = parsePlan(raw);
    expect(paths(r)).toEqual(['doctors[1].id']);
    // The id is the file's key, never shown: the place names the doctor by number and name.
    expect(errorsOf(r)[0].message).not.toContain('d1');
    expect(errorsOf(r)[0].place).toMatch(/^Läkare 2/);
  });
  it('validates a custom profile with paths', () => {
    const raw = v1();
    const p = createCustomProfile('vgr') as unknown as Record<string, Record<string, unknown>>;
    p.guideline.specialist = -1;
    (p.listLimits as Record<string, unknown>).minPerFte = 3000;
    raw.profile = p;
    const r = parsePlan(raw);
    expect(paths(r)).toEqual(expect.arrayContaining(['profile.guideline.specialist', 'profile.listLimits.minPerFte', 'profile']));
  });
  it('reports broken JSON and non-objects', () => {
    expect(errorsOf(parsePlan('{ "format": ')).at(0)?.message).toMatch(/inte en läsbar planfil/);
    expect(errorsOf(parsePlan('[1,2]')).at(0)?.message).toMatch(/JSON-objekt/);
    expect(parsePlan(null).ok).toBe(false);
  });
  it('warns, without refusing, about done ST months above the total and absence longer than the year', () => {
    const raw = v1();
    raw.doctors[0] = { id: 'd1', name: 'S', category: 'st', employment: 1, stMonthsDone: 70, stMonthsTotal: 60, absenceWeeks: 45, duties: [] };
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.path)).toEqual(['doctors[0].stMonthsDone', 'doctors[0].absenceWeeks']);
  });
});

describe('proxies and sums', () => {
  it('reads a plan behind a Proxy (as a Svelte $state plan is)', () => {
    const raw = v1();
    const proxied = new Proxy(raw, {});
    const r = parsePlan(proxied);
    expect(r.ok).toBe(true);
  });
  it('warns when the doctors\' lists add up to more than the unit has listed', () => {
    const raw = v1();
    raw.unit.listed = 1000;
    raw.unit.withNamedDoctor = 900;
    const r = parsePlan(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([{ path: 'doctors', place: 'Läkarna', message: expect.stringContaining('1\u00a0250') }]);
  });
});

describe('versions', () => {
  it('refuses a later version clearly', () => {
    const raw = { ...v1(), version: 2 };
    const r = parsePlan(raw);
    expect(r.ok).toBe(false);
    const [e] = errorsOf(r);
    expect(e.path).toBe('version');
    expect(e.message).toMatch(/senare version av Kapacitet/);
    expect(e.message).toContain('2');
  });
  it('fills in a missing format on a versioned plan', () => {
    const raw = v1();
    delete raw.format;
    const r = parsePlan(raw);
    expect(r.ok && r.plan.format).toBe('kapacitet/plan');
  });
  it('refuses a file with a format but no version, and a broken version', () => {
    const raw = v1();
    delete raw.version;
    expect(paths(parsePlan(raw))).toEqual(['version']);
    expect(paths(parsePlan({ ...v1(), version: 1.5 }))).toEqual(['version']);
  });
});

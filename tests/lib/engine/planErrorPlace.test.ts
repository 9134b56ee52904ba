/**
 * Plan-file and backup-file messages name things as a user does (TEAM.md, polish item 1): "Läkare 1 (Anna
 * Berg): Namn – …", the field's Swedish label, profiles by their display names; never a JSON path
 * ("doctors[0].name"), a camelCase key or a profile id. Fed a set of broken files through every reader.
 */
import { describe, expect, it } from 'vitest';
import { createDemoPlan, parsePlan, planErrorText, serializePlan, PROFILES, PROFILE_IDS } from '../../../src/lib/engine/index';
import type { PlanError } from '../../../src/lib/engine/index';
import { readBackupFile } from '../../../src/lib/db/backupFile';
import { splitPlanFile } from '../../../src/lib/db/planFileSplit';
import { pathMessage } from '../../../src/lib/state/core.svelte';
import { internalWordsIn } from '../strings/internalWords';

type Obj = Record<string, unknown>;
const demo = (): Obj => JSON.parse(serializePlan(createDemoPlan())) as Obj;
const doctorsOf = (p: Obj) => p.doctors as Obj[];

/** One change each, to a valid demo file: what a hand-edited or damaged file looks like. */
const BROKEN: Record<string, (p: Obj) => void> = {
  nameNotText: (p) => (doctorsOf(p)[0].name = 12),
  employment: (p) => (doctorsOf(p)[1].employment = 7),
  category: (p) => (doctorsOf(p)[0].category = 'kirurg'),
  dutyKind: (p) => ((doctorsOf(p)[0].duties = [{ kind: 'golf', hoursPerWeek: 2, label: 'Golf' }])),
  dutyHours: (p) => ((doctorsOf(p)[0].duties = [{ kind: 'supervision', hoursPerWeek: 400 }])),
  duplicateId: (p) => (doctorsOf(p)[1].id = doctorsOf(p)[0].id),
  emptyId: (p) => (doctorsOf(p)[2].id = ' '),
  plannedEnd: (p) => (doctorsOf(p)[0].plannedEnd = '31/12/2027'),
  careWeight: (p) => (doctorsOf(p)[0].careWeight = -1),
  listAges: (p) => (doctorsOf(p)[0].listAges = { counts: [1, 2, 3] }),
  listAgesBand: (p) => (doctorsOf(p)[0].listAges = { counts: Array.from({ length: 20 }, () => -1) }),
  delegation: (p) => (doctorsOf(p)[0].delegation = { nurse: 3 }),
  basis: (p) => (doctorsOf(p)[0].careWeightBasis = 'horoskop'),
  agreedOn: (p) => (doctorsOf(p)[0].agreedOn = 'igår'),
  personnummerName: (p) => (doctorsOf(p)[0].name = '19121212-1212'),
  doctorNotObject: (p) => ((p.doctors as unknown[])[0] = 'Anna'),
  doctorsNotList: (p) => (p.doctors = 'alla'),
  unitListed: (p) => ((p.unit as Obj).listed = 'många'),
  unitName: (p) => delete (p.unit as Obj).name,
  priority: (p) => (((p.unit as Obj).priority as Obj).multimorbid = -5),
  ageReference: (p) => ((p.unit as Obj).ageReference = { rates: [1], mean: 0 }),
  targetCoverage: (p) => ((p.unit as Obj).targetCoverage = 5),
  time: (p) => (p.time = { weeksPerYear: 60, plannedMinutes: 0 }),
  model: (p) => (p.model = 'magic'),
  unknownProfile: (p) => (p.profile = 'stockholm'),
  customProfile: (p) => (p.profile = { ...PROFILES.vgr, id: 'custom', name: 'Vår profil', guideline: { specialist: -1 }, listLimits: { minPerFte: 900, maxPerFte: 100 }, goals: { coverage: 3 }, stRamp: { enabled: 'ja' } }),
  format: (p) => (p.format = 'annat/format'),
  version: (p) => (p.version = 'ett'),
  tooNew: (p) => (p.version = 99),
};

/** What must never be in a message: a JSON path, a camelCase key, an internal code or a profile id. */
function leaks(text: string): string[] {
  const out: string[] = [];
  if (text.includes('[')) out.push('[');
  if (text.includes('].')) out.push('].');
  const camel = /\b[a-z]+[A-Z][A-Za-z]*\b/.exec(text);
  if (camel) out.push(`camelCase ${camel[0]}`);
  for (const id of PROFILE_IDS) if (new RegExp(`(?<![\\p{L}])${id}(?![\\p{L}])`, 'u').test(text)) out.push(`profile id ${id}`);
  out.push(...internalWordsIn(text));
  return out;
}

function messagesOf(errors: readonly PlanError[]): string[] {
  return errors.map(planErrorText);
}

describe('plan-file messages name things as a user does', () => {
  for (const [name, breakIt] of Object.entries(BROKEN)) {
    it(`${name}: no path, key or id in any message`, () => {
      const file = demo();
      breakIt(file);
      const r = parsePlan(JSON.stringify(file));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const text of messagesOf(r.errors)) expect(leaks(text), text).toEqual([]);
      // The app's own door says the same (state/core pathMessage).
      expect(r.errors.map(pathMessage)).toEqual(messagesOf(r.errors));
    });
  }

  it('names the doctor by number and name and the field by its label', () => {
    const file = demo();
    const first = doctorsOf(file)[0];
    first.name = 12;
    doctorsOf(file)[1].employment = 7;
    const r = parsePlan(JSON.stringify(file));
    if (r.ok) throw new Error('should fail');
    const second = doctorsOf(demo())[1].name as string;
    const texts = messagesOf(r.errors);
    expect(texts).toContain('Läkare 1: Namn – Måste vara text.');
    expect(texts.some((t) => t.startsWith(`Läkare 2 (${second}): Tjänstgöringsgrad – `))).toBe(true);
  });

  it('names a duty by its number and label', () => {
    const file = demo();
    doctorsOf(file)[0].duties = [{ kind: 'supervision', hoursPerWeek: 2 }, { kind: 'research', hoursPerWeek: 400, label: 'Avhandling' }];
    const r = parsePlan(JSON.stringify(file));
    if (r.ok) throw new Error('should fail');
    const name = doctorsOf(demo())[0].name as string;
    expect(messagesOf(r.errors)[0]).toMatch(new RegExp(`^Läkare 1 \\(${name}\\), uppdrag 2 \\(Avhandling\\): Timmar per vecka – `));
  });

  it('an unknown profile lists the profiles by their names', () => {
    const file = demo();
    file.profile = 'stockholm';
    const r = parsePlan(JSON.stringify(file));
    if (r.ok) throw new Error('should fail');
    const text = messagesOf(r.errors)[0];
    for (const p of Object.values(PROFILES)) expect(text).toContain(p.name);
    expect(text.startsWith('Regelprofilen – ')).toBe(true);
  });

  it('a unit field, a time assumption and a custom profile field by their labels', () => {
    const file = demo();
    (file.unit as Obj).listed = 'många';
    file.time = { weeksPerYear: 60 };
    file.profile = { ...PROFILES.vgr, id: 'custom', name: 'Vår profil', listLimits: { minPerFte: 900, maxPerFte: 100, stFactor: 1, scaleWithEmployment: true, maxPointsPerFte: null } };
    const r = parsePlan(JSON.stringify(file));
    if (r.ok) throw new Error('should fail');
    const texts = messagesOf(r.errors);
    expect(texts).toContain('Enheten: Listade invånare – Måste vara ett tal.');
    expect(texts.some((t) => t.startsWith('Tidsmodellens antaganden: Arbetsveckor per år – '))).toBe(true);
    expect(texts.some((t) => t.startsWith('Regelprofilen (Vår profil): Minsta lista per heltid – '))).toBe(true);
  });

  it('a personnummer as a name is never echoed in the place', () => {
    const file = demo();
    doctorsOf(file)[0].name = '19121212-1212';
    const r = parsePlan(JSON.stringify(file));
    if (r.ok) throw new Error('should fail');
    for (const t of messagesOf(r.errors)) expect(t).not.toMatch(/1212/);
  });

  it('a file that is not JSON says where, in Swedish', () => {
    const r = parsePlan('{\n  "format": "kapacitet/plan",\n  "unit": 12 34\n}');
    if (r.ok) throw new Error('should fail');
    const text = messagesOf(r.errors)[0];
    expect(text).toMatch(/rad 3, tecken 14\./);
    for (const broken of ['{"unit" {}}', '{"unit":', '']) {
      const b = parsePlan(broken);
      if (b.ok) throw new Error('should fail');
      expect(messagesOf(b.errors)[0]).not.toMatch(/Unexpected|JSON|position|token/);
    }
  });

  it('an "alla planer" file names the scenario', () => {
    const file = demo();
    const bad = demo();
    doctorsOf(bad)[0].name = 12;
    file.scenarios = [{ name: 'En ST-läkare till', plan: bad }];
    const parsed = parsePlan(JSON.stringify(file));
    if (!parsed.ok) throw new Error('main plan is valid');
    const split = splitPlanFile(parsed.plan);
    if (split.ok) throw new Error('should fail');
    const text = messagesOf(split.errors)[0];
    expect(text).toBe('Scenario 1 (En ST-läkare till), Läkare 1: Namn – Måste vara text.');
  });
});

describe('backup-file messages name things as a user does', () => {
  const base = () => ({
    format: 'kapacitet/backup',
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    schemaVersion: 3,
    stores: {
      units: [{ id: 'u1', name: 'Vårdcentralen Norr' }],
      plans: [{ id: 'p1', unitId: 'u1', name: 'Nuläge', kind: 'current', body: (() => { const d = demo(); delete d.doctors; return d; })() }],
      doctors: doctorsOf(demo()).map((d, i) => ({ planId: 'p1', id: d.id as string, order: i, data: d })),
    } as Record<string, unknown[]>,
  });

  const cases: Record<string, (b: ReturnType<typeof base>) => void> = {
    unitWithoutName: (b) => delete (b.stores.units[0] as Obj).name,
    planOfNoUnit: (b) => ((b.stores.plans[0] as Obj).unitId = 'u9'),
    planKind: (b) => ((b.stores.plans[0] as Obj).kind = 'gammal'),
    doctorOfNoPlan: (b) => ((b.stores.doctors[0] as Obj).planId = 'p9'),
    storeNotList: (b) => (b.stores.snapshots = 'ingen' as unknown as unknown[]),
    recordNotObject: (b) => (b.stores.workshops = [5]),
    badDoctor: (b) => ((b.stores.doctors[1] as { data: Obj }).data.employment = 9),
    version: (b) => ((b as Obj).version = 0),
  };

  for (const [name, breakIt] of Object.entries(cases)) {
    it(`${name}: no path, key or id in any message`, () => {
      const b = base();
      breakIt(b);
      const r = readBackupFile(JSON.stringify(b));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const text of messagesOf(r.errors)) expect(leaks(text), text).toEqual([]);
    });
  }

  it('a plan problem names the plan, its unit and the doctor', () => {
    const b = base();
    (b.stores.doctors[1] as { data: Obj }).data.employment = 9;
    const r = readBackupFile(JSON.stringify(b));
    if (r.ok) throw new Error('should fail');
    const name = doctorsOf(demo())[1].name as string;
    expect(messagesOf(r.errors)[0]).toMatch(new RegExp(`^Planen ”Nuläge” i enheten ”Vårdcentralen Norr”, Läkare 2 \\(${name}\\): Tjänstgöringsgrad – `));
  });

  it('a record problem names the record', () => {
    const b = base();
    (b.stores.plans[0] as Obj).unitId = 'u9';
    const r = readBackupFile(JSON.stringify(b));
    if (r.ok) throw new Error('should fail');
    expect(messagesOf(r.errors)).toContain('Plan 1 i filen: enhet – hör till en enhet som inte finns i filen.');
  });
});

// The doctor's page helpers: what-if drafts, the explanation chain and the week.
import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, explain } from '../../../../src/lib/engine/index';
import { explainChain, type ChainNode } from '../../../../src/lib/ui/doctors/chain';
import { draftOf, draftPatch, planWith } from '../../../../src/lib/ui/doctors/whatif';
import { weekParts } from '../../../../src/lib/ui/doctors/week';

const TODAY = '2026-01-15';

describe('what-if drafts', () => {
  const plan = createDemoPlan();
  const d = plan.doctors.find((x) => x.duties.length > 0)!;
  it('an untouched draft changes nothing', () => {
    expect(draftPatch(d, draftOf(d))).toEqual({ patch: {}, errors: [] });
  });
  it('reads employment, one duty, care weight and absence as the grid reads them', () => {
    const draft = { ...draftOf(d), employment: '80', careWeight: '1,2', absenceWeeks: '3' };
    draft.duties = [...draft.duties];
    draft.duties[0] = '5,5';
    const out = draftPatch(d, draft);
    expect(out.errors).toEqual([]);
    expect(out.patch).toMatchObject({ employment: 0.8, careWeight: 1.2, absenceWeeks: 3 });
    expect(out.patch.duties?.[0]).toEqual({ ...d.duties[0], hoursPerWeek: 5.5 });
    expect(out.patch.duties?.slice(1)).toEqual(d.duties.slice(1));
  });
  it('reports what cannot be read, with its field', () => {
    const out = draftPatch(d, { ...draftOf(d), employment: 'heltid', careWeight: '0' });
    expect(out.errors.map((e) => e.field)).toEqual(['employment', 'careWeight']);
  });
  it('planWith leaves the plan untouched and removes fields set to undefined', () => {
    const before = JSON.stringify(plan);
    const next = planWith(plan, d.id, { careWeight: undefined, employment: 0.5 });
    expect(JSON.stringify(plan)).toBe(before);
    const nd = next.doctors.find((x) => x.id === d.id)!;
    expect(nd.employment).toBe(0.5);
    expect(nd).not.toHaveProperty('careWeight');
  });
});

describe('explainChain', () => {
  const plan = createDemoPlan();
  const result = computePlan(plan, { today: TODAY });
  const id = plan.doctors[0].id;
  it('starts at explain() of the number and follows every computed input down to plan inputs', () => {
    const chain = explainChain(plan, result, `doctors.${id}.capacityTime`)!;
    expect(chain.explanation).toEqual(explain(plan, result, `doctors.${id}.capacityTime`));
    const paths: string[] = [];
    const walk = (n: ChainNode) => {
      paths.push(n.path);
      for (const i of n.inputs) if (i.step) walk(i.step);
    };
    walk(chain);
    // The engine's explanation reaches the inputs itself: its steps carry the computed values on the way.
    const steps = [...paths.flatMap((p) => explain(plan, result, p)?.steps?.map((s) => s.path) ?? [])];
    expect(steps).toEqual(expect.arrayContaining([`doctors.${id}.time.visitsYear`, `doctors.${id}.time.directHoursYear`, `doctors.${id}.time.patientHoursYear`]));
    // every leaf is a plan input or a step already shown
    const leaves: { path?: string; repeated: boolean }[] = [];
    const walkLeaves = (n: ChainNode) => n.inputs.forEach((i) => (i.step ? walkLeaves(i.step) : leaves.push(i)));
    walkLeaves(chain);
    expect(leaves.some((l) => l.path === `doctors.${id}.employment`)).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('weekParts', () => {
  it('adds up to the contracted week and splits duties by kind', () => {
    const plan = createDemoPlan();
    const result = computePlan(plan, { today: TODAY });
    for (const d of plan.doctors) {
      const r = result.doctors.find((x) => x.id === d.id)!;
      const parts = weekParts(d, r, result.time);
      const total = parts.reduce((s, p) => s + p.hoursPerWeek, 0);
      expect(total).toBeCloseTo(Math.min(1, d.employment) * result.time.fullTimeHours, 6);
      const kinds = new Set(d.duties.filter((x) => x.hoursPerWeek > 0).map((x) => x.kind));
      expect(parts.filter((p) => p.key.startsWith('duty.')).map((p) => p.key.slice(5))).toEqual([...kinds].sort((a, b) => ['supervision', 'management', 'research', 'side', 'meetings', 'other'].indexOf(a) - ['supervision', 'management', 'research', 'side', 'meetings', 'other'].indexOf(b)));
    }
  });
});

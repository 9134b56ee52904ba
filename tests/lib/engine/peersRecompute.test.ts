// The explanations beyond the workbook (issue 16) recompute to the value they show, on random plans with a team,
// list ages, agreements and both models: the evaluator of explainRecompute reads every printed line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, explain, explainablePaths } from '../../../src/lib/engine/index';
import type { Doctor, Plan } from '../../../src/lib/engine/types';
import { doc, plan, TODAY } from './helpers';
import { checkLine } from './recompute';

const share = fc.integer({ min: 0, max: 30 }).map((x) => x / 100);
const teamArb = fc.option(fc.record({ nurse: share, physiotherapist: share, psychologist: share, other: share }, { requiredKeys: [] }), { nil: undefined });
const agesArb = fc.option(
  fc.record({ counts: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 9, maxLength: 9 }), unknown: fc.integer({ min: 0, max: 20 }) }),
  { nil: undefined },
);

const doctorArb = fc
  .record({
    category: fc.constantFrom<Doctor['category']>('specialist', 'st', 'geriatrician', 'locum', 'junior'),
    employment: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
    absenceWeeks: fc.integer({ min: 0, max: 20 }),
    listed: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    agreed: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    delegation: teamArb,
    listAges: agesArb,
    careWeight: fc.option(fc.integer({ min: 60, max: 200 }).map((x) => x / 100), { nil: undefined }),
  })
  .map(({ agreed, ...d }) => {
    const out = doc({ category: d.category, employment: d.employment, absenceWeeks: d.absenceWeeks, stMonthsDone: 20, stMonthsTotal: 66 }) as Doctor & { agreedListSize?: number };
    if (d.listed !== undefined) out.listed = d.listed;
    if (agreed !== undefined) out.agreedListSize = agreed;
    if (d.delegation) out.delegation = d.delegation;
    if (d.listAges) out.listAges = d.listAges;
    if (d.careWeight !== undefined) out.careWeight = d.careWeight;
    return out as Doctor;
  });

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    doctors: fc.array(doctorArb, { minLength: 1, maxLength: 5 }),
    model: fc.constantFrom<Plan['model']>('guideline', 'time'),
    delegation: teamArb,
    listAges: agesArb,
    careWeight: fc.integer({ min: 80, max: 150 }).map((x) => x / 100),
    minutes: fc.constantFrom(30, 20, 12),
  })
  .map((x) =>
    plan({
      model: x.model,
      time: { plannedMinutes: x.minutes, acuteMinutes: Math.min(x.minutes, 20) },
      doctors: x.doctors.map((d, i) => ({ ...d, id: `d${i + 1}`, name: `Läkare ${i + 1}` })),
      unit: { careWeight: x.careWeight, ...(x.delegation ? { delegation: x.delegation } : {}), ...(x.listAges ? { listAges: x.listAges } : {}) },
    }),
  );

const PEER_PATH = /\.(visitsPerDay|delegation|visitsPerPatientTeam|capacityTimeWithoutTeam|teamPatients|freePlaces|freePlacesAgreed|freePlacesOpen|ageIndex|careWeightSuggested|gapPatientsTime|gapPatientsTimeWithoutTeam|doctorsAboveSafeDay|capacityTime)$/;

describe('explanations beyond the workbook recompute', () => {
  it('on random plans with a team, list ages and agreements', () => {
    let recomputed = 0;
    fc.assert(
      fc.property(planArb, (p) => {
        const r = computePlan(p, { today: TODAY });
        const failures: string[] = [];
        for (const path of explainablePaths(r).filter((x) => PEER_PATH.test(x))) {
          const e = explain(p, r, path);
          if (!e) {
            failures.push(`${path}: no explanation`);
            continue;
          }
          if (!(e.formula.endsWith(`= ${e.valueText}`) || e.formula.endsWith(`→ ${e.valueText}`))) failures.push(`${path}: "${e.formula}" does not end with ${e.valueText}`);
          for (const line of [e.formula, ...(e.steps ?? []).map((s) => s.formula)]) {
            const c = checkLine(line);
            if (!c.ok) failures.push(`${path}: ${c.why}`);
            else if (c.checked) recomputed++;
          }
        }
        expect(failures).toEqual([]);
      }),
      { numRuns: 150, seed: 20261216 },
    );
    expect(recomputed).toBeGreaterThan(3000);
  });
});

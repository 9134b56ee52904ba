// The unit part (domain.md §4) and the stimulus estimate (§5), hand-computed.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../../src/lib/engine/index';
import { doc, plan, TODAY } from './helpers';

const priority = { multimorbid: 300, nursingHome: 100, homeCare: 50, palliative: 10, chronic: 40 };

describe('unit results', () => {
  const p = plan({
    unit: { listed: 4000, careWeight: 1.05, withNamedDoctor: 2600, priority },
    doctors: [
      doc({ id: 'a', listed: 1000 }), // 1 100 / 1.05 → 1 047
      doc({ id: 'b', employment: 0.5, listed: 600 }), // 550 / 1.05 → 523
      doc({ id: 'c', category: 'locum', listed: 700 }), // 0
    ],
  });
  const u = computePlan(p, { today: TODAY }).unit;

  it('sums capacity per model and by the chosen model', () => {
    expect(u.capacityGuideline).toBe(1047 + 523);
    // time: 1 680 h × 0.65 = 1 092 h → 2 520 visits → floor(2 520 × 0.7 / 1.575) = 1 120; half time 1 260 → 560
    expect(u.capacityTime).toBe(1120 + 560);
    expect(u.capacity).toBe(1570);
    const t = computePlan({ ...p, model: 'time' }, { today: TODAY }).unit;
    expect(t.capacity).toBe(1680);
  });
  it('coverageToday = withNamedDoctor / N; coveragePossible = min(1, capacity / N)', () => {
    expect(u.coverageToday).toBe(0.65);
    expect(u.coveragePossible).toBeCloseTo(1570 / 4000, 12);
  });
  it('gapPatients = max(0, ceil(target × N) − capacity); fteNeeded = gap × V / 1 100', () => {
    expect(u.gapPatients).toBe(4000 - 1570);
    expect(u.fteNeeded).toBeCloseTo((2430 * 1.05) / 1100, 9); // 2.3195…
  });
  it('sums the priority groups and covers them first', () => {
    expect(u.priorityTotal).toBe(500);
    expect(u.priorityCovered).toBe(500);
  });
  it('adds the known lists, employment and clinical FTE', () => {
    expect(u.listedOnDoctors).toBe(2300);
    expect(u.employmentFte).toBe(2.5);
    expect(u.clinicalFte).toBe(2.5); // the locum works clinically too, though without a named list
    expect(u.listed).toBe(4000);
  });
  it('has no stimulus estimate in the national profile', () => {
    expect(u.stimulusSek).toBeNull();
  });
});

describe('edge cases of the unit formulas', () => {
  it('rounds the target up to whole patients: 90 % of 9 801 → 8 821', () => {
    const u = computePlan(plan({ unit: { listed: 9801, targetCoverage: 0.9 }, doctors: [doc()] }), { today: TODAY }).unit;
    expect(u.gapPatients).toBe(8821 - 1100);
  });
  it('a target that is exact in decimals is not rounded up by binary noise: 55 % of 3 000 = 1 650', () => {
    // 0.55 * 3000 = 1650.0000000000002 in floating point
    const u = computePlan(plan({ unit: { listed: 3000, targetCoverage: 0.55 }, doctors: [doc({ employment: 0.5 })] }), { today: TODAY }).unit;
    expect(u.gapPatients).toBe(1650 - 550);
  });
  it('has no negative gap when capacity exceeds the target', () => {
    const u = computePlan(plan({ unit: { listed: 500 }, doctors: [doc()] }), { today: TODAY }).unit;
    expect(u.gapPatients).toBe(0);
    expect(u.fteNeeded).toBe(0);
    expect(u.coveragePossible).toBe(1);
  });
  it('gives 0 coverage when nobody is listed', () => {
    const u = computePlan(plan({ unit: { listed: 0, withNamedDoctor: 0 } }), { today: TODAY }).unit;
    expect(u.coverageToday).toBe(0);
    expect(u.coveragePossible).toBe(0);
    expect(u.gapPatients).toBe(0);
  });
  it('covers only as many priority patients as the capacity allows', () => {
    const u = computePlan(plan({ unit: { priority: { ...priority, multimorbid: 2000 } }, doctors: [doc({ employment: 0.5 })] }), { today: TODAY }).unit;
    expect(u.priorityTotal).toBe(2200);
    expect(u.priorityCovered).toBe(550);
  });
  it("sizes the FTE need with the profile's guideline: Värmland 1 500", () => {
    const u = computePlan(plan({ unit: { listed: 3000 }, doctors: [doc()] }, 'varmland'), { today: TODAY }).unit;
    expect(u.gapPatients).toBe(1500);
    expect(u.fteNeeded).toBe(1);
  });
});

describe('VGR stimulus (domain.md §5)', () => {
  const doctors = [
    doc({ id: 'a', listed: 1000, listPoints: 400, careWeightPoints: 50 }),
    doc({ id: 'b', listed: 800, listPoints: 300 }),
    doc({ id: 'c', category: 'locum', listed: 500, listPoints: 200, fictiveListName: 'Vårdcentralen Test Dr C' }),
  ];
  it('is 12 kr × list points + 12 kr × care-weight points over the named lists', () => {
    const u = computePlan(plan({ unit: { listed: 2400, withNamedDoctor: 1800 }, doctors }, 'vgr'), { today: TODAY }).unit;
    expect(u.stimulusSek).toBe(12 * 700 + 12 * 50); // 9 000; the locum's fictive list does not count
  });
  it('is 0 when less than 70 % of the listed have a named doctor', () => {
    const u = computePlan(plan({ unit: { listed: 3000, withNamedDoctor: 1800 }, doctors }, 'vgr'), { today: TODAY }).unit;
    expect(u.stimulusSek).toBe(0);
  });
  it('is paid at exactly 70 %', () => {
    const u = computePlan(plan({ unit: { listed: 1000, withNamedDoctor: 700 }, doctors }, 'vgr'), { today: TODAY }).unit;
    expect(u.stimulusSek).toBe(9000);
  });
  it('is null when no list points are known', () => {
    const u = computePlan(plan({ doctors: [doc({ listed: 900 })] }, 'vgr'), { today: TODAY }).unit;
    expect(u.stimulusSek).toBeNull();
  });
  it('never counts a fictive list, even one held by a doctor who could be a named doctor (issue 17.8)', () => {
    // A specialist whose patients stand on a fictive list (seed 000): the list is no named-doctor list.
    const withFictive = [...doctors, doc({ id: 'e', listed: 600, listPoints: 250, careWeightPoints: 30, fictiveListName: 'Vårdcentralen Test Dr E' })];
    const r = computePlan(plan({ unit: { listed: 3000, withNamedDoctor: 2400 }, doctors: withFictive }, 'vgr'), { today: TODAY });
    expect(r.doctors[3].base).toBe(1100);
    expect(r.unit.stimulusSek).toBe(9000);
    expect(r.unit.used?.stimulusPoints).toEqual({ listPoints: 700, careWeightPoints: 50 });
    // Only fictive lists with points: no named-doctor list has points, so there is no estimate at all.
    const onlyFictive = computePlan(plan({ doctors: [withFictive[3]] }, 'vgr'), { today: TODAY });
    expect(onlyFictive.unit.stimulusSek).toBeNull();
  });
});

describe('lists on paper and doctors over capacity (domain.md §6, §4)', () => {
  it('counts named-doctor patients beyond capacity and the over-capacity doctors, each explained', async () => {
    const { computePlan, createDemoPlan, explain, fmt } = await import('../../../src/lib/engine/index');
    const plan = createDemoPlan();
    plan.unit.withNamedDoctor = 9000;
    const r = computePlan(plan, { today: '2026-12-01' });
    expect(r.unit.paperListPatients).toBe(Math.max(0, 9000 - r.unit.capacity));
    expect(r.unit.paperListPatients).toBeGreaterThan(0);
    const e = explain(plan, r, 'unit.paperListPatients');
    expect(e?.formula).toBe(`max(0; ${fmt.patients(9000)} − ${fmt.patients(r.unit.capacity)}) = ${fmt.patients(r.unit.paperListPatients)}`);
    const over = r.findings.filter((f) => f.rule === 'over-capacity').length;
    expect(r.unit.doctorsOverCapacity).toBe(over);
    expect(explain(plan, r, 'unit.doctorsOverCapacity')?.inputs.length).toBe(over);
    plan.unit.withNamedDoctor = 10;
    expect(computePlan(plan, { today: '2026-12-01' }).unit.paperListPatients).toBe(0);
  });
});

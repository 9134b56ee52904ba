// Worked cases: the calibration of domain.md §3 and the demo unit end to end.
import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, DOCTOR_CATEGORIES } from '../../../src/lib/engine/index';
import { doc, plan, TODAY } from './helpers';

describe('calibration of the time model (domain.md §3)', () => {
  it('a standard full-time specialist with 2 h/week of meetings lands within ±5 % of 1 100', () => {
    const r = computePlan(plan({ doctors: [doc({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] })] }), { today: TODAY }).doctors[0];
    // (40 − 2) × 42 × 0.65 × 60 / 26 × 0.7 / 1.5 = 1 117.2 → 1 117
    expect(r.capacityTime).toBe(1117);
    expect(Math.abs(r.capacityTime - 1100) / 1100).toBeLessThanOrEqual(0.05);
  });
  it('without meetings, the same doctor lands at 1 176 in the time model and 1 100 by the guideline', () => {
    const r = computePlan(plan({ doctors: [doc()] }), { today: TODAY }).doctors[0];
    expect(r.capacityTime).toBe(1176); // 1 680 × 0.65 × 60 / 26 = 2 520 visits × 0.7 / 1.5
    expect(r.capacityGuideline).toBe(1100);
  });
});

describe('the demo unit "Vårdcentralen Exempel", computed by hand', () => {
  const p = createDemoPlan();
  const r = computePlan(p, { today: TODAY });
  const byId = Object.fromEntries(r.doctors.map((d) => [d.id, d]));

  it('is realistic and covers every category', () => {
    expect(p.unit.name).toBe('Vårdcentralen Exempel');
    expect(p.unit.listed).toBe(9800);
    expect(p.unit.withNamedDoctor).toBe(6100);
    expect(new Set(p.doctors.map((d) => d.category))).toEqual(new Set(DOCTOR_CATEGORIES));
    expect(p.doctors.length).toBeGreaterThanOrEqual(8);
    expect(createDemoPlan()).toEqual(p); // deterministic
  });
  it('has the hand-computed capacities', () => {
    expect(byId.d1.capacityGuideline).toBe(838); // 1 100 × 0.8 / 1.05 = 838.1 (MLA 8 h)
    expect(byId.d2.capacityGuideline).toBe(850); // 1 100 × 0.85 / 1.1 (supervision 4 h + meetings 2 h)
    expect(byId.d3.capacityGuideline).toBe(497); // ST 30/60: 550 × 0.95 / 1.05 = 497.6
    expect(byId.d4.capacityGuideline).toBe(785); // pediatrician 0.8 × (1 − 2/32) = 0.75 → 785.7
    expect(byId.d5.capacityGuideline).toBe(343); // geriatrician 0.5, care weight 1.6: 343.75
    expect(byId.d6.capacityGuideline).toBe(523); // 0.6 × (1 − 4/24) = 0.5 → 523.8
    expect(byId.d7.capacityGuideline).toBe(995); // 1 100 × 0.95 / 1.05 = 995.2
    expect(byId.d8.capacityGuideline).toBe(0); // locum
    expect(byId.d9.capacityGuideline).toBe(0); // AT/BT
    expect(byId.d10.capacityGuideline).toBe(532); // ST 50/60, 10 weeks away
    expect(r.unit.capacity).toBe(5363);
    expect(r.unit.gapPatients).toBe(9800 - 5363);
    expect(r.unit.fteNeeded).toBeCloseTo((4437 * 1.05) / 1100, 9);
  });
  it('shows findings: over-capacity, short employment, geriatrician age group, SÄBO goal', () => {
    const rules = r.findings.map((f) => `${f.rule}:${f.doctorId ?? 'unit'}`);
    expect(rules).toEqual(
      expect.arrayContaining(['over-capacity:d1', 'over-capacity:d2', 'over-capacity:d7', 'short-employment:d5', 'not-eligible:d5', 'not-eligible:d4', 'goal-nursing-home:unit']),
    );
    expect(rules).not.toContain('over-capacity:d8'); // a fictive list carries no load
    expect(r.findings.some((f) => f.severity === 'error')).toBe(false);
  });
});

describe('worked case: a VGR unit', () => {
  const p = plan(
    {
      unit: { name: 'Vårdcentralen Väster', listed: 5000, withNamedDoctor: 3600, careWeight: 1 },
      doctors: [
        doc({ id: 'a', name: 'Alva', duties: [{ kind: 'supervision', hoursPerWeek: 4 }], listed: 1500, listPoints: 520 }),
        doc({ id: 'b', name: 'Bengt', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 1250, listPoints: 410 }),
        doc({ id: 'c', name: 'Cecilia', employment: 0.5, listed: 250, listPoints: 90, plannedEnd: '2027-06-30' }),
      ],
    },
    'vgr',
  );
  const r = computePlan(p, { today: TODAY });

  it('computes capacities, gap, FTE and stimulus by hand', () => {
    expect(r.doctors.map((d) => d.capacity)).toEqual([990, 550, 550]); // 1 100 × 0.9; 550; 1 100 × 0.5
    expect(r.unit.capacity).toBe(2090);
    expect(r.unit.gapPatients).toBe(2910);
    expect(r.unit.fteNeeded).toBeCloseTo(2910 / 1100, 9);
    expect(r.unit.coverageToday).toBe(0.72);
    expect(r.unit.stimulusSek).toBe(12 * (520 + 410 + 90)); // 12 240
  });
  it('reports exactly the rule breaks of this unit', () => {
    expect(r.findings.map((f) => `${f.rule}:${f.doctorId ?? 'unit'}`).sort()).toEqual(
      [
        'list-above-max:b', // 1 250 > 1 200 (ST: 2 400 × 0.5)
        'points-above-max:b', // 410 > 400
        'over-capacity:a', // 1 500 > 990
        'over-capacity:b', // 1 250 > 550
        'list-below-min:c', // 250 < 300 (600 × 0.5)
        'short-employment:c', // 2027-06-30 < 2027-11-23
      ].sort(),
    );
  });
});

describe('worked case: a Västmanland unit with locums', () => {
  it('refuses a locum list that is not fictive and checks fictive list names', () => {
    const p = plan(
      {
        unit: { name: 'Vårdcentralen Norberg' },
        doctors: [
          doc({ id: 'a', listed: 900 }),
          doc({ id: 'h1', name: 'Hyr Ett', category: 'locum', listed: 600 }),
          doc({ id: 'h2', name: 'Hyr Två', category: 'locum', listed: 400, fictiveListName: 'Vårdcentralen Norberg Dr 1' }),
          doc({ id: 'h3', name: 'Hyr Tre', category: 'locum', listed: 300, fictiveListName: 'Dr Tre' }),
        ],
      },
      'vastmanland',
    );
    const r = computePlan(p, { today: TODAY });
    expect(r.findings.map((f) => `${f.severity}:${f.rule}:${f.doctorId}`)).toEqual(['error:locum-holds-list:h1', 'warning:fictive-list-name:h3']);
    expect(r.unit.capacity).toBe(1100);
    expect(r.unit.listedOnDoctors).toBe(2200);
  });
});

/**
 * Acceptance suite for the engine, written from shared/spec/domain.md and contracts.md only.
 * Imports nothing but the public contract (src/lib/engine/index.ts). Every expected number is
 * computed by hand in the comment next to it — never by calling an engine helper.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computePlan,
  explain,
  explainablePaths,
  parsePlan,
  serializePlan,
  PROFILES,
  type Doctor,
  type Plan,
  type PlanResult,
  type RuleProfile,
} from '../../src/lib/engine/index';

const TODAY = '2026-01-15';

function doctor(over: Partial<Doctor> & { id: string }): Doctor {
  return { name: `Dr ${over.id}`, category: 'specialist', employment: 1, duties: [], absenceWeeks: 0, ...over };
}

function plan(over: Partial<Plan> = {}, unit: Partial<Plan['unit']> = {}): Plan {
  return {
    format: 'kapacitet/plan',
    version: 1,
    profile: 'national',
    model: 'guideline',
    unit: {
      name: 'Vårdcentralen Test',
      listed: 10000,
      careWeight: 1,
      withNamedDoctor: 8000,
      targetCoverage: 1,
      priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 },
      ...unit,
    },
    doctors: [],
    ...over,
  };
}

function one(d: Partial<Doctor>, over: Partial<Plan> = {}, unit: Partial<Plan['unit']> = {}) {
  const r = computePlan(plan({ doctors: [doctor({ id: 'd1', ...d })], ...over }, unit), { today: TODAY });
  return r.doctors[0];
}

function rules(r: PlanResult, doctorId?: string): string[] {
  return r.findings.filter((f) => doctorId === undefined || f.doctorId === doctorId).map((f) => f.rule);
}

const customProfile: RuleProfile = {
  id: 'custom',
  name: 'Egen profil',
  source: 'Test',
  guideline: { specialist: 1000, stMid: 500 },
  stRamp: { enabled: false, startFactor: 0.5, endFactor: 1.5 },
  listLimits: { minPerFte: 500, maxPerFte: 1500, maxPointsPerFte: 600, stFactor: 0.5, scaleWithEmployment: false },
  coverageThreshold: 0.6,
  goals: null,
  stimulus: null,
  minEmploymentMonths: 6,
  locumRule: { cannotHoldList: true, fictiveListMustStartWithUnit: false },
};

describe('result shape (contracts.md, Engine)', () => {
  it('carries doctors[], unit and findings[] with the promised fields', () => {
    const r = computePlan(plan({ doctors: [doctor({ id: 'a', listed: 2000 })] }, { withNamedDoctor: 1000 }), {
      today: TODAY,
    });
    for (const k of ['id', 'base', 'clinicalFte', 'capacityGuideline', 'capacityTime', 'capacity', 'loadRatio']) {
      expect(r.doctors[0]).toHaveProperty(k);
    }
    for (const k of [
      'capacity', 'capacityGuideline', 'capacityTime', 'coverageToday', 'coveragePossible',
      'gapPatients', 'fteNeeded', 'priorityTotal', 'priorityCovered',
    ]) {
      expect(r.unit).toHaveProperty(k);
      expect(typeof (r.unit as unknown as Record<string, unknown>)[k]).toBe('number');
    }
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.rule).toBe('string');
      expect(f.message.length).toBeGreaterThan(10);
      if (f.doctorId !== undefined) expect(f.doctorId).toBe('a');
    }
  });
});

describe('§2 guideline model: base per category', () => {
  it('specialist 1 100, geriatrician/pediatrician/dispensation 1 100, locum and junior 0', () => {
    expect(one({ category: 'specialist' })).toMatchObject({ base: 1100, capacityGuideline: 1100, clinicalFte: 1 });
    expect(one({ category: 'geriatrician' })).toMatchObject({ base: 1100, capacityGuideline: 1100 });
    expect(one({ category: 'pediatrician' })).toMatchObject({ base: 1100, capacityGuideline: 1100 });
    expect(one({ category: 'dispensation' })).toMatchObject({ base: 1100, capacityGuideline: 1100 });
    expect(one({ category: 'locum' })).toMatchObject({ base: 0, capacityGuideline: 0, capacityTime: 0 });
    expect(one({ category: 'junior' })).toMatchObject({ base: 0, capacityGuideline: 0, capacityTime: 0 });
  });

  it('ST with the ramp on: 550 × (0.5 + months/total), clamped', () => {
    const st = (done: number, total = 60) => one({ category: 'st', stMonthsDone: done, stMonthsTotal: total });
    expect(st(0)).toMatchObject({ base: 275, capacityGuideline: 275 }); // 550 × 0.5
    expect(st(30)).toMatchObject({ base: 550, capacityGuideline: 550 }); // 550 × 1.0
    expect(st(60)).toMatchObject({ base: 825, capacityGuideline: 825 }); // 550 × 1.5
    expect(st(18).capacityGuideline).toBe(440); // 550 × 0.8
    expect(st(90).capacityGuideline).toBe(825); // progress clamped to 1
    expect(st(-5).capacityGuideline).toBe(275); // progress clamped to 0
    expect(st(20, 40).capacityGuideline).toBe(550); // 550 × (0.5 + 0.5)
  });

  it('ST with the ramp off is 550 at any phase; ST without months is the mid-training 550', () => {
    const off: RuleProfile = { ...PROFILES.national, id: 'custom', stRamp: { enabled: false, startFactor: 0.5, endFactor: 1.5 } };
    expect(one({ category: 'st', stMonthsDone: 0, stMonthsTotal: 60 }, { profile: off }).capacityGuideline).toBe(550);
    expect(one({ category: 'st', stMonthsDone: 60, stMonthsTotal: 60 }, { profile: off }).capacityGuideline).toBe(550);
    expect(one({ category: 'st' }).capacityGuideline).toBe(550);
  });

  it('Värmland 1 500 (ST mid 750); a custom profile uses its own values', () => {
    expect(one({}, { profile: 'varmland' }).capacityGuideline).toBe(1500);
    expect(one({ category: 'st', stMonthsDone: 30, stMonthsTotal: 60 }, { profile: 'varmland' }).capacityGuideline).toBe(750);
    expect(one({}, { profile: customProfile }).capacityGuideline).toBe(1000);
    // custom ramp off: ST 500 at the start
    expect(one({ category: 'st', stMonthsDone: 0, stMonthsTotal: 60 }, { profile: customProfile }).capacityGuideline).toBe(500);
  });
});

describe('§2 duties, absence, employment, care weight', () => {
  it.each(['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const)(
    'a duty of kind %s reduces clinical FTE: 4 h of 40 → 0,9 → 990',
    (kind) => {
      const d = one({ duties: [{ kind, hoursPerWeek: 4 }] });
      expect(d.clinicalFte).toBeCloseTo(0.9, 12);
      expect(d.capacityGuideline).toBe(990);
    },
  );

  it('several duties add up: 2 + 3 + 1 = 6 h of 40 → dutyShare 0,15 → 935', () => {
    const d = one({
      duties: [
        { kind: 'supervision', hoursPerWeek: 2 },
        { kind: 'management', hoursPerWeek: 3 },
        { kind: 'supervision', hoursPerWeek: 1 },
      ],
    });
    expect(d.capacityGuideline).toBe(935); // 1 100 × 0,85
  });

  it('duty share is capped at 1 (never negative capacity) and reported', () => {
    const r = computePlan(plan({ doctors: [doctor({ id: 'd1', employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 30 }] })] }), { today: TODAY });
    const d = r.doctors[0];
    expect(d.clinicalFte).toBe(0);
    expect(d.capacityGuideline).toBe(0);
    expect(d.capacityTime).toBe(0); // max(0, 20 − 30) = 0
    expect(rules(r, 'd1')).toContain('duties-exceed-time');
  });

  it('duties within the time do not report duties-exceed-time', () => {
    const r = computePlan(plan({ doctors: [doctor({ id: 'd1', employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 19 }] })] }), { today: TODAY });
    expect(rules(r)).not.toContain('duties-exceed-time');
    expect(r.doctors[0].capacityGuideline).toBe(27); // 1 100 × 0,5 × (1 − 19/20) = 27,5 → 27
  });

  it('absence: presence = 1 − weeks/42; 4,2 weeks → 0,9 → 990 (binary noise floored correctly)', () => {
    expect(one({ absenceWeeks: 4.2 }).capacityGuideline).toBe(990);
    expect(one({ absenceWeeks: 21 }).capacityGuideline).toBe(550);
    expect(one({ absenceWeeks: 42 }).capacityGuideline).toBe(0);
  });

  it('employment 0 gives 0 everywhere, no NaN', () => {
    const d = one({ employment: 0 });
    expect(d.clinicalFte).toBe(0);
    expect(d.capacityGuideline).toBe(0);
    expect(d.capacityTime).toBe(0);
    const d2 = one({ employment: 0, duties: [{ kind: 'meetings', hoursPerWeek: 2 }] });
    expect(d2.capacityGuideline).toBe(0);
    expect(d2.capacityTime).toBe(0);
    expect(Number.isNaN(d2.clinicalFte)).toBe(false);
  });

  it('care weight: the doctor’s own if known, else the unit’s', () => {
    expect(one({}, {}, { careWeight: 1.2 }).capacityGuideline).toBe(916); // 1 100 / 1,2 = 916,67
    expect(one({ careWeight: 0.9 }, {}, { careWeight: 1.2 }).capacityGuideline).toBe(1222); // 1 222,2
    expect(one({ careWeight: 1.6, employment: 0.5 }).capacityGuideline).toBe(343); // 550 / 1,6 = 343,75
  });

  it('combined: 0,5 employment, 4 h duties, 6 weeks absence, care weight 1,2 → 314', () => {
    // dutyShare 4/20 = 0,2; presence 36/42; clinicalFte 0,5 × 0,8 × 36/42 = 0,342857…
    // 1 100 × 0,342857 / 1,2 = 314,29 → 314
    const d = one({ employment: 0.5, duties: [{ kind: 'research', hoursPerWeek: 4 }], absenceWeeks: 6, careWeight: 1.2 });
    expect(d.clinicalFte).toBeCloseTo(2.4 / 7, 12);
    expect(d.capacityGuideline).toBe(314);
  });
});

describe('floor after rounding to 9 decimals', () => {
  it.each([
    // [employment, careWeight, duties h, expected] — exact decimal arithmetic by hand
    [0.7, 1, 0, 770], // 1 100 × 0,7
    [1, 1, 12, 770], // 1 − 12/40 = 0,7
    [0.3, 1.1, 0, 300], // 0,3 × 1 100 ÷ 1,1
    [0.6, 1, 0, 660],
    [0.8, 1.1, 0, 800], // 880 / 1,1
    [0.9, 1.1, 0, 900],
    [0.1, 1.1, 0, 100],
    [0.45, 1.1, 0, 450],
    [0.5, 1.1, 2, 450], // 0,5 × (1 − 2/20) = 0,45 → 495 / 1,1
    [0.57, 1, 0, 627],
  ])('employment %s, care weight %s, duties %s h → %s', (employment, careWeight, h, expected) => {
    const duties = h ? [{ kind: 'other' as const, hoursPerWeek: h }] : [];
    expect(one({ employment, careWeight, duties }).capacityGuideline).toBe(expected);
  });

  it('time model floors after round9 too: default full-time specialist → exactly 1 176', () => {
    // 40 × 42 = 1 680 h; × 0,65 = 1 092; × 60 / 26 = 2 520 visits; × 0,7 / 1,5 = 1 176
    expect(one({}).capacityTime).toBe(1176);
    // care weight 1,1: 1 764 / 1,65 = 1 069,09 → 1 069
    expect(one({ careWeight: 1.1 }).capacityTime).toBe(1069);
  });
});

describe('§3 time model', () => {
  it('every step with the defaults (full-time, 2 h meetings): the calibration lands within ±5 % of 1 100', () => {
    const d = one({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] });
    // patientHoursYear = (40 − 2) × 42 × 1 = 1 596
    expect(d.time.patientHoursYear).toBeCloseTo(1596, 9);
    // directHoursYear = 1 596 × 0,65 = 1 037,4
    expect(d.time.directHoursYear).toBeCloseTo(1037.4, 9);
    // visitMinutes = 0,6 × 30 + 0,4 × 20 = 26
    expect(d.time.visitMinutes).toBeCloseTo(26, 12);
    // visitsYear = 1 037,4 × 60 / 26 = 2 394
    expect(d.time.visitsYear).toBeCloseTo(2394, 9);
    // capacityTime = floor(2 394 × 0,7 / 1,5) = floor(1 117,2) = 1 117
    expect(d.capacityTime).toBe(1117);
    expect(Math.abs(d.capacityTime - 1100) / 1100).toBeLessThanOrEqual(0.05);
  });

  it('part time, duties, absence and care weight: 0,5 × 40 − 4 = 16 h × 36 weeks → 336', () => {
    const d = one({ employment: 0.5, duties: [{ kind: 'side', hoursPerWeek: 4 }], absenceWeeks: 6, careWeight: 1.2 });
    // patientHoursYear = 16 × 42 × (36/42) = 576; direct 374,4; visits 374,4 × 60/26 = 864
    expect(d.time.patientHoursYear).toBeCloseTo(576, 9);
    expect(d.time.directHoursYear).toBeCloseTo(374.4, 9);
    expect(d.time.visitsYear).toBeCloseTo(864, 9);
    // floor(864 × 0,7 / (1,5 × 1,2)) = floor(336) = 336
    expect(d.capacityTime).toBe(336);
  });

  it('overridden assumptions are used in every step', () => {
    const time = {
      fullTimeHours: 38, weeksPerYear: 44, indirectShare: 0.4, plannedMinutes: 25,
      acuteMinutes: 15, plannedShare: 0.5, ownPatientShare: 0.8, visitsPerPatientYear: 2,
    };
    const d = one({}, { time });
    // 38 × 44 = 1 672; × 0,6 = 1 003,2; visitMinutes 0,5×25 + 0,5×15 = 20; visits 1 003,2 × 3 = 3 009,6
    expect(d.time.patientHoursYear).toBeCloseTo(1672, 9);
    expect(d.time.directHoursYear).toBeCloseTo(1003.2, 9);
    expect(d.time.visitMinutes).toBeCloseTo(20, 12);
    expect(d.time.visitsYear).toBeCloseTo(3009.6, 9);
    // floor(3 009,6 × 0,8 / 2) = floor(1 203,84) = 1 203
    expect(d.capacityTime).toBe(1203);
    // guideline model uses fullTimeHours and weeksPerYear too: 3,8 h of 38 = 0,1; 4,4 weeks of 44 = 0,1
    const g = one({ duties: [{ kind: 'other', hoursPerWeek: 3.8 }], absenceWeeks: 4.4 }, { time });
    expect(g.capacityGuideline).toBe(891); // 1 100 × 0,9 × 0,9 = 891
  });

  it('a partial time object keeps the other defaults', () => {
    // only ownPatientShare 0,8: 2 520 × 0,8 / 1,5 = 1 344
    expect(one({}, { time: { ownPatientShare: 0.8 } }).capacityTime).toBe(1344);
  });

  it('doctors with base 0 have time capacity 0; an ST has the same time capacity as a specialist', () => {
    expect(one({ category: 'locum' }).capacityTime).toBe(0);
    expect(one({ category: 'junior' }).capacityTime).toBe(0);
    expect(one({ category: 'st', stMonthsDone: 0, stMonthsTotal: 60 }).capacityTime).toBe(1176);
  });

  it('the plan model chooses the capacity', () => {
    expect(one({}, { model: 'guideline' }).capacity).toBe(1100);
    expect(one({}, { model: 'time' }).capacity).toBe(1176);
  });
});

describe('§4 unit part', () => {
  const unitPlan = (model: 'guideline' | 'time', unit: Partial<Plan['unit']> = {}) =>
    plan(
      {
        model,
        doctors: [
          doctor({ id: 'd1', listed: 1200 }),
          doctor({ id: 'd2', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 400 }),
          doctor({ id: 'd3', category: 'locum' }),
        ],
      },
      {
        listed: 5000, careWeight: 1.1, withNamedDoctor: 2000,
        priority: { multimorbid: 800, nursingHome: 300, homeCare: 200, palliative: 50, chronic: 700 },
        ...unit,
      },
    );

  it('guideline model: sums, coverage, gap, FTE, priority, load', () => {
    const r = computePlan(unitPlan('guideline'), { today: TODAY });
    // d1: 1 100 / 1,1 = 1 000; d2: 550 / 1,1 = 500; d3: 0
    expect(r.doctors.map((d) => d.capacityGuideline)).toEqual([1000, 500, 0]);
    // time: floor(1 764 / 1,65) = 1 069 for d1 and d2
    expect(r.doctors.map((d) => d.capacityTime)).toEqual([1069, 1069, 0]);
    expect(r.unit.capacityGuideline).toBe(1500);
    expect(r.unit.capacityTime).toBe(2138);
    expect(r.unit.capacity).toBe(1500);
    expect(r.unit.coverageToday).toBeCloseTo(0.4, 12); // 2 000 / 5 000
    expect(r.unit.coveragePossible).toBeCloseTo(0.3, 12); // 1 500 / 5 000
    expect(r.unit.gapPatients).toBe(3500); // 5 000 − 1 500
    expect(r.unit.fteNeeded).toBeCloseTo(3.5, 9); // 3 500 × 1,1 / 1 100
    expect(r.unit.priorityTotal).toBe(2050);
    expect(r.unit.priorityCovered).toBe(1500);
    expect(rules(r)).toContain('priority-uncovered');
    expect(r.doctors[0].loadRatio).toBeCloseTo(1.2, 12); // 1 200 / 1 000
    expect(r.doctors[1].loadRatio).toBeCloseTo(0.8, 12); // 400 / 500
    expect(rules(r, 'd1')).toContain('over-capacity');
    expect(rules(r, 'd2')).not.toContain('over-capacity');
  });

  it('time model drives the plan when chosen', () => {
    const r = computePlan(unitPlan('time'), { today: TODAY });
    expect(r.unit.capacity).toBe(2138);
    expect(r.unit.gapPatients).toBe(2862);
    expect(r.unit.fteNeeded).toBeCloseTo(2862 * 1.1 / 1100, 9); // 2,862
    expect(r.unit.priorityCovered).toBe(2050);
    expect(rules(r)).not.toContain('priority-uncovered');
    expect(r.doctors[0].capacity).toBe(1069);
    expect(r.doctors[0].loadRatio).toBeCloseTo(1200 / 1069, 12);
  });

  it('gap uses ceil(target × N); never negative; coverage possible is capped at 1', () => {
    // ceil(0,95 × 4 999) = ceil(4 749,05) = 4 750 → 4 750 − 1 500 = 3 250
    const r = computePlan(unitPlan('guideline', { listed: 4999, targetCoverage: 0.95 }), { today: TODAY });
    expect(r.unit.gapPatients).toBe(3250);
    // 0,9 × 5 000 = 4 500 exactly (binary noise must not make it 4 501)
    expect(computePlan(unitPlan('guideline', { targetCoverage: 0.9 }), { today: TODAY }).unit.gapPatients).toBe(3000);
    // 0,7 × 1 000 = 700 (700,0000000000001 in binary) → 700 − 0 = 700
    expect(computePlan(plan({}, { listed: 1000, targetCoverage: 0.7 }), { today: TODAY }).unit.gapPatients).toBe(700);
    const small = computePlan(unitPlan('guideline', { listed: 1000, withNamedDoctor: 900 }), { today: TODAY });
    expect(small.unit.gapPatients).toBe(0);
    expect(small.unit.fteNeeded).toBe(0);
    expect(small.unit.coveragePossible).toBe(1);
  });

  it('load ratio with capacity 0: Infinity with a list, and not NaN without one', () => {
    const r = computePlan(plan({ doctors: [doctor({ id: 'd1', employment: 0, listed: 100 }), doctor({ id: 'd2', employment: 0, listed: 0 }), doctor({ id: 'd3' })] }), { today: TODAY });
    expect(r.doctors[0].loadRatio).toBe(Infinity);
    expect(Number.isNaN(r.doctors[1].loadRatio)).toBe(false);
    expect(r.doctors[2].loadRatio).toBeNull(); // listed unknown
  });
});

describe('§5 findings under every profile', () => {
  const base = (profile: Plan['profile'], doctors: Doctor[], unit: Partial<Plan['unit']> = {}) =>
    computePlan(plan({ profile, doctors }, unit), { today: TODAY });

  describe('list limits (VGR: 600–2 400 per FTE, ≤ 800 points, ST halved, scaled by employment)', () => {
    it('fire at the VGR limits and not inside them', () => {
      const r = base('vgr', [
        doctor({ id: 'below', listed: 599 }),
        doctor({ id: 'min', listed: 600 }),
        doctor({ id: 'max', listed: 2400, employment: 1 }),
        doctor({ id: 'above', listed: 2401 }),
        doctor({ id: 'half-below', employment: 0.5, listed: 299 }), // min 300
        doctor({ id: 'half-above', employment: 0.5, listed: 1201 }), // max 1 200
        doctor({ id: 'half-ok', employment: 0.5, listed: 300 }),
        doctor({ id: 'st-below', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 299 }), // min 300
        doctor({ id: 'st-ok', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 300 }),
        doctor({ id: 'st-above', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 1201 }), // max 1 200
        doctor({ id: 'pts-ok', listed: 1000, listPoints: 800 }),
        doctor({ id: 'pts-above', listed: 1000, listPoints: 801 }),
        doctor({ id: 'st-pts-above', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 400, listPoints: 401 }),
        doctor({ id: 'st-pts-ok', category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 400, listPoints: 400 }),
        doctor({ id: 'half-pts-above', employment: 0.5, listed: 500, listPoints: 401 }),
        doctor({ id: 'unknown' }),
      ], { listed: 30000, withNamedDoctor: 25000 });
      expect(rules(r, 'below')).toContain('list-below-min');
      expect(rules(r, 'min')).not.toContain('list-below-min');
      expect(rules(r, 'max')).not.toContain('list-above-max');
      expect(rules(r, 'above')).toContain('list-above-max');
      expect(rules(r, 'half-below')).toContain('list-below-min');
      expect(rules(r, 'half-above')).toContain('list-above-max');
      expect(rules(r, 'half-ok')).not.toContain('list-below-min');
      expect(rules(r, 'st-below')).toContain('list-below-min');
      expect(rules(r, 'st-ok')).not.toContain('list-below-min');
      expect(rules(r, 'st-above')).toContain('list-above-max');
      expect(rules(r, 'pts-ok')).not.toContain('points-above-max');
      expect(rules(r, 'pts-above')).toContain('points-above-max');
      expect(rules(r, 'st-pts-above')).toContain('points-above-max');
      expect(rules(r, 'st-pts-ok')).not.toContain('points-above-max');
      expect(rules(r, 'half-pts-above')).toContain('points-above-max');
      expect(rules(r, 'unknown')).toEqual([]);
    });

    it.each(['national', 'vastmanland', 'varmland'])('never fire under %s (no list limits)', (p) => {
      const r = base(p, [doctor({ id: 'a', listed: 10, listPoints: 5000 }), doctor({ id: 'b', listed: 5000, listPoints: 5000 })]);
      for (const rule of ['list-below-min', 'list-above-max', 'points-above-max']) expect(rules(r)).not.toContain(rule);
    });

    it('custom profile limits without employment scaling', () => {
      const r = base(customProfile, [
        doctor({ id: 'a', employment: 0.5, listed: 499 }), // min 500 (not scaled)
        doctor({ id: 'b', employment: 0.5, listed: 500 }),
        doctor({ id: 'c', employment: 1, listed: 1501 }),
        doctor({ id: 'd', employment: 1, listed: 1000, listPoints: 601 }),
        doctor({ id: 'e', category: 'st', listed: 251, listPoints: 300 }), // ST 250–750, ≤ 300
      ], { listed: 5000, withNamedDoctor: 4000 });
      expect(rules(r, 'a')).toContain('list-below-min');
      expect(rules(r, 'b')).not.toContain('list-below-min');
      expect(rules(r, 'c')).toContain('list-above-max');
      expect(rules(r, 'd')).toContain('points-above-max');
      expect(rules(r, 'e')).not.toContain('list-below-min');
      expect(rules(r, 'e')).not.toContain('points-above-max');
    });
  });

  describe('coverage threshold (VGR 70 %) and goal lines (55 %, SÄBO 80 %)', () => {
    it('VGR: below 70 % fires, 70 % does not', () => {
      expect(rules(base('vgr', [], { listed: 10000, withNamedDoctor: 6999 }))).toContain('coverage-below-threshold');
      expect(rules(base('vgr', [], { listed: 10000, withNamedDoctor: 7000 }))).not.toContain('coverage-below-threshold');
    });
    it('custom threshold 60 %', () => {
      expect(rules(base(customProfile, [], { listed: 1000, withNamedDoctor: 599 }))).toContain('coverage-below-threshold');
      expect(rules(base(customProfile, [], { listed: 1000, withNamedDoctor: 600 }))).not.toContain('coverage-below-threshold');
    });
    it.each(['national', 'vastmanland', 'varmland'])('no coverage threshold under %s', (p) => {
      expect(rules(base(p, [], { listed: 10000, withNamedDoctor: 100 }))).not.toContain('coverage-below-threshold');
    });
    it('national goal-coverage: info below 55 %, nothing at 55 %', () => {
      const below = base('national', [], { listed: 10000, withNamedDoctor: 5499 });
      const f = below.findings.find((x) => x.rule === 'goal-coverage');
      expect(f?.severity).toBe('info');
      expect(rules(base('national', [], { listed: 10000, withNamedDoctor: 5500 }))).not.toContain('goal-coverage');
    });
    it('national goal-nursing-home: info below 80 % of SÄBO residents, nothing at 80 % or when unknown', () => {
      const prio = { multimorbid: 0, nursingHome: 110, homeCare: 0, palliative: 0, chronic: 0 };
      const below = base('national', [], { priority: prio, withNamedDoctorNursingHome: 87 }); // 79,1 %
      expect(below.findings.find((x) => x.rule === 'goal-nursing-home')?.severity).toBe('info');
      expect(rules(base('national', [], { priority: prio, withNamedDoctorNursingHome: 88 }))).not.toContain('goal-nursing-home'); // 80 %
      expect(rules(base('national', [], { priority: prio }))).not.toContain('goal-nursing-home');
    });
    it('a custom profile without goals reports no goal lines', () => {
      const prio = { multimorbid: 0, nursingHome: 110, homeCare: 0, palliative: 0, chronic: 0 };
      const r = base(customProfile, [], { listed: 1000, withNamedDoctor: 100, priority: prio, withNamedDoctorNursingHome: 0 });
      expect(rules(r)).not.toContain('goal-coverage');
      expect(rules(r)).not.toContain('goal-nursing-home');
    });
  });

  describe('locums and fictive lists (Västmanland)', () => {
    it('Västmanland: a locum holding a named list fires locum-holds-list; on a fictive list or without a list it does not', () => {
      const r = base('vastmanland', [
        doctor({ id: 'l1', category: 'locum', listed: 300 }),
        doctor({ id: 'l2', category: 'locum', listed: 0 }),
        // seed 000 / domain.md §1: the locum's patients on the fictive list "<unit> Dr <name>" are no named list
        doctor({ id: 'l3', category: 'locum', listed: 300, fictiveListName: 'Vårdcentralen Test Dr L3' }),
      ]);
      expect(rules(r, 'l1')).toContain('locum-holds-list');
      expect(rules(r, 'l1')).not.toContain('over-capacity'); // one finding per problem
      expect(rules(r, 'l2')).not.toContain('locum-holds-list');
      expect(rules(r, 'l3')).toEqual([]);
    });
    it.each(['national', 'vgr', 'varmland'])('%s: no locum-holds-list rule', (p) => {
      expect(rules(base(p, [doctor({ id: 'l', category: 'locum', listed: 300 })]))).not.toContain('locum-holds-list');
    });
    it('Västmanland: fictive list names must start with the unit name', () => {
      const r = base('vastmanland', [
        doctor({ id: 'good', category: 'locum', fictiveListName: 'Vårdcentralen Test Dr Berg' }),
        doctor({ id: 'num', category: 'locum', fictiveListName: 'Vårdcentralen Test 2' }),
        doctor({ id: 'bad', category: 'locum', fictiveListName: 'Dr Berg' }),
      ]);
      expect(rules(r, 'good')).not.toContain('fictive-list-name');
      expect(rules(r, 'num')).not.toContain('fictive-list-name');
      expect(rules(r, 'bad')).toContain('fictive-list-name');
    });
    it.each(['national', 'vgr', 'varmland'])('%s: no fictive-list-name rule', (p) => {
      const r = base(p, [doctor({ id: 'bad', category: 'locum', fictiveListName: 'Dr Berg' })]);
      expect(rules(r)).not.toContain('fictive-list-name');
    });
    it('custom profile: locums cannot hold a list, names are free', () => {
      const r = base(customProfile, [
        doctor({ id: 'l', category: 'locum', listed: 5 }),
        doctor({ id: 'f', category: 'locum', listed: 5, fictiveListName: 'X' }),
      ]);
      expect(rules(r, 'l')).toContain('locum-holds-list');
      expect(rules(r, 'f')).toEqual([]);
    });
  });

  describe('eligibility, employment, capacity, priority, duties (every profile)', () => {
    const profiles: Plan['profile'][] = ['national', 'vgr', 'vastmanland', 'varmland', customProfile];
    it.each(profiles.map((p) => [typeof p === 'string' ? p : 'custom', p]))('%s: not-eligible for a junior holding a list', (_n, p) => {
      const r = base(p, [doctor({ id: 'j', category: 'junior', listed: 50 }), doctor({ id: 'k', category: 'junior', listed: 0 })]);
      expect(rules(r, 'j')).toContain('not-eligible');
      expect(rules(r, 'k')).not.toContain('not-eligible');
      // a specialist is eligible
      expect(rules(base(p, [doctor({ id: 's', listed: 50 })]), 's')).not.toContain('not-eligible');
    });
    it.each(profiles.map((p) => [typeof p === 'string' ? p : 'custom', p]))('%s: over-capacity when load > 1 only', (_n, p) => {
      const cap = typeof p === 'string' ? PROFILES[p].guideline.specialist : p.guideline.specialist;
      const r = base(p, [doctor({ id: 'o', listed: cap + 1 }), doctor({ id: 'e', listed: cap })]);
      expect(rules(r, 'o')).toContain('over-capacity');
      expect(rules(r, 'e')).not.toContain('over-capacity');
    });
    it.each(profiles.map((p) => [typeof p === 'string' ? p : 'custom', p]))('%s: priority-uncovered and duties-exceed-time', (_n, p) => {
      const prio = { multimorbid: 500, nursingHome: 300, homeCare: 200, palliative: 50, chronic: 51 }; // 1 101
      const cap = typeof p === 'string' ? PROFILES[p].guideline.specialist : p.guideline.specialist;
      const r = base(p, [doctor({ id: 'a', employment: cap >= 1101 ? 0.5 : 1 })], { priority: prio });
      expect(rules(r)).toContain('priority-uncovered');
      const ok = base(p, [doctor({ id: 'a' }), doctor({ id: 'b' })], { priority: prio });
      expect(rules(ok)).not.toContain('priority-uncovered');
      const d = base(p, [doctor({ id: 'x', employment: 0.2, duties: [{ kind: 'meetings', hoursPerWeek: 9 }] })]);
      expect(rules(d, 'x')).toContain('duties-exceed-time'); // 9 h > 0,2 × 40 = 8 h
    });
  });

  describe('short employment (planned end < 12 months ahead)', () => {
    it('VGR: fires for an end within 12 months of today, not for one 12 months or more ahead', () => {
      const r = base('vgr', [
        doctor({ id: 'soon', plannedEnd: '2026-12-31' }),
        doctor({ id: 'year', plannedEnd: '2027-01-15' }),
        doctor({ id: 'later', plannedEnd: '2027-06-30' }),
        doctor({ id: 'none' }),
      ]);
      expect(rules(r, 'soon')).toContain('short-employment');
      expect(rules(r, 'year')).not.toContain('short-employment');
      expect(rules(r, 'later')).not.toContain('short-employment');
      expect(rules(r, 'none')).not.toContain('short-employment');
    });
    it('options.today moves "now"', () => {
      const p = plan({ profile: 'vgr', doctors: [doctor({ id: 'a', plannedEnd: '2027-06-30' })] });
      expect(rules(computePlan(p, { today: '2026-01-15' }))).not.toContain('short-employment');
      expect(rules(computePlan(p, { today: '2026-08-01' }))).toContain('short-employment');
    });
    it('national: the 12 months also apply (domain.md §5 names 12 months without a profile)', () => {
      const r = base('national', [doctor({ id: 'soon', plannedEnd: '2026-12-31' }), doctor({ id: 'ok', plannedEnd: '2027-01-15' })]);
      expect(rules(r, 'soon')).toContain('short-employment');
      expect(rules(r, 'ok')).not.toContain('short-employment');
    });
    it('a doctor without a named list (locum, AT/BT) is not reported for short employment', () => {
      const r = base('vgr', [doctor({ id: 'l', category: 'locum', plannedEnd: '2026-02-01' }), doctor({ id: 'j', category: 'junior', plannedEnd: '2026-02-01' })]);
      expect(rules(r)).not.toContain('short-employment');
    });
    it('custom profile: 6 months', () => {
      const r = base(customProfile, [doctor({ id: 'a', plannedEnd: '2026-07-14' }), doctor({ id: 'b', plannedEnd: '2026-07-16' })]);
      expect(rules(r, 'a')).toContain('short-employment');
      expect(rules(r, 'b')).not.toContain('short-employment');
    });
  });

  it('a clean national unit has no findings', () => {
    const r = base('national', [doctor({ id: 'a', listed: 1000 })], { listed: 1000, withNamedDoctor: 1000 });
    expect(r.findings).toEqual([]);
  });
});

describe('plan file contract (contracts.md)', () => {
  it('accepts version 1 and keeps unknown fields through parse → serialize → parse', () => {
    const p = plan({ doctors: [doctor({ id: 'd1', listed: 10, extraDoctor: { a: 1 }, duties: [{ kind: 'other', hoursPerWeek: 1, note: 'x' }] })] }) as Plan & Record<string, unknown>;
    p.customTop = 'behåll';
    (p.unit as Record<string, unknown>).extraUnit = [1, 2];
    const parsed = parsePlan(JSON.stringify(p));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Written back where they were (contracts.md); in memory they wait in the objects' `extra` bags.
    const file = JSON.parse(serializePlan(parsed.plan));
    expect(file.customTop).toBe('behåll');
    expect(file.unit.extraUnit).toEqual([1, 2]);
    expect(file.doctors[0].extraDoctor).toEqual({ a: 1 });
    expect(file.doctors[0].duties[0].note).toBe('x');
    expect(parsed.plan.extra).toEqual({ customTop: 'behåll' });
    const again = parsePlan(serializePlan(parsed.plan));
    expect(again.ok && again.plan).toEqual(parsed.plan);
    // parsePlan also takes an object
    expect(parsePlan(p).ok).toBe(true);
  });

  it('round-trips a custom profile object', () => {
    const parsed = parsePlan(serializePlan(plan({ profile: customProfile })));
    expect(parsed.ok && parsed.plan.profile).toEqual(customProfile);
  });

  it('refuses a later version with a clear message', () => {
    const r = parsePlan(JSON.stringify({ ...plan(), version: 2 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('version');
    expect(r.errors[0].message).toMatch(/2/);
    expect(r.errors[0].message.length).toBeGreaterThan(20);
  });

  it.each([
    ['employment 3', (p: Plan) => { p.doctors[0].employment = 3; }, 'doctors[0].employment'],
    ['negative duty hours', (p: Plan) => { p.doctors[0].duties = [{ kind: 'other', hoursPerWeek: -2 }]; }, 'doctors[0].duties[0].hoursPerWeek'],
    ['unknown category', (p: Plan) => { (p.doctors[0] as Record<string, unknown>).category = 'surgeon'; }, 'doctors[0].category'],
    ['doctor care weight 0', (p: Plan) => { p.doctors[0].careWeight = 0; }, 'doctors[0].careWeight'],
    ['unit care weight 0', (p: Plan) => { p.unit.careWeight = 0; }, 'unit.careWeight'],
    ['negative absence', (p: Plan) => { p.doctors[0].absenceWeeks = -1; }, 'doctors[0].absenceWeeks'],
    ['unknown duty kind', (p: Plan) => { (p.doctors[0].duties as unknown[]) = [{ kind: 'golf', hoursPerWeek: 1 }]; }, 'doctors[0].duties[0].kind'],
    ['negative listed', (p: Plan) => { p.unit.listed = -5; }, 'unit.listed'],
    ['text in a number', (p: Plan) => { (p.doctors[0] as Record<string, unknown>).listed = 'många'; }, 'doctors[0].listed'],
  ])('nonsense (%s) gives an error with its path, not numbers', (_name, mutate, path) => {
    const p = plan({ doctors: [doctor({ id: 'd1' })] });
    mutate(p);
    const r = parsePlan(JSON.stringify(p));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toContain(path);
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(5);
    expect(r).not.toHaveProperty('plan');
  });

  it('rejects input that is not a plan at all', () => {
    for (const input of ['', '{', 'null', '[]', '42', JSON.stringify({ format: 'other' })]) {
      const r = parsePlan(input);
      expect(r.ok).toBe(false);
    }
  });
});

describe('computePlan is pure', () => {
  it('does not change its input and gives the same result twice', () => {
    const p = plan(
      {
        profile: 'vgr',
        doctors: [
          doctor({ id: 'a', listed: 2000, duties: [{ kind: 'meetings', hoursPerWeek: 2 }], plannedEnd: '2026-03-01' }),
          doctor({ id: 'b', category: 'st', stMonthsDone: 10, stMonthsTotal: 60, listed: 100 }),
          doctor({ id: 'c', category: 'locum', listed: 400 }),
        ],
        time: { weeksPerYear: 40 },
      },
      { withNamedDoctor: 100 },
    );
    const before = JSON.stringify(p);
    const r1 = computePlan(p, { today: TODAY });
    expect(JSON.stringify(p)).toBe(before);
    const r2 = computePlan(p, { today: TODAY });
    expect(r2).toEqual(r1);
    // the result does not alias the input
    r1.doctors[0].capacity = -1;
    expect(computePlan(p, { today: TODAY }).doctors[0].capacity).not.toBe(-1);
  });
});

describe('explain() traces every number (brief: numbers users can trace)', () => {
  const docArb = fc.record({
    category: fc.constantFrom('specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior' as const),
    employment: fc.integer({ min: 0, max: 20 }).map((x) => x / 20),
    hours: fc.integer({ min: 0, max: 50 }).map((x) => x / 2),
    kind: fc.constantFrom('supervision', 'management', 'research', 'side', 'meetings', 'other' as const),
    absenceWeeks: fc.integer({ min: 0, max: 60 }).map((x) => x / 2),
    careWeight: fc.option(fc.integer({ min: 50, max: 250 }).map((x) => x / 100), { nil: undefined }),
    listed: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    stMonthsDone: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
  });
  it('for random plans, each explanation’s value is the result’s number at that path', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 6 }),
        fc.constantFrom<Plan['profile']>('national', 'vgr', 'vastmanland', 'varmland', customProfile),
        fc.constantFrom<Plan['model']>('guideline', 'time'),
        (docs, profile, model) => {
          const p = plan(
            {
              profile,
              model,
              doctors: docs.map((d, i) =>
                doctor({
                  id: `d${i + 1}`,
                  category: d.category,
                  employment: d.employment,
                  duties: d.hours ? [{ kind: d.kind, hoursPerWeek: d.hours }] : [],
                  absenceWeeks: d.absenceWeeks,
                  ...(d.careWeight !== undefined ? { careWeight: d.careWeight } : {}),
                  ...(d.listed !== undefined ? { listed: d.listed } : {}),
                  ...(d.category === 'st' && d.stMonthsDone !== undefined ? { stMonthsDone: d.stMonthsDone, stMonthsTotal: 60 } : {}),
                }),
              ),
            },
            { listed: 6000, careWeight: 1.1, withNamedDoctor: 3000 },
          );
          const r = computePlan(p, { today: TODAY });
          for (const path of explainablePaths(r)) {
            const e = explain(p, r, path);
            expect(e, path).not.toBeNull();
            const [head, ...rest] = path.split('.');
            let v: unknown = head === 'unit' ? r.unit : r.doctors.find((d) => d.id === rest[0]);
            for (const k of head === 'unit' ? rest : rest.slice(1)) v = (v as Record<string, unknown>)[k];
            if (typeof v === 'number' && Number.isFinite(v)) expect(e!.value, path).toBeCloseTo(v, 9);
          }
          // whole patients everywhere, never negative
          for (const d of r.doctors) {
            for (const c of [d.capacityGuideline, d.capacityTime, d.capacity]) {
              expect(Number.isInteger(c) && c >= 0).toBe(true);
            }
          }
          expect(Number.isInteger(r.unit.gapPatients) && r.unit.gapPatients >= 0).toBe(true);
        },
      ),
      { numRuns: 120, seed: 42 },
    );
  });
});

describe('both capacities equal the exact rational value, floored (domain.md intro, §2, §3)', () => {
  // Exact arithmetic with BigInt fractions: the spec's formulas as a mathematician reads them.
  type Q = [bigint, bigint];
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const q = (n: bigint, d: bigint): Q => {
    const k = gcd(n, d) || 1n;
    return d < 0n ? [-n / k, -d / k] : [n / k, d / k];
  };
  const mul = (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1]);
  const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0]);
  const sub = (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
  const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
  const min = (a: Q, b: Q) => (a[0] * b[1] <= b[0] * a[1] ? a : b);
  const max = (a: Q, b: Q) => (a[0] * b[1] >= b[0] * a[1] ? a : b);
  const floorQ = (a: Q) => Number(a[0] / a[1]); // non-negative here
  const Q_ = (n: number, d = 1): Q => q(BigInt(n), BigInt(d));

  it('on a grid of typed values (5 % steps, half hours, half weeks, care weights, ST months)', () => {
    let checked = 0;
    const failures: string[] = [];
    for (let e = 1; e <= 20; e += 1)
      for (let h = 0; h <= 24; h += 3)
        for (let a = 0; a <= 24; a += 4)
          for (const c of [100, 105, 110, 120, 160, 85])
            for (const m of [-1, 0, 13, 47]) {
              const d = doctor({
                id: 'd1',
                category: m < 0 ? 'specialist' : 'st',
                employment: e / 20,
                duties: h ? [{ kind: 'other', hoursPerWeek: h / 2 }] : [],
                absenceWeeks: a / 2,
                careWeight: c / 100,
                ...(m >= 0 ? { stMonthsDone: m, stMonthsTotal: 60 } : {}),
              });
              const r = computePlan(plan({ doctors: [d] }), { today: TODAY }).doctors[0];
              const base = m < 0 ? Q_(1100) : mul(Q_(550), add(Q_(1, 2), Q_(m, 60)));
              const emp = Q_(e, 20);
              const dutyShare = min(Q_(1), div(Q_(h, 2), mul(emp, Q_(40))));
              const presence = sub(Q_(1), div(Q_(a, 2), Q_(42)));
              const clinical = mul(mul(emp, sub(Q_(1), dutyShare)), presence);
              const guideline = floorQ(div(mul(base, clinical), Q_(c, 100)));
              const patientHours = mul(mul(max(Q_(0), sub(mul(emp, Q_(40)), Q_(h, 2))), Q_(42)), presence);
              const visits = div(mul(mul(patientHours, Q_(65, 100)), Q_(60)), Q_(26));
              const time = floorQ(div(mul(visits, Q_(7, 10)), mul(Q_(3, 2), Q_(c, 100))));
              checked++;
              if (r.capacityGuideline !== guideline || r.capacityTime !== time) {
                failures.push(`${JSON.stringify({ e, h, a, c, m })}: ${r.capacityGuideline}/${r.capacityTime} ≠ ${guideline}/${time}`);
              }
            }
    expect(checked).toBeGreaterThan(30000);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('profile-specific unit numbers', () => {
  it('VGR stimulus: 12 SEK per list point + 12 SEK per care-weight point over named lists, 0 below 70 % coverage', () => {
    const doctors = [
      doctor({ id: 'a', listed: 1000, listPoints: 400, careWeightPoints: 50 }),
      doctor({ id: 'b', listed: 800, listPoints: 300 }),
      doctor({ id: 'l', category: 'locum', listed: 200, listPoints: 90, fictiveListName: 'Vårdcentralen Test Dr L' }), // no named list
    ];
    const ok = computePlan(plan({ profile: 'vgr', doctors }, { listed: 2000, withNamedDoctor: 1400 }), { today: TODAY });
    expect(ok.unit.stimulusSek).toBe(9000); // 12 × 700 + 12 × 50
    const low = computePlan(plan({ profile: 'vgr', doctors }, { listed: 2000, withNamedDoctor: 1399 }), { today: TODAY });
    expect(low.unit.stimulusSek).toBe(0);
    expect(computePlan(plan({ doctors }), { today: TODAY }).unit.stimulusSek).toBeNull(); // national: no stimulus
  });

  it('Värmland: FTE needed is counted in full-time specialists of its own guideline (decision: 1 500, not a literal 1 100)', () => {
    const r = computePlan(plan({ profile: 'varmland', doctors: [doctor({ id: 'a' })] }, { listed: 4500, careWeight: 1.2 }), { today: TODAY });
    expect(r.unit.capacity).toBe(1250); // 1 500 / 1,2
    expect(r.unit.gapPatients).toBe(3250);
    expect(r.unit.fteNeeded).toBeCloseTo(2.6, 9); // 3 250 × 1,2 / 1 500
  });
});

describe('computePlan on a half-edited plan (the UI recomputes on every keystroke)', () => {
  it('never throws and never yields NaN, negative or infinite capacities, whatever a field holds', () => {
    const junk = fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.constant([]), fc.constant([null, { kind: 'x', hoursPerWeek: 'a' }]), fc.constant(-1e308), fc.constant({}));
    const field = fc.constantFrom('employment', 'listed', 'careWeight', 'absenceWeeks', 'stMonthsDone', 'stMonthsTotal', 'duties', 'category', 'plannedEnd', 'listPoints', 'fictiveListName', 'name');
    fc.assert(
      fc.property(fc.array(fc.tuple(field, junk), { maxLength: 8 }), fc.constantFrom<unknown>('national', 'vgr', 'vastmanland', 'varmland', {}, null, 'okänd'), (muts, profile) => {
        const p = plan({ profile: profile as Plan['profile'], doctors: [doctor({ id: 'a', listed: 500, duties: [{ kind: 'meetings', hoursPerWeek: 2 }] }), doctor({ id: 'b' })] });
        for (const [k, v] of muts) (p.doctors[0] as Record<string, unknown>)[k] = v;
        const r = computePlan(p, { today: TODAY });
        const nums = [
          r.unit.capacity, r.unit.capacityGuideline, r.unit.capacityTime, r.unit.gapPatients, r.unit.fteNeeded,
          r.unit.coverageToday, r.unit.coveragePossible, r.unit.priorityCovered,
          ...r.doctors.flatMap((d) => [d.capacity, d.capacityGuideline, d.capacityTime, d.clinicalFte, d.base]),
        ];
        for (const n of nums) expect(Number.isFinite(n) && n >= 0).toBe(true);
        for (const path of explainablePaths(r)) explain(p, r, path);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});

describe('parsePlan on anything', () => {
  it('never throws; a refusal has paths and messages; an accepted plan computes to whole patients', () => {
    const junk = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constant(null), fc.integer({ min: -5, max: 5 }));
    const where = fc.constantFrom('', 'unit', 'unit.priority', 'time', 'doctors.0', 'doctors.0.duties.0', 'doctors.1');
    fc.assert(
      fc.property(fc.array(fc.tuple(where, fc.string({ maxLength: 12 }), junk), { maxLength: 5 }), (muts) => {
        const p = plan({ doctors: [doctor({ id: 'a', duties: [{ kind: 'other', hoursPerWeek: 1 }] }), doctor({ id: 'b' })] }) as unknown as Record<string, unknown>;
        for (const [path, key, value] of muts) {
          let target: unknown = p;
          for (const k of path ? path.split('.') : []) target = (target as Record<string, unknown>)?.[k];
          if (target && typeof target === 'object') (target as Record<string, unknown>)[key || 'employment'] = value;
        }
        let text: string;
        try {
          text = JSON.stringify(p);
        } catch {
          return; // BigInt and the like cannot be a file
        }
        const r = parsePlan(text);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(typeof e.path).toBe('string');
            expect(e.message.length).toBeGreaterThan(3);
          }
        } else {
          const res = computePlan(r.plan, { today: TODAY });
          for (const d of res.doctors) expect(Number.isInteger(d.capacity) && d.capacity >= 0).toBe(true);
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

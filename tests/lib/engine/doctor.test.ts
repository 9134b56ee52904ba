// Every doctor formula of domain.md §2–§3, with expected values computed by hand.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../../src/lib/engine/index';
import { doc, plan, TODAY } from './helpers';
import type { Doctor } from '../../../src/lib/engine/types';

const one = (d: Partial<Doctor>, over: Parameters<typeof plan>[0] = {}, profile: Parameters<typeof plan>[1] = 'national') =>
  computePlan(plan({ doctors: [doc(d)], ...over }, profile), { today: TODAY }).doctors[0];

describe('base (domain.md §2)', () => {
  it('is 1 100 for a specialist, a dispensation, a geriatrician and a pediatrician', () => {
    expect(one({ category: 'specialist' }).base).toBe(1100);
    expect(one({ category: 'dispensation' }).base).toBe(1100);
    expect(one({ category: 'geriatrician' }).base).toBe(1100);
    expect(one({ category: 'pediatrician' }).base).toBe(1100);
  });
  it('limits the geriatrician and the pediatrician to their age group', () => {
    expect(one({ category: 'geriatrician' }).ageGroup).toBe('65+');
    expect(one({ category: 'pediatrician' }).ageGroup).toBe('0-17');
    expect(one({ category: 'specialist' }).ageGroup).toBe('all');
  });
  it('is 0 for a locum and an AT/BT doctor, in both models', () => {
    for (const category of ['locum', 'junior'] as const) {
      const r = one({ category });
      expect(r.base).toBe(0);
      expect(r.capacityGuideline).toBe(0);
      expect(r.capacityTime).toBe(0);
    }
  });
  it('ramps an ST from 275 at the start through 550 mid to 825 at the end', () => {
    expect(one({ category: 'st', stMonthsDone: 0, stMonthsTotal: 60 }).base).toBe(275);
    expect(one({ category: 'st', stMonthsDone: 30, stMonthsTotal: 60 }).base).toBe(550);
    expect(one({ category: 'st', stMonthsDone: 60, stMonthsTotal: 60 }).base).toBe(825);
    // 550 × (0.5 + 15/60) = 412.5
    expect(one({ category: 'st', stMonthsDone: 15, stMonthsTotal: 60 }).base).toBe(412.5);
    expect(one({ category: 'st', stMonthsDone: 15, stMonthsTotal: 60 }).capacityGuideline).toBe(412);
  });
  it('clamps ST progress to 0–1', () => {
    expect(one({ category: 'st', stMonthsDone: 90, stMonthsTotal: 60 }).base).toBe(825);
    expect(one({ category: 'st', stMonthsDone: -5, stMonthsTotal: 60 }).base).toBe(275);
  });
  it('takes an ST without months as mid-training (550), and 60 months when the total is missing', () => {
    expect(one({ category: 'st' }).base).toBe(550);
    // 550 × (0.5 + 45/60) = 687.5
    expect(one({ category: 'st', stMonthsDone: 45 }).base).toBe(687.5);
  });
  it('is flat 550 for an ST when the ramp is off', () => {
    const profile = { ...computePlan(plan()).profile, id: 'custom', stRamp: { enabled: false, startFactor: 0.5, endFactor: 1.5 } };
    expect(one({ category: 'st', stMonthsDone: 0, stMonthsTotal: 60 }, {}, profile).base).toBe(550);
  });
  it("uses the profile's guideline: Värmland 1 500 per specialist", () => {
    expect(one({ category: 'specialist' }, {}, 'varmland').base).toBe(1500);
    expect(one({ category: 'specialist' }, {}, 'varmland').capacityGuideline).toBe(1500);
  });
});

describe('duty share, presence, clinical FTE, care weight (domain.md §2)', () => {
  it('dutyShare = duty hours / (employment × 40), every duty kind counted', () => {
    const r = one({
      employment: 0.8,
      duties: [
        { kind: 'supervision', hoursPerWeek: 2 },
        { kind: 'meetings', hoursPerWeek: 2 },
      ],
    });
    expect(r.dutyHoursPerWeek).toBe(4);
    expect(r.dutyShare).toBeCloseTo(4 / 32, 12); // 0.125
    expect(r.clinicalFte).toBeCloseTo(0.7, 9); // 0.8 × 0.875
    expect(r.capacityGuideline).toBe(770); // 1 100 × 0.7
  });
  it('caps dutyShare at 1 and gives clinical FTE 0 when duties exceed the employment', () => {
    const r = one({ employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 25 }] });
    expect(r.dutyShare).toBe(1);
    expect(r.clinicalFte).toBe(0);
    expect(r.capacityGuideline).toBe(0);
    expect(r.capacityTime).toBe(0);
  });
  it('gives dutyShare 1 and clinical FTE 0 at employment 0', () => {
    const r = one({ employment: 0 });
    expect(r.dutyShare).toBe(1);
    expect(r.clinicalFte).toBe(0);
    expect(r.capacityGuideline).toBe(0);
  });
  it('presence = 1 − absence weeks / 42, clamped to 0–1', () => {
    expect(one({ absenceWeeks: 21 }).presence).toBe(0.5);
    expect(one({ absenceWeeks: 21 }).capacityGuideline).toBe(550);
    expect(one({ absenceWeeks: 60 }).presence).toBe(0);
    expect(one({ absenceWeeks: 0 }).presence).toBe(1);
  });
  it("uses the doctor's care weight, else the unit's", () => {
    expect(one({ careWeight: 1.1 }, { unit: { careWeight: 1.05 } }).careWeight).toBe(1.1);
    expect(one({}, { unit: { careWeight: 1.05 } }).careWeight).toBe(1.05);
    // floor(1 100 / 1.05) = floor(1 047.6) = 1 047
    expect(one({}, { unit: { careWeight: 1.05 } }).capacityGuideline).toBe(1047);
  });
  it('capacityGuideline = floor(base × clinicalFte / careWeight): 1 100 × 0,7 ÷ 1,1 = 700', () => {
    expect(one({ employment: 0.7, careWeight: 1.1 }).capacityGuideline).toBe(700);
  });
  it('rounds to 9 decimals before floor (whole patients): 1 100 × 0,7 = 770, 1 100 × 0,69 = 759', () => {
    expect(one({ employment: 0.7 }).capacityGuideline).toBe(770);
    // 1100 * 0.69 is 758.9999999999999 in binary floating point
    expect(one({ employment: 0.69 }).capacityGuideline).toBe(759);
    // 1100 * 0.77 / 1.1 is 769.9999999999999
    expect(one({ employment: 0.77, careWeight: 1.1 }).capacityGuideline).toBe(770);
  });
  it('ST at month 50 of 60 with a 10-week side rotation and unit care weight 1,05 has capacity 532', () => {
    // base 550 × (0.5 + 50/60) = 733.33; presence 1 − 10/42 = 0.7619; 733.33 × 0.7619 / 1.05 = 532.1
    const r = one({ category: 'st', stMonthsDone: 50, stMonthsTotal: 60, absenceWeeks: 10 }, { unit: { careWeight: 1.05 } });
    expect(r.presence).toBeCloseTo(0.761904762, 8);
    expect(r.capacityGuideline).toBe(532);
  });
});

describe('time model (domain.md §3)', () => {
  it('computes every step for a full-time specialist with 2 h meetings: 1 117', () => {
    const r = one({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] });
    expect(r.time.patientHoursYear).toBe(1596); // (40 − 2) × 42
    expect(r.time.directHoursYear).toBeCloseTo(1037.4, 9); // × 0.65
    expect(r.time.indirectHoursYear).toBeCloseTo(558.6, 9);
    expect(r.time.visitMinutes).toBe(26); // 0.6 × 30 + 0.4 × 20
    expect(r.time.visitsYear).toBeCloseTo(2394, 9); // 1 037.4 × 60 / 26
    expect(r.capacityTime).toBe(1117); // floor(2 394 × 0.7 / 1.5) = floor(1 117.2)
    expect(r.time.dutyHoursYear).toBe(84);
    expect(r.time.absenceHoursYear).toBe(0);
  });
  it('accounts part time, duties and absence: 0,8 × 40 h, 4 h duties, 6 weeks away', () => {
    const r = one({ employment: 0.8, duties: [{ kind: 'research', hoursPerWeek: 4 }], absenceWeeks: 6 });
    // presence 1 − 6/42 = 6/7; patient hours (32 − 4) × 42 × 6/7 = 1 008
    expect(r.time.patientHoursYear).toBeCloseTo(1008, 6);
    expect(r.time.directHoursYear).toBeCloseTo(655.2, 6);
    expect(r.time.dutyHoursYear).toBeCloseTo(144, 6); // 4 × 42 × 6/7
    expect(r.time.absenceHoursYear).toBeCloseTo(192, 6); // 32 × 42 × 1/7
    expect(r.time.visitsYear).toBeCloseTo(1512, 6); // 655.2 × 60 / 26
    expect(r.capacityTime).toBe(705); // floor(1 512 × 0.7 / 1.5) = floor(705.6)
    // and the guideline model for the same doctor: 0.8 × (1 − 4/32) × 6/7 = 0.6 → 660
    expect(r.clinicalFte).toBeCloseTo(0.6, 9);
    expect(r.capacityGuideline).toBe(660);
  });
  it("divides by the list's care weight: 2 394 × 0,7 / (1,5 × 1,2) = 931", () => {
    expect(one({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }], careWeight: 1.2 }).capacityTime).toBe(931);
  });
  it("uses the plan's own time assumptions", () => {
    // 45 weeks, 40 h, no duties: 1 800 h; direct 1 170; visits 2 700; × 0.7 / 1.5 = 1 260
    const r = one({}, { time: { weeksPerYear: 45 } });
    expect(r.time.patientHoursYear).toBe(1800);
    expect(r.capacityTime).toBe(1260);
  });
  it('is 0 for doctors whose base is 0, although they have patient hours', () => {
    const r = one({ category: 'locum' });
    expect(r.time.patientHoursYear).toBe(1680);
    expect(r.capacityTime).toBe(0);
  });
  it('drives the plan when the model is time', () => {
    const r = one({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] }, { model: 'time' });
    expect(r.capacity).toBe(1117);
    const g = one({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] });
    expect(g.capacity).toBe(1045); // 1 100 × 0.95
  });
});

describe('load ratio (domain.md §4)', () => {
  it('is listed / capacity', () => {
    expect(one({ listed: 1100, employment: 0.5 }).loadRatio).toBe(2); // capacity 550
  });
  it('is null when the list is unknown, 0 when empty, Infinity when capacity is 0', () => {
    expect(one({}).loadRatio).toBeNull();
    expect(one({ listed: 0 }).loadRatio).toBe(0);
    expect(one({ category: 'junior', listed: 5 }).loadRatio).toBe(Infinity);
  });
});

describe('list limits per doctor (domain.md §5, VGR)', () => {
  it('scales 600–2 400 / 800 points by employment and halves them for ST', () => {
    expect(one({ employment: 0.5 }, {}, 'vgr').limits).toEqual({ min: 300, max: 1200, maxPoints: 400 });
    expect(one({ category: 'st', stMonthsDone: 30, stMonthsTotal: 60 }, {}, 'vgr').limits).toEqual({ min: 300, max: 1200, maxPoints: 400 });
    expect(one({ category: 'st', employment: 0.5 }, {}, 'vgr').limits).toEqual({ min: 150, max: 600, maxPoints: 200 });
  });
  it('is null without profile limits and for doctors who cannot hold a list', () => {
    expect(one({}).limits).toBeNull();
    expect(one({ category: 'locum' }, {}, 'vgr').limits).toBeNull();
  });
});

// Rule profiles as data (domain.md §5, seeds 000, 001, 004) and the small factories.
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  DEFAULT_TIME,
  DOCTOR_CATEGORIES,
  PROFILES,
  computePlan,
  createCustomProfile,
  createDoctor,
  createEmptyPlan,
  parseCategory,
  parseDutyKind,
  parsePlan,
  resolveProfile,
  resolveTime,
  ST_MONTHS_TOTAL_CHOICES,
  ST_MONTHS_TOTAL_HSLF,
} from '../../../src/lib/engine/index';
import { doc, plan, TODAY } from './helpers';

describe('shipped profiles', () => {
  it('national: 1 100 / 550, no limits, goal lines 55 % / 80 % / +20 %', () => {
    const p = PROFILES.national;
    expect(p.guideline).toEqual({ specialist: 1100, stMid: 550 });
    expect(p.listLimits).toBeNull();
    expect(p.coverageThreshold).toBeNull();
    expect(p.goals).toEqual({ coverage: 0.55, nursingHome: 0.8, continuityIncrease: 0.2 });
    expect(p.stRamp).toEqual({ enabled: true, startFactor: 0.5, endFactor: 1.5 });
  });
  it('vgr: 600–2 400 and ≤ 800 points per FTE, ST halved, scaled, 70 %, 12 + 12 kr, 12 months', () => {
    const p = PROFILES.vgr;
    expect(p.listLimits).toEqual({ minPerFte: 600, maxPerFte: 2400, maxPointsPerFte: 800, stFactor: 0.5, scaleWithEmployment: true });
    expect(p.coverageThreshold).toBe(0.7);
    expect(p.stimulus).toMatchObject({ sekPerListPoint: 12, sekPerCareWeightPoint: 12 });
    expect(p.minEmploymentMonths).toBe(12);
  });
  it('vastmanland: locums hold no list; fictive lists start with the unit name', () => {
    expect(PROFILES.vastmanland.locumRule).toEqual({ cannotHoldList: true, fictiveListMustStartWithUnit: true });
    expect(PROFILES.national.locumRule.cannotHoldList).toBe(false);
  });
  it('varmland: 1 500 per specialist', () => {
    expect(PROFILES.varmland.guideline.specialist).toBe(1500);
  });
  it('every profile has a Swedish name and source', () => {
    for (const p of Object.values(PROFILES)) {
      expect(p.name.length).toBeGreaterThan(3);
      expect(p.source.length).toBeGreaterThan(20);
    }
  });
  it('resolves ids and custom objects; an unknown id falls back to national', () => {
    expect(resolveProfile('vgr')).toBe(PROFILES.vgr);
    const custom = { ...createCustomProfile('national'), guideline: { specialist: 1000, stMid: 500 } };
    expect(resolveProfile(custom)).toBe(custom);
    expect(resolveProfile('okänd')).toBe(PROFILES.national);
    expect(computePlan(plan({ doctors: [doc()] }, custom), { today: TODAY }).doctors[0].capacityGuideline).toBe(1000);
  });
  it('computes with a half-edited custom profile, filling gaps from the national one', () => {
    const partial = { id: 'custom', name: 'Halv', guideline: { specialist: 1200 } } as unknown as Parameters<typeof resolveProfile>[0];
    const resolved = resolveProfile(partial);
    expect(resolved.guideline).toEqual({ specialist: 1200, stMid: 550 });
    expect(resolved.listLimits).toBeNull();
    expect(resolved.stRamp.enabled).toBe(true);
    const r = computePlan(plan({ doctors: [doc({ listed: 1300 })] }, partial), { today: TODAY });
    expect(r.doctors[0].capacityGuideline).toBe(1200);
    expect(r.findings.map((f) => f.rule)).toEqual(['over-capacity']);
  });
  it('a custom profile copy does not share state with the shipped one', () => {
    const c = createCustomProfile('vgr');
    expect(c.id).toBe('custom');
    c.listLimits!.minPerFte = 1;
    expect(PROFILES.vgr.listLimits!.minPerFte).toBe(600);
  });
});

describe('time assumptions', () => {
  it('defaults per domain.md §3, with the plan overriding field by field', () => {
    expect(DEFAULT_TIME).toEqual({
      fullTimeHours: 40,
      weeksPerYear: 42,
      indirectShare: 0.35,
      plannedMinutes: 30,
      acuteMinutes: 20,
      plannedShare: 0.6,
      ownPatientShare: 0.7,
      visitsPerPatientYear: 1.5,
    });
    expect(resolveTime({ time: { weeksPerYear: 44 } })).toEqual({ ...DEFAULT_TIME, weeksPerYear: 44 });
    expect(resolveTime({})).toEqual(DEFAULT_TIME);
  });
});

describe('factories and names', () => {
  it('createEmptyPlan computes to zeros without findings', () => {
    const p = createEmptyPlan('Vårdcentralen Ny');
    expect(p.unit.name).toBe('Vårdcentralen Ny');
    const r = computePlan(p, { today: TODAY });
    expect(r.unit.capacity).toBe(0);
    expect(r.unit.gapPatients).toBe(0);
    expect(r.findings).toEqual([]);
  });
  it('createDoctor picks the next free id', () => {
    expect(createDoctor('specialist', []).id).toBe('d1');
    expect(createDoctor('specialist', ['d1', 'd7', 'x']).id).toBe('d8');
    const st = createDoctor('st', ['d1']);
    expect(st).toMatchObject({ id: 'd2', category: 'st', employment: 1, stMonthsDone: 0, stMonthsTotal: 66, duties: [] });
  });
  it('ST length (domain.md §9): a new ST doctor gets 66 months (HSLF-FS 2021:8), 60 is offered for the older rules, a file without it keeps 60', () => {
    expect(createDoctor('st', []).stMonthsTotal).toBe(ST_MONTHS_TOTAL_HSLF);
    expect(ST_MONTHS_TOTAL_CHOICES).toEqual([66, 60]);
    expect(createDoctor('specialist', []).stMonthsTotal).toBeUndefined();
    // A stored or mailed plan without the total keeps the meaning it had: 60 months, so its figures do not move.
    const file = { format: 'kapacitet/plan', version: 1, unit: { name: 'VC', listed: 1000 }, doctors: [{ id: 'a', name: 'A', category: 'st', employment: 1, stMonthsDone: 30 }] };
    const parsed = parsePlan(JSON.stringify(file));
    expect(parsed.ok && parsed.plan.doctors[0].stMonthsTotal).toBeUndefined();
    const r = computePlan(parsed.ok ? parsed.plan : (file as never), { today: '2026-11-23' });
    expect(r.doctors[0].base).toBe(550); // 550 × (0,5 + 30 / 60)
    expect(r.doctors[0].used?.stMonthsTotalSource).toBe('default');
    // A new ST doctor at 30 months of 66 stands lower on the ramp.
    const fresh = { ...createDoctor('st', []), stMonthsDone: 30 };
    expect(computePlan({ ...(parsed.ok ? parsed.plan : (file as never)), doctors: [fresh] }, { today: '2026-11-23' }).doctors[0].base).toBe(525);
  });
  it('reads categories and duty kinds in either language', () => {
    for (const c of DOCTOR_CATEGORIES) {
      expect(parseCategory(c)).toBe(c);
      expect(parseCategory(CATEGORY_LABELS[c])).toBe(c);
    }
    expect(parseCategory(' st ')).toBe('st');
    expect(parseCategory('kirurg')).toBeNull();
    expect(parseDutyKind('Handledning')).toBe('supervision');
    expect(parseDutyKind('övrigt')).toBe('other');
    expect(parseDutyKind('golf')).toBeNull();
  });
});

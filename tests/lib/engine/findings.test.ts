// Every finding code of domain.md §5: when it fires and when it does not, with severity, doctor, field and message.
import { describe, expect, it } from 'vitest';
import { computePlan, createCustomProfile, createDemoPlan, fmt } from '../../../src/lib/engine/index';
import { doc, plan, sv, TODAY } from './helpers';
import type { Finding, FindingRule, Plan } from '../../../src/lib/engine/types';

const findings = (p: Plan, today = TODAY) => computePlan(p, { today }).findings;
const only = (p: Plan, rule: FindingRule, today = TODAY): Finding[] => findings(p, today).filter((f) => f.rule === rule);

describe('list-below-min, list-above-max, points-above-max (VGR)', () => {
  it('fires below 600 × employment and names the doctor and numbers', () => {
    const [f] = only(plan({ doctors: [doc({ employment: 0.5, listed: 299 })] }, 'vgr'), 'list-below-min');
    expect(f).toMatchObject({ severity: 'warning', doctorId: 'd1', field: 'doctors.d1.listed' });
    expect(f.message).toContain('Anna A');
    expect(f.message).toContain('299');
    expect(f.message).toContain('300');
  });
  it('does not fire at the limits', () => {
    const p = plan({ doctors: [doc({ employment: 0.5, listed: 300, listPoints: 400 }), doc({ id: 'd2', employment: 0.5, listed: 1200 })] }, 'vgr');
    expect(only(p, 'list-below-min')).toEqual([]);
    expect(only(p, 'list-above-max')).toEqual([]);
    expect(only(p, 'points-above-max')).toEqual([]);
  });
  it('fires above 2 400 × employment and above 800 points × employment', () => {
    const p = plan({ doctors: [doc({ employment: 0.5, listed: 1201, listPoints: 401 })] }, 'vgr');
    expect(only(p, 'list-above-max')).toHaveLength(1);
    const [pts] = only(p, 'points-above-max');
    expect(pts).toMatchObject({ severity: 'warning', field: 'doctors.d1.listPoints' });
    expect(pts.message).toContain('401');
  });
  it('halves the limits for an ST', () => {
    const st = doc({ category: 'st', stMonthsDone: 30, stMonthsTotal: 60, listed: 1300, listPoints: 450 });
    const p = plan({ doctors: [st] }, 'vgr');
    expect(only(p, 'list-above-max')).toHaveLength(1);
    expect(only(p, 'points-above-max')).toHaveLength(1);
  });
  it('does not fire in the national profile, without a known list, or for a locum', () => {
    expect(only(plan({ doctors: [doc({ listed: 100 })] }), 'list-below-min')).toEqual([]);
    expect(only(plan({ doctors: [doc({})] }, 'vgr'), 'list-below-min')).toEqual([]);
    expect(only(plan({ doctors: [doc({ category: 'locum', listed: 100 })] }, 'vgr'), 'list-below-min')).toEqual([]);
  });
});

describe('coverage-below-threshold (VGR 70 %)', () => {
  it('fires below 70 % with the numbers', () => {
    const [f] = only(plan({ unit: { listed: 1000, withNamedDoctor: 699 } }, 'vgr'), 'coverage-below-threshold');
    expect(f).toMatchObject({ severity: 'warning', field: 'unit.withNamedDoctor' });
    expect(f.doctorId).toBeUndefined();
    expect(f.message).toContain('69,9');
    expect(f.message).toContain('70');
  });
  it('does not fire at 70 % or in a profile without threshold', () => {
    expect(only(plan({ unit: { listed: 1000, withNamedDoctor: 700 } }, 'vgr'), 'coverage-below-threshold')).toEqual([]);
    expect(only(plan({ unit: { listed: 1000, withNamedDoctor: 100 } }), 'coverage-below-threshold')).toEqual([]);
  });
});

describe('locum-holds-list and fictive-list-name (Västmanland)', () => {
  it('is an error when a locum holds a list that is not a fictive list', () => {
    const [f] = only(plan({ doctors: [doc({ category: 'locum', name: 'Bo Hyr', listed: 800 })] }, 'vastmanland'), 'locum-holds-list');
    expect(f).toMatchObject({ severity: 'error', doctorId: 'd1', field: 'doctors.d1.listed' });
    expect(f.message).toContain('Bo Hyr');
    expect(f.message).toContain('800');
  });
  it('does not fire for a fictive list, an empty list, or in the national profile', () => {
    const fictive = doc({ category: 'locum', listed: 800, fictiveListName: 'Vårdcentralen Test Dr Hyr' });
    expect(only(plan({ doctors: [fictive] }, 'vastmanland'), 'locum-holds-list')).toEqual([]);
    expect(only(plan({ doctors: [doc({ category: 'locum', listed: 0 })] }, 'vastmanland'), 'locum-holds-list')).toEqual([]);
    expect(only(plan({ doctors: [doc({ category: 'locum', listed: 800 })] }), 'locum-holds-list')).toEqual([]);
  });
  it('warns when a fictive list name does not begin with the unit name', () => {
    const bad = doc({ category: 'locum', listed: 800, fictiveListName: 'Dr Hyr' });
    const [f] = only(plan({ doctors: [bad] }, 'vastmanland'), 'fictive-list-name');
    expect(f).toMatchObject({ severity: 'warning', field: 'doctors.d1.fictiveListName' });
    expect(f.message).toContain('Dr Hyr');
    expect(f.message).toContain('Vårdcentralen Test');
  });
  it('accepts "<unit> Dr <name>" and "<unit> Dr 1" (case and spacing ignored) but not a longer unit name', () => {
    for (const name of ['Vårdcentralen Test Dr Hyr', 'vårdcentralen  test Dr 1', 'Vårdcentralen Test']) {
      expect(only(plan({ doctors: [doc({ category: 'locum', listed: 5, fictiveListName: name })] }, 'vastmanland'), 'fictive-list-name')).toEqual([]);
    }
    const longer = doc({ category: 'locum', listed: 5, fictiveListName: 'Vårdcentralen Testby Dr Hyr' });
    expect(only(plan({ doctors: [longer] }, 'vastmanland'), 'fictive-list-name')).toHaveLength(1);
    const nat = doc({ category: 'locum', listed: 5, fictiveListName: 'Dr Hyr' });
    expect(only(plan({ doctors: [nat] }), 'fictive-list-name')).toEqual([]);
  });
});

describe('not-eligible', () => {
  it('is an error for an AT/BT doctor with a list', () => {
    const [f] = only(plan({ doctors: [doc({ category: 'junior', name: 'Ida AT', listed: 50 })] }), 'not-eligible');
    expect(f).toMatchObject({ severity: 'error', doctorId: 'd1', field: 'doctors.d1.listed' });
    expect(f.message).toContain('Ida AT');
  });
  it('is info for a geriatrician or pediatrician with a list (their age group only)', () => {
    const [g] = only(plan({ doctors: [doc({ category: 'geriatrician', listed: 400 })] }), 'not-eligible');
    expect(g.severity).toBe('info');
    expect(g.message).toContain('65 år');
    const [p] = only(plan({ doctors: [doc({ category: 'pediatrician', listed: 400 })] }), 'not-eligible');
    expect(p.message).toContain('0–17');
  });
  it('does not fire without a list or for a specialist', () => {
    expect(only(plan({ doctors: [doc({ category: 'junior' })] }), 'not-eligible')).toEqual([]);
    expect(only(plan({ doctors: [doc({ category: 'junior', listed: 0 })] }), 'not-eligible')).toEqual([]);
    expect(only(plan({ doctors: [doc({ listed: 900 })] }), 'not-eligible')).toEqual([]);
  });
});

describe('short-employment', () => {
  it('fires when the planned end is before today + 12 months', () => {
    const [f] = only(plan({ doctors: [doc({ plannedEnd: '2027-11-22' })] }), 'short-employment');
    expect(f).toMatchObject({ severity: 'warning', doctorId: 'd1', field: 'doctors.d1.plannedEnd' });
    expect(f.message).toContain('2027-11-22');
  });
  it('does not fire on or after today + 12 months, or without a planned end', () => {
    expect(only(plan({ doctors: [doc({ plannedEnd: '2027-11-23' })] }), 'short-employment')).toEqual([]);
    expect(only(plan({ doctors: [doc({})] }), 'short-employment')).toEqual([]);
  });
  it("uses the profile's months and options.today", () => {
    const custom = { ...createCustomProfile('national'), minEmploymentMonths: 6 };
    expect(only(plan({ doctors: [doc({ plannedEnd: '2027-05-22' })] }, custom), 'short-employment')).toHaveLength(1);
    expect(only(plan({ doctors: [doc({ plannedEnd: '2027-05-23' })] }, custom), 'short-employment')).toEqual([]);
    expect(only(plan({ doctors: [doc({ plannedEnd: '2027-11-22' })] }), 'short-employment', '2026-11-01')).toEqual([]);
  });
});

describe('over-capacity', () => {
  it('fires when the list is larger than the capacity', () => {
    const [f] = only(plan({ doctors: [doc({ employment: 0.5, listed: 551 })] }), 'over-capacity');
    expect(f).toMatchObject({ severity: 'warning', doctorId: 'd1', field: 'doctors.d1.listed' });
    expect(f.message).toContain('551');
    expect(f.message).toContain('550');
  });
  it('does not fire at exactly the capacity, without a list, or for a fictive list', () => {
    expect(only(plan({ doctors: [doc({ employment: 0.5, listed: 550 })] }), 'over-capacity')).toEqual([]);
    expect(only(plan({ doctors: [doc({ employment: 0.5 })] }), 'over-capacity')).toEqual([]);
    const fictive = doc({ category: 'locum', listed: 900, fictiveListName: 'Vårdcentralen Test Dr X' });
    expect(only(plan({ doctors: [fictive] }), 'over-capacity')).toEqual([]);
  });
  it('follows the chosen model', () => {
    // guideline 1 100, time 1 176 (no duties: 1 680 h → 1 092 → 2 520 visits → 1 176)
    expect(only(plan({ doctors: [doc({ listed: 1150 })] }), 'over-capacity')).toHaveLength(1);
    expect(only(plan({ model: 'time', doctors: [doc({ listed: 1150 })] }), 'over-capacity')).toEqual([]);
  });
});

describe('priority-uncovered', () => {
  const priority = { multimorbid: 800, nursingHome: 100, homeCare: 100, palliative: 50, chronic: 100 };
  it('fires when capacity is below the priority groups', () => {
    const [f] = only(plan({ unit: { priority }, doctors: [doc({ employment: 0.5 })] }), 'priority-uncovered');
    expect(f).toMatchObject({ severity: 'warning', field: 'unit.priority' });
    expect(f.message).toContain(sv('1 150'));
    expect(f.message).toContain('600'); // 1 150 − 550
  });
  it('does not fire when capacity covers them', () => {
    expect(only(plan({ unit: { priority }, doctors: [doc(), doc({ id: 'd2', employment: 0.05 })] }), 'priority-uncovered')).toEqual([]); // 1 100 + 55 ≥ 1 150
  });
});

describe('duties-exceed-time', () => {
  it('is an error when duty hours exceed employment × 40', () => {
    const [f] = only(plan({ doctors: [doc({ employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 21 }] })] }), 'duties-exceed-time');
    expect(f).toMatchObject({ severity: 'error', doctorId: 'd1', field: 'doctors.d1.duties' });
    expect(f.message).toContain('21');
    expect(f.message).toContain('20');
  });
  it('does not fire when duties fill the time exactly', () => {
    expect(only(plan({ doctors: [doc({ employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 20 }] })] }), 'duties-exceed-time')).toEqual([]);
  });
});

describe('goal-coverage and goal-nursing-home (national goal lines)', () => {
  it('reports coverage below 55 % as info', () => {
    const [f] = only(plan({ unit: { listed: 1000, withNamedDoctor: 549 } }), 'goal-coverage');
    expect(f).toMatchObject({ severity: 'info', field: 'unit.withNamedDoctor' });
    expect(f.message).toContain('55');
    expect(only(plan({ unit: { listed: 1000, withNamedDoctor: 550 } }), 'goal-coverage')).toEqual([]);
  });
  it('reports nursing-home coverage below 80 % only when both numbers are known', () => {
    const pr = { multimorbid: 0, nursingHome: 100, homeCare: 0, palliative: 0, chronic: 0 };
    const [f] = only(plan({ unit: { priority: pr, withNamedDoctorNursingHome: 79 } }), 'goal-nursing-home');
    expect(f).toMatchObject({ severity: 'info', field: 'unit.withNamedDoctorNursingHome' });
    expect(f.message).toContain('79 av 100');
    expect(only(plan({ unit: { priority: pr, withNamedDoctorNursingHome: 80 } }), 'goal-nursing-home')).toEqual([]);
    expect(only(plan({ unit: { priority: pr } }), 'goal-nursing-home')).toEqual([]);
    expect(only(plan({ unit: { withNamedDoctorNursingHome: 0 } }), 'goal-nursing-home')).toEqual([]);
  });
  it('is silent in a profile without goal lines', () => {
    const noGoals = { ...createCustomProfile('national'), goals: null };
    expect(only(plan({ unit: { listed: 1000, withNamedDoctor: 100 } }, noGoals), 'goal-coverage')).toEqual([]);
  });
});

describe('order and cleanliness', () => {
  it('lists errors first, then warnings, then info', () => {
    const p = plan(
      {
        unit: { listed: 1000, withNamedDoctor: 100 },
        doctors: [doc({ listed: 2000 }), doc({ id: 'd2', category: 'junior', listed: 10 })],
      },
      'vgr',
    );
    const sev = findings(p).map((f) => f.severity);
    expect(sev[0]).toBe('error');
    expect(sev.at(-1)).toBe('info');
    expect([...sev].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b))).toEqual(sev);
  });
  it('gives no findings for a sound plan', () => {
    expect(findings(plan({ doctors: [doc({ listed: 900, plannedEnd: '2030-01-01' })] }))).toEqual([]);
  });
});

describe('one finding per problem', () => {
  it('does not add over-capacity to a list that already has an error', () => {
    const junior = plan({ doctors: [doc({ category: 'junior', listed: 40 })] });
    expect(findings(junior).map((f) => f.rule)).toEqual(['not-eligible']);
    const locum = plan({ doctors: [doc({ category: 'locum', listed: 40 })] }, 'vastmanland');
    expect(findings(locum).map((f) => f.rule)).toEqual(['locum-holds-list']);
  });
  it('still reports a locum list without a fictive name as over capacity where locums may hold lists', () => {
    const locum = plan({ doctors: [doc({ category: 'locum', listed: 40 })] });
    const [f] = findings(locum);
    expect(f.rule).toBe('over-capacity');
    expect(f.message).toContain('∞');
  });
});

describe('load in the over-capacity message', () => {
  it('reads as the grid reads it (fmt.load), and a list just over capacity says how many patients over', () => {
    const [f] = findings(plan({ doctors: [doc({ listed: 1101 })] }));
    // 1 101 / 1 100 = 100,09 %: whole percent half away from zero is 100 %, as in the grid; the patients say it is over.
    expect(f.message).toBe(sv('Anna A har 1 101 listade men kapacitet för 1 100: 1 fler än kapaciteten (belastning 100 %).'));
    const [g] = findings(plan({ doctors: [doc({ listed: 1181 })] }));
    expect(g.message).toContain(sv('belastning 107 %')); // 107,36 %: not a rounded-up 108 %
    expect(g.message).toContain('81 fler än kapaciteten');
  });
  it('every number in every finding message of the demo is printed through fmt', () => {
    const demo = createDemoPlan();
    demo.unit.withNamedDoctor = 3000;
    const r = computePlan(demo, { today: TODAY });
    for (const x of r.findings) {
      expect(x.message, x.rule).not.toMatch(/\d\.\d|\d \d{3}(?!\d)/); // no decimal points, no plain-space thousands
      expect(x.message, x.rule).not.toMatch(/\b(over-capacity|listed|national)\b/);
    }
    const load = r.findings.find((x) => x.rule === 'over-capacity' && x.doctorId === 'd7')!;
    expect(load.message).toContain(fmt.load(r.doctors[6].loadRatio));
  });
});

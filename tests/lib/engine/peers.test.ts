// What the best peers weigh beyond the workbook (issue 16, domain.md §9): the age index and the care weight it
// suggests, visits per working day against a safe day, the team's share of the doctor visits, free places.
// Each figure is checked by value and by its explanation's text (formula, steps, notes, source).
import { describe, expect, it } from 'vitest';
import { computePlan, explain, parsePlan } from '../../../src/lib/engine/index';
import { ageIndexOf, careWeightSuggestedOf, delegationOf, freePlacesOpenOf, visitsPerDayOf } from '../../../src/lib/engine/formulas/index';
import { AGE_REFERENCE_BANDS, NORWAY_2023, ageBandIndex, bandCountsOfYears, ownAgeRates } from '../../../src/lib/engine/ageReference';
import type { Explanation, Plan } from '../../../src/lib/engine/types';
import { doc, plan, sv, TODAY } from './helpers';

const ex = (p: Plan, path: string): Explanation => {
  const e = explain(p, computePlan(p, { today: TODAY }), path);
  if (!e) throw new Error(`no explanation for ${path}`);
  return e;
};
const steps = (e: Explanation) => (e.steps ?? []).map((s) => `${s.label}: ${s.formula}`);
const notes = (e: Explanation) => e.notes.join(' | ');
/** Patients per band: 800 aged 30–49 and 200 aged 67–79 (the issue's hand-computed case). */
const ISSUE_COUNTS = [0, 0, 0, 0, 800, 0, 200, 0, 0];

describe('age index (issue 16.1, domain.md §9)', () => {
  it('200 patients aged 67–79 at 3,9 and 800 aged 30–49 at 3,2 against a mean of 3,0 give 1,113', () => {
    expect(NORWAY_2023.rates[6]).toBe(3.9);
    expect(NORWAY_2023.rates[4]).toBe(3.2);
    expect(NORWAY_2023.mean).toBe(3);
    // (200 × 3,9 + 800 × 3,2) / (1 000 × 3,0) = 3 340 / 3 000 = 1,1133…
    expect(ageIndexOf(ISSUE_COUNTS, NORWAY_2023.rates, NORWAY_2023.mean)).toBe(1.113);
    const p = plan({ doctors: [doc({ listAges: { counts: ISSUE_COUNTS, unknown: 4, female: 510, male: 490 } })] });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].ageIndex).toBe(1.113);
    const e = ex(p, 'doctors.d1.ageIndex');
    expect(e.formula).toBe(sv('(800 × 3,2 + 200 × 3,9) ÷ (1 000 × 3) = 1,113'));
    expect(e.valueText).toBe('1,113');
    expect(e.label).toBe('Åldersindex för listan – Anna A');
    expect(e.inputs.map((i) => `${i.label} ${i.value}`)).toEqual([
      sv('Patienter 30–49 år 800'), 'Besök per person och år, 30–49 år 3,2', sv('Patienter 67–79 år 200'), 'Besök per person och år, 67–79 år 3,9',
      sv('Patienter med känd ålder 1 000'), 'Referensens medelvärde (besök per person och år) 3',
    ]);
    expect(notes(e)).toContain(sv('1 000 patienter med känd ålder; 4 utan ålder räknas inte.'));
    expect(notes(e)).toContain('Könet vägs inte in');
    expect(e.notes.at(-1)).toBe('Källa: Statistisk sentralbyrå i Norge, konsultationer hos fastlege per person efter ålder 2023 (i genomsnitt 3,0). Sverige publicerar inga sådana siffror.');
  });

  it('bands: the SSB table’s nine, from whole years', () => {
    expect(AGE_REFERENCE_BANDS).toEqual([0, 6, 16, 20, 30, 50, 67, 80, 90]);
    expect([0, 5, 6, 15, 16, 19, 20, 29, 30, 49, 50, 66, 67, 79, 80, 89, 90, 104].map(ageBandIndex)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
    expect(ageBandIndex(-1)).toBe(-1);
    const years = new Array(101).fill(0);
    years[3] = 2;
    years[70] = 5;
    years[100] = 1;
    expect(bandCountsOfYears(years)).toEqual([2, 0, 0, 0, 0, 0, 5, 0, 1]);
  });

  it('no ages, no index: no figure and no explanation', () => {
    expect(ageIndexOf([0, 0, 0, 0, 0, 0, 0, 0, 0], NORWAY_2023.rates, 3)).toBeNull();
    const p = plan();
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].ageIndex).toBeNull();
    expect(r.doctors[0].careWeightSuggested).toBeNull();
    expect(explain(p, r, 'doctors.d1.ageIndex')).toBeNull();
    expect(explain(p, r, 'unit.ageIndex')).toBeNull();
  });

  it('the suggested care weight keeps the unit’s level: unit care weight × list index ÷ unit index', () => {
    // Unit: 1 000 aged 30–49 → index 3,2 / 3 = 1,067; the list as in the issue → 1,113; unit care weight 1,20 (ACG).
    const p = plan({
      unit: { careWeight: 1.2, careWeightBasis: 'acg', listAges: { counts: [0, 0, 0, 0, 1000, 0, 0, 0, 0] } },
      doctors: [doc({ listAges: { counts: ISSUE_COUNTS } })],
    });
    const r = computePlan(p, { today: TODAY });
    expect(r.unit.ageIndex).toBe(1.067);
    expect(careWeightSuggestedOf(1.2, 1.113, 1.067)).toBe(1.252);
    expect(r.doctors[0].careWeightSuggested).toBe(1.252);
    const e = ex(p, 'doctors.d1.careWeightSuggested');
    expect(e.formula).toBe('1,20 × 1,113 ÷ 1,067 = 1,252');
    expect(steps(e)).toEqual([
      sv('Åldersindex för listan: (800 × 3,2 + 200 × 3,9) ÷ (1 000 × 3) = 1,113'),
      sv('Åldersindex för enheten: 1 000 × 3,2 ÷ (1 000 × 3) = 1,067'),
    ]);
    // The unit's ACG takes precedence over its own age index, and says so.
    expect(notes(ex(p, 'unit.ageIndex'))).toContain('Regionens ACG-vikt är angiven och gäller före förslaget');
    // Dividing by the care weight is this tool's model, said plainly.
    expect(e.notes.at(-1)).toContain('Att dela riktvärdet med vårdtyngden är verktygets val, ingen publicerad svensk formel.');
    expect(notes(ex(p, 'doctors.d1.careWeight'))).toContain('ingen publicerad svensk formel');
  });

  it('the unit’s own rates from its contacts: the unit is 1 by construction, the lists relative to it', () => {
    // 100 listed aged 30–49 with 150 visits, 100 aged 67–79 with 450 visits, over 365 days.
    const own = ownAgeRates([0, 0, 0, 0, 150, 0, 450, 0, 0], [0, 0, 0, 0, 100, 0, 100, 0, 0], 365)!;
    expect(own.rates[4]).toBe(1.5);
    expect(own.rates[6]).toBe(4.5);
    expect(own.mean).toBe(3);
    const p = plan({
      unit: { ageReference: { ...own, own: true, name: 'Egna besök' }, listAges: { counts: [0, 0, 0, 0, 100, 0, 100, 0, 0] } },
      doctors: [doc({ listAges: { counts: [0, 0, 0, 0, 10, 0, 30, 0, 0] } })],
    });
    expect(parsePlan(p).ok).toBe(true);
    const r = computePlan(p, { today: TODAY });
    expect(r.unit.ageIndex).toBe(1);
    // (10 × 1,5 + 30 × 4,5) / (40 × 3) = 150 / 120 = 1,25
    expect(r.doctors[0].ageIndex).toBe(1.25);
    const e = ex(p, 'doctors.d1.ageIndex');
    expect(e.notes.at(-1)).toBe('Källa: enhetens egna kontakter per åldersgrupp ur kontaktloggen.');
    expect(notes(e)).toContain('Mot enhetens egna besökstal är enheten 1,00 per definition');
  });

  it('the plan file keeps and checks the new fields', () => {
    const p = plan({ unit: { careWeightBasis: 'cni', listAges: { counts: ISSUE_COUNTS, asOf: '2026-11-01' } }, doctors: [doc({ careWeightBasis: 'ageIndex' })] });
    const ok = parsePlan(JSON.parse(JSON.stringify(p)));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.plan.unit.listAges?.counts).toEqual(ISSUE_COUNTS);
      expect(ok.plan.unit.extra).toBeUndefined();
    }
    const bad = parsePlan({ ...p, unit: { ...p.unit, careWeightBasis: 'acgx', listAges: { counts: [1, 2] } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((x) => x.path)).toEqual(['unit.careWeightBasis', 'unit.listAges.counts']);
  });
});

describe('visits per working day (issue 16.2, domain.md §9)', () => {
  it('visitsYear ÷ (weeksPerYear × 5 × employment × presence), all of the doctor’s visits', () => {
    // Full time, defaults: 40 h × 42 w × 65 % × 60 / 26 min = 2 520 visits; 2 520 / (42 × 5) = 12.
    expect(visitsPerDayOf(2520, 42, 1, 1)).toBe(12);
    const full = plan();
    expect(computePlan(full, { today: TODAY }).doctors[0].visitsPerDay).toBe(12);
    const e0 = ex(full, 'doctors.d1.visitsPerDay');
    expect(e0.formula).toBe(sv('2 520 ÷ (42 × 5) = 12'));
    expect(e0.valueText).toBe('12');
    expect(e0.unit).toBe('besök per arbetsdag');
    // 80 % and six weeks away: the visits fall with the days, so the day itself is no fuller.
    const p = plan({ doctors: [doc({ employment: 0.8, absenceWeeks: 6 })] });
    const e = ex(p, 'doctors.d1.visitsPerDay');
    expect(e.formula).toBe(sv('1 728 ÷ (42 × 5 × 80 % × (1 − 6 / 42)) = 12'));
    expect(steps(e)).toContain(sv('Besök per år: 748,8 × 60 ÷ 26 = 1 728'));
    expect(notes(e)).toContain('Gränsen för en säker arbetsdag är 25 kontakter.');
    expect(e.notes.at(-1)).toBe('Källa: British Medical Association, råd om säker arbetsbelastning i allmänmedicin (högst 25 kontakter per dag).');
  });

  it('a finding when a doctor is over the safe day (the BMA’s 25, or the profile’s)', () => {
    // 12-minute visits, 15 % indirect: 40 × 42 × 85 % × 60 / 12 = 7 140 visits / 210 days = 34.
    const p = plan({ time: { plannedMinutes: 12, acuteMinutes: 12, indirectShare: 0.15 } });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].visitsPerDay).toBe(34);
    const f = r.findings.find((x) => x.rule === 'day-above-safe');
    expect(f?.message).toBe('Anna A: tidsmodellen ger 34 besök per arbetsdag, över gränsen 25 kontakter för en säker arbetsdag.');
    expect(f?.severity).toBe('warning');
    expect(r.unit.doctorsAboveSafeDay).toBe(1);
    expect(notes(ex(p, 'doctors.d1.visitsPerDay'))).toContain('34 besök per arbetsdag är över gränsen 25 för en säker arbetsdag.');
    // A profile of its own may set another limit; then the source says so.
    const custom = { ...computePlan(p, { today: TODAY }).profile, id: 'custom', name: 'Egen', safeDayContacts: 35 };
    const p2 = { ...p, profile: custom };
    const r2 = computePlan(p2, { today: TODAY });
    expect(r2.findings.some((x) => x.rule === 'day-above-safe')).toBe(false);
    expect(ex(p2, 'doctors.d1.visitsPerDay').notes.at(-1)).toBe('Källa: regelprofilen Egen (35 kontakter per dag).');
    // Compared as shown: 25,04 prints 25 and is not over 25.
    expect(computePlan(plan({ time: { plannedMinutes: 20.85, acuteMinutes: 20.85, indirectShare: 0.35 } }), { today: TODAY }).findings.some((x) => x.rule === 'day-above-safe')).toBe(false);
  });

  it('no working day, no figure', () => {
    const r = computePlan(plan({ doctors: [doc({ employment: 0 })] }), { today: TODAY });
    expect(r.doctors[0].visitsPerDay).toBeNull();
  });
});

describe('the team takes over doctor visits (issue 16.3, domain.md §9)', () => {
  it('the time model divides by visitsPerPatientYear × (1 − δ); the guideline stays the guideline', () => {
    expect(delegationOf(0.15, 0, 0.05, 0)).toBeCloseTo(0.2, 12);
    const without = computePlan(plan(), { today: TODAY });
    const p = plan({ unit: { delegation: { nurse: 0.15, psychologist: 0.05 } } });
    const r = computePlan(p, { today: TODAY });
    const d = r.doctors[0];
    expect(d.capacityGuideline).toBe(without.doctors[0].capacityGuideline);
    // 2 520 × 70 % / (1,5 × 0,8) = 1 470, against 1 176 without the team.
    expect(d.capacityTime).toBe(1470);
    expect(d.capacityTimeWithoutTeam).toBe(1176);
    expect(d.teamPatients).toBe(294);
    const cap = ex(p, 'doctors.d1.capacityTime');
    expect(cap.formula).toBe(sv('2 520 × 70 % ÷ (1,2 × 1,00) = 1 470'));
    expect(steps(cap)).toContain(sv('Andel av läkarbesöken som teamet tar över: 15 % + 5 % = 20 %'));
    expect(steps(cap)).toContain(sv('Läkarbesök per patient och år med teamet: 1,5 × (1 − 20 %) = 1,2'));
    expect(notes(cap)).toContain('Riktvärdet är oförändrat: teamet syns bara i tidsmodellen.');
    expect(ex(p, 'doctors.d1.capacityGuideline').formula).toBe(ex(plan(), 'doctors.d1.capacityGuideline').formula);
    const team = ex(p, 'doctors.d1.teamPatients');
    expect(team.formula).toBe(sv('1 470 − 1 176 = 294'));
    expect(team.notes.at(-1)).toContain('Altschuler');
    const dl = ex(p, 'doctors.d1.delegation');
    expect(dl.inputs.map((i) => i.path)).toEqual(['unit.delegation.nurse', 'unit.delegation.psychologist']);
  });

  it('the unit’s gap by the time model, with and without the team', () => {
    // 1 000 listed, target 100 %: time-model capacity 1 176 → 0 gap; 1 500 listed: 324 without the team, 30 with it.
    const p = plan({ unit: { listed: 1500, withNamedDoctor: 900, delegation: { nurse: 0.2 } } });
    const r = computePlan(p, { today: TODAY });
    expect(r.unit.gapPatientsTimeWithoutTeam).toBe(324);
    expect(r.unit.gapPatientsTime).toBe(30);
    expect(r.unit.teamPatients).toBe(294);
    expect(r.unit.gapPatients).toBe(1500 - r.unit.capacityGuideline);
    const e = ex(p, 'unit.gapPatientsTime');
    expect(e.formula).toBe(sv('max(0; 1 500 − 1 470) = 30'));
    expect(notes(e)).toContain('Glappet enligt tidsmodellen utan teamet är 324 patienter, med teamet 30.');
  });

  it('a doctor’s own shares win over the unit’s; without a team nothing changes', () => {
    const p = plan({ unit: { delegation: { nurse: 0.2 } }, doctors: [doc({ delegation: { physiotherapist: 0.1 } }), doc({ id: 'd2', name: 'Bo B' })] });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].delegation).toBeCloseTo(0.1, 12);
    expect(r.doctors[1].delegation).toBeCloseTo(0.2, 12);
    expect(r.doctors[0].used?.delegationSource).toBe('doctor');
    expect(notes(ex(p, 'doctors.d1.delegation'))).toContain('Läkarens egna andelar');
    const none = computePlan(plan(), { today: TODAY }).doctors[0];
    expect(none.delegation).toBe(0);
    expect(none.teamPatients).toBe(0);
    expect(explain(plan(), computePlan(plan(), { today: TODAY }), 'doctors.d1.visitsPerPatientTeam')).toBeNull();
  });

  it('the plan file refuses a team that takes over more than 90 %', () => {
    const bad = parsePlan(plan({ unit: { delegation: { nurse: 0.6, other: 0.4 } } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toEqual({ path: 'unit.delegation', place: 'Enheten: Teamets andel av besöken', message: 'Teamet kan tillsammans ta över högst 90 % av läkarbesöken.' });
  });
});

describe('free places (issue 16.4)', () => {
  const two = () =>
    plan({
      unit: { listed: 3000, withNamedDoctor: 2000 },
      doctors: [
        doc({ listed: 1000, agreedListSize: 1050 } as Partial<Plan['doctors'][number]>),
        doc({ id: 'd2', name: 'Bo B', employment: 0.8, listed: 1000, agreedListSize: 900 } as Partial<Plan['doctors'][number]>),
        doc({ id: 'd3', name: 'Cia C', category: 'locum', listed: 400 }),
      ],
    });

  it('capacity − listed and capacity − agreed size, positive and negative', () => {
    const r = computePlan(two(), { today: TODAY });
    const [a, b, c] = r.doctors;
    expect([a.capacity, b.capacity]).toEqual([1100, 880]);
    expect(a.freePlaces).toBe(100);
    expect(b.freePlaces).toBe(-120);
    expect(a.freePlacesAgreed).toBe(50);
    expect(b.freePlacesAgreed).toBe(-20);
    // The allocation's places: the agreement caps them (1 050 < 1 100), never below 0.
    expect(a.freePlacesOpen).toBe(50);
    expect(b.freePlacesOpen).toBe(0);
    expect(freePlacesOpenOf(1100, 1050, 1000)).toBe(50);
    // A locum holds no named list: no free places.
    expect(c.freePlaces).toBeNull();
    expect(c.freePlacesOpen).toBe(0);
    expect(r.unit.freePlaces).toBe(-20);
    expect(r.unit.freePlacesAgreed).toBe(30);
    expect(r.unit.freePlacesOpen).toBe(50);
  });

  it('each explained with the doctor’s own numbers', () => {
    const p = two();
    expect(ex(p, 'doctors.d2.freePlaces').formula).toBe(sv('880 − 1 000 = -120'));
    expect(ex(p, 'doctors.d2.freePlacesAgreed').formula).toBe(sv('880 − 900 = -20'));
    const open = ex(p, 'doctors.d1.freePlacesOpen');
    expect(open.formula).toBe(sv('max(0; min(1 100; 1 050) − 1 000) = 50'));
    expect(notes(open)).toContain(sv('Den överenskomna listlängden 1 050 är lägre än kapaciteten och sätter taket.'));
    // A locum holds no named list: no free places to show, and none to fill (said in words).
    expect(explain(p, computePlan(p, { today: TODAY }), 'doctors.d3.freePlaces')).toBeNull();
    expect(ex(p, 'doctors.d3.freePlacesOpen').formula).toBe('hyrläkare: ingen lista som fast läkarkontakt → 0');
    const unit = ex(p, 'unit.freePlaces');
    expect(unit.formula).toBe(sv('1 980 − 2 000 = -20'));
    expect(steps(unit)).toEqual([sv('Kapacitet på namngivna listor: 1 100 + 880 = 1 980'), sv('Listade på namngivna listor: 1 000 + 1 000 = 2 000')]);
    expect(ex(p, 'unit.freePlacesOpen').formula).toBe('Anna A = 50');
    expect(ex(p, 'unit.freePlacesAgreed').formula).toBe('50 + -20 = 30');
  });

  it('an unknown list counts as 0 and says so; a fictive list is no named list', () => {
    const p = plan({ doctors: [doc({ listed: undefined }), doc({ id: 'd2', name: 'Bo B', listed: 300, fictiveListName: 'Vårdcentralen Test Dr Bo' })] });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].freePlaces).toBe(1100);
    expect(notes(ex(p, 'doctors.d1.freePlaces'))).toContain('Listans storlek är inte känd och räknas som 0.');
    expect(r.doctors[1].freePlaces).toBeNull();
  });
});

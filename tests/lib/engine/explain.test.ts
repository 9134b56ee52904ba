// explain(): every number with its formula and the doctor's own numbers down to the typed inputs (issue
// 10.3), in plain Swedish. The tests assert the text, not only the value.
import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, explain, explainablePaths } from '../../../src/lib/engine/index';
import type { Explanation, Plan } from '../../../src/lib/engine/types';
import { doc, plan, sv, TODAY } from './helpers';

const ex = (p: Plan, path: string): Explanation => {
  const e = explain(p, computePlan(p, { today: TODAY }), path);
  if (!e) throw new Error(`no explanation for ${path}`);
  return e;
};
const steps = (e: Explanation) => (e.steps ?? []).map((s) => `${s.label}: ${s.formula}`);

describe('the guideline chain down to the inputs', () => {
  it('1 100 × 80 % × (1 − 4 / 32) ÷ 1,12 = 687, with 32 = 80 % × 40 as a step', () => {
    const p = plan({ doctors: [doc({ employment: 0.8, careWeight: 1.12, duties: [{ kind: 'supervision', hoursPerWeek: 4 }] })] });
    const e = ex(p, 'doctors.d1.capacityGuideline');
    expect(e.formula).toBe(sv('1 100 × 80 % × (1 − 4 / 32) ÷ 1,12 = 687,5, avrundat nedåt = 687'));
    expect(steps(e)).toEqual([sv('Veckoarbetstid (timmar): 80 % × 40 = 32')]);
    expect(e.value).toBe(687);
    expect(e.valueText).toBe('687');
    expect(e.label).toBe('Kapacitet enligt riktvärdet – Anna A');
    expect(e.inputs.map((i) => i.path)).toEqual(['profile.guideline.specialist', 'doctors.d1.employment', 'doctors.d1.duties[0].hoursPerWeek', 'time.fullTimeHours', 'doctors.d1.careWeight']);
  });
  it('six weeks of leave as (1 − 6 / 42) in the chain', () => {
    const p = plan({ doctors: [doc({ absenceWeeks: 6 })] });
    expect(ex(p, 'doctors.d1.capacityGuideline').formula).toBe(sv('1 100 × 100 % × (1 − 6 / 42) ÷ 1,00 = 942,9, avrundat nedåt = 942'));
    expect(ex(p, 'doctors.d1.presence').formula).toBe(sv('1 − 6 / 42 = 85,7 %'));
    expect(ex(p, 'doctors.d1.clinicalFte').formula).toBe(sv('100 % × (1 − 6 / 42) = 0,86'));
  });
  it('ST base 550 × (0,5 + 18 / 60) = 440, and the capacity chain uses it as a step', () => {
    const p = plan({ doctors: [doc({ category: 'st', stMonthsDone: 18, stMonthsTotal: 60, employment: 0.5 })] });
    expect(ex(p, 'doctors.d1.base').formula).toBe('550 × (0,5 + 18 / 60) = 440');
    const cap = ex(p, 'doctors.d1.capacityGuideline');
    expect(cap.formula).toBe(sv('440 × 50 % ÷ 1,00 = 220'));
    expect(steps(cap)).toEqual(['Grundvärde enligt riktvärdet: 550 × (0,5 + 18 / 60) = 440']);
    expect(cap.notes.join(' ')).toContain('enligt de äldre reglerna (SOSFS 2015:8)');
  });
  it('an ST without months done: mid-training, said in words', () => {
    const p = plan({ doctors: [doc({ category: 'st', stMonthsTotal: 66 })] });
    const e = ex(p, 'doctors.d1.base');
    expect(e.formula).toBe('550 × (0,5 + 0,5) = 550');
    expect(e.inputs.map((i) => `${i.label} ${i.value}`)).toContain('Mitt i utbildningen 0,5');
    expect(e.notes.join(' ')).toContain('räknas som mitt i utbildningen');
    expect(e.notes.join(' ')).toContain('66 månader, enligt HSLF-FS 2021:8');
  });
  it('an ST without a total: the 60 months used, and why', () => {
    const p = plan({ doctors: [doc({ category: 'st', stMonthsDone: 30 })] });
    const e = ex(p, 'doctors.d1.base');
    expect(e.formula).toBe('550 × (0,5 + 30 / 60) = 550');
    expect(e.notes.join(' ')).toContain('ST-tidens längd saknas i planen: 60 månader används');
  });
  it('an ST total that cannot be used (0) and months beyond it: the values used, said so', () => {
    const p = plan({ doctors: [doc({ category: 'st', stMonthsDone: 70, stMonthsTotal: 0 })] });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].base).toBe(825);
    const e = explain(p, r, 'doctors.d1.base')!;
    expect(e.formula).toBe('550 × (0,5 + 60 / 60) = 825');
    expect(e.notes.join(' ')).toContain('ST-tidens längd 0 går inte att räkna med: 60 månader används');
    expect(e.notes.join(' ')).toContain('Gjorda ST-månader 70 räknas som 60');
  });
  it('the care weight says where it came from', () => {
    expect(ex(plan({ unit: { careWeight: 1.05 }, doctors: [doc({ careWeight: 1.2 })] }), 'doctors.d1.careWeight').notes[0]).toBe('Listans egen vårdtyngd.');
    const unit = ex(plan({ unit: { careWeight: 1.05 }, doctors: [doc()] }), 'doctors.d1.careWeight');
    expect(unit.formula).toBe('enhetens vårdtyngd = 1,05');
    expect(unit.notes[0]).toBe('Enhetens vårdtyngd, eftersom listans egen saknas.');
    const half = plan({ doctors: [doc()] });
    (half.unit as { careWeight: unknown }).careWeight = undefined;
    expect(ex(half, 'doctors.d1.careWeight').formula).toBe('blandad befolkning = 1,00');
  });
  it('employment above 100 % in a half-edited plan is counted as 100 %, and said so', () => {
    const p = plan({ doctors: [doc({ employment: 1.5 })] });
    const r = computePlan(p, { today: TODAY });
    expect(r.doctors[0].capacityGuideline).toBe(1100);
    const e = explain(p, r, 'doctors.d1.capacityGuideline')!;
    expect(e.formula).toBe(sv('1 100 × 100 % ÷ 1,00 = 1 100'));
    expect(e.notes[0]).toBe(sv('Tjänstgöringsgraden 150 % räknas som 100 % (mellan 0 och 100 %).'));
  });
  it('duties beyond the week: min(1; …)', () => {
    const p = plan({ doctors: [doc({ employment: 0.5, duties: [{ kind: 'management', hoursPerWeek: 30 }] })] });
    expect(ex(p, 'doctors.d1.dutyShare').formula).toBe(sv('min(1; 30 / 20) = 100,0 %'));
    expect(ex(p, 'doctors.d1.time.patientHoursYear').formula).toBe('max(0; 20 − 30) × 42 = 0');
  });
  it('a doctor who cannot be a named doctor', () => {
    const p = plan({ doctors: [doc({ category: 'locum', listed: 800, fictiveListName: 'Vårdcentralen Test Dr X' })] });
    expect(ex(p, 'doctors.d1.base').formula).toBe('hyrläkare: ingen lista som fast läkarkontakt → 0');
    expect(ex(p, 'doctors.d1.capacityTime').formula).toBe('hyrläkare: ingen lista som fast läkarkontakt → 0');
    const load = ex(p, 'doctors.d1.loadRatio');
    expect(load.formula).toBe('800 ÷ 0 = ∞');
    expect(load.notes.join(' ')).toContain('Vårdcentralen Test Dr X');
  });
});

describe('the time model, hours → direct hours → visits → patients', () => {
  it('shows every step with the doctor’s numbers', () => {
    const p = plan({ doctors: [doc({ employment: 0.8, careWeight: 1.12, absenceWeeks: 6, duties: [{ kind: 'supervision', hoursPerWeek: 4 }] })] });
    const e = ex(p, 'doctors.d1.capacityTime');
    expect(steps(e)).toEqual([
      sv('Veckoarbetstid (timmar): 80 % × 40 = 32'),
      sv('Patienttid per år (timmar): (32 − 4) × 42 × (1 − 6 / 42) = 1 008'),
      sv('Direkt patienttid per år (timmar): 1 008 × (1 − 35 %) = 655,2'),
      sv('Genomsnittlig besökslängd (minuter): 60 % × 30 + (1 − 60 %) × 20 = 26'),
      sv('Besök per år: 655,2 × 60 ÷ 26 = 1 512'),
    ]);
    expect(e.formula).toBe(sv('1 512 × 70 % ÷ (1,5 × 1,12) = 630'));
    expect(e.inputs.find((i) => i.path === 'time.ownPatientShare')?.label).toContain('(Kapacitets antagande)');
  });
  it('a visit count that does not print exactly is written out, so the chain still recomputes', () => {
    const p = plan({ time: { plannedMinutes: 31 }, doctors: [doc()] });
    const e = ex(p, 'doctors.d1.capacityTime');
    // 1 092 × 60 ÷ 26,6 = 2 463,15… is not a whole visit count: the chain keeps its expression.
    expect(e.formula).toBe(sv('1 092 × 60 ÷ 26,6 × 70 % ÷ (1,5 × 1,00) = 1 149,5, avrundat nedåt = 1 149'));
    expect(steps(e)).not.toContain(expect.stringContaining('Besök per år'));
    expect(e.inputs.find((i) => i.path === 'time.plannedMinutes')?.label).not.toContain('antagande');
  });
});

describe('each duty as the patients it costs (domain.md §9)', () => {
  it('"4 tim/v handledning motsvarar 110 patienter" for a full-time specialist at care weight 1,00', () => {
    const p = plan({ doctors: [doc({ duties: [{ kind: 'supervision', hoursPerWeek: 4 }, { kind: 'meetings', hoursPerWeek: 2, label: 'APT' }] })] });
    const e = ex(p, 'doctors.d1.capacityGuideline');
    expect(e.dutyPatients).toEqual([
      { label: '4 tim/v handledning motsvarar 110 patienter', formula: sv('1 045 − 935 = 110'), patients: 110 },
      { label: '2 tim/v möten (APT) motsvarar 55 patienter', formula: sv('990 − 935 = 55'), patients: 55 },
    ]);
    expect(ex(p, 'doctors.d1.capacity').dutyPatients?.[0].label).toBe('4 tim/v handledning motsvarar 110 patienter');
    expect(ex(p, 'doctors.d1.capacityTime').dutyPatients?.[0].label).toMatch(/^4 tim\/v handledning motsvarar \d+ patienter$/);
  });
});

describe('unit figures', () => {
  const p = plan({ unit: { listed: 4001, careWeight: 1.05, withNamedDoctor: 2600, targetCoverage: 0.955 }, doctors: [doc({ id: 'a' }), doc({ id: 'b', employment: 0.5 })] });
  it('the gap rounds the target up (ceil), and says so', () => {
    const e = ex(p, 'unit.gapPatients');
    expect(steps(e)[0]).toBe(sv('Målet i hela patienter: 95,5 % × 4 001 = 3 820,96, avrundat uppåt = 3 821'));
    expect(e.formula).toBe(sv('max(0; 3 821 − 1 570) = 2 251'));
    expect(e.notes).toContain('Målet räknas i hela patienter: avrundat uppåt.');
  });
  it('FTE needed, coverage, priority, lists on paper', () => {
    expect(ex(p, 'unit.fteNeeded').formula).toBe(sv('2 251 × 1,05 ÷ 1 100 = 2,15'));
    expect(ex(p, 'unit.coverageToday').formula).toBe(sv('2 600 ÷ 4 001 = 65,0 %'));
    expect(ex(p, 'unit.coveragePossible').formula).toBe(sv('1 570 ÷ 4 001 = 39,2 %'));
    expect(ex(p, 'unit.capacity').formula).toBe(sv('1 047 + 523 = 1 570'));
    expect(ex(p, 'unit.priorityCovered').formula).toBe(sv('min(0; 1 570) = 0'));
    expect(ex(p, 'unit.paperListPatients').formula).toBe(sv('max(0; 2 600 − 1 570) = 1 030'));
  });
  it('the VGR stimulus, and its threshold', () => {
    const vgr = plan({ unit: { listed: 1000, withNamedDoctor: 800 }, doctors: [doc({ listed: 900, listPoints: 300, careWeightPoints: 20 })] }, 'vgr');
    const e = ex(vgr, 'unit.stimulusSek');
    expect(e.formula).toBe(sv('12 kr × 300 + 12 kr × 20 = 3 840 kr'));
    expect(e.notes.join(' ')).toContain('Källa: regionens regler (Västra Götalandsregionen).');
    const low = plan({ unit: { listed: 1000, withNamedDoctor: 600 }, doctors: [doc({ listed: 900, listPoints: 300 })] }, 'vgr');
    expect(ex(low, 'unit.stimulusSek').formula).toBe(sv('täckningen 60,0 % är under tröskeln 70 % → 0 kr'));
  });
});

describe('plain Swedish: no field names, rule codes, profile ids or spec sections', () => {
  const p = createDemoPlan();
  const r = computePlan(p, { today: TODAY });
  const FORBIDDEN = /domain\.md|§|\b(national|vgr|vastmanland|varmland|capacityGuideline|capacityTime|dutyShare|clinicalFte|employment|careWeight|listed|withNamedDoctor|stMonths\w*|over-capacity|priority)\b/;
  it('every explanation of the demo', () => {
    const all = explainablePaths(r);
    expect(all.length).toBeGreaterThan(150);
    for (const path of all) {
      const e = explain(p, r, path)!;
      const texts = [e.label, e.formula, e.rule, e.unit, ...e.notes, ...e.inputs.flatMap((i) => [i.label, i.value]), ...steps(e), ...(e.dutyPatients ?? []).flatMap((d) => [d.label, d.formula])];
      for (const t of texts) expect(t, `${path}: ${t}`).not.toMatch(FORBIDDEN);
      expect(e.formula.endsWith(`= ${e.valueText}`) || e.formula.endsWith(`→ ${e.valueText}`), `${path}: ${e.formula}`).toBe(true);
      expect(e.notes.at(-1), path).toMatch(/^Källa: /);
    }
  });
  it('returns null for unknown paths', () => {
    expect(explain(p, r, 'unit.nonsense')).toBeNull();
    expect(explain(p, r, 'doctors.nobody.capacity')).toBeNull();
    expect(explain(p, r, 'doctors.d1.nonsense')).toBeNull();
    expect(explain(p, r, 'capacity')).toBeNull();
    expect(explainablePaths(r)).not.toContain('doctors.d9.loadRatio'); // AT/BT without a list
  });
});

describe('why the models differ', () => {
  it('names the time model per FTE (1 176 with the defaults) against the base, and the ST caveat', () => {
    const p = plan({ doctors: [doc({ id: 'a' }), doc({ id: 'b', category: 'st', stMonthsDone: 30, stMonthsTotal: 60 })] });
    const a = ex(p, 'doctors.a.capacity').notes.join(' ');
    expect(a).toContain(sv('ger tidsmodellen 1 176 patienter'));
    expect(a).toContain(sv('riktvärdet 1 100'));
    expect(a).toContain(sv('Den andra modellen, tidsmodellen (nerifrån), ger 1 176'));
    expect(ex(p, 'doctors.b.capacityTime').notes.join(' ')).toContain('ST-läkare');
  });
});

describe('every category, both models, with duties, absence and care weight: the full chain', () => {
  const categories = ['specialist', 'st', 'geriatrician', 'pediatrician', 'dispensation', 'locum', 'junior'] as const;
  for (const category of categories) {
    for (const model of ['guideline', 'time'] as const) {
      it(`${category}, ${model}`, () => {
        const d = doc({ category, employment: 0.8, absenceWeeks: 6, careWeight: 1.12, duties: [{ kind: 'supervision', hoursPerWeek: 4 }], listed: 600 });
        if (category === 'st') Object.assign(d, { stMonthsDone: 18, stMonthsTotal: 60 });
        const p = plan({ model, doctors: [d] });
        const r = computePlan(p, { today: TODAY });
        const cap = explain(p, r, 'doctors.d1.capacity')!;
        const text = [cap.formula, ...steps(cap)].join('\n');
        if (r.doctors[0].base <= 0) {
          expect(cap.formula).toMatch(/ingen lista som fast läkarkontakt|^0 × /);
          expect(cap.value).toBe(0);
          return;
        }
        // The typed inputs, each in the chain: employment, duty hours, absence, care weight (and the ST months).
        expect(text).toContain(sv('80 %'));
        expect(text).toContain('(1 − 6 / 42)');
        expect(text).toContain('1,12');
        expect(text).toMatch(/\b4\b/);
        if (model === 'time') {
          for (const label of ['Patienttid per år', 'Direkt patienttid per år', 'Genomsnittlig besökslängd', 'Besök per år']) expect(text).toContain(label);
        } else {
          expect(cap.formula).toContain(sv(' × 80 % × (1 − 4 / 32) × (1 − 6 / 42) ÷ 1,12 = '));
          // The ST base is a step of its own (the time model does not use it beyond "can hold a list").
          if (category === 'st') expect(text).toContain('550 × (0,5 + 18 / 60) = 440');
        }
        expect(cap.dutyPatients?.[0].label).toMatch(/^4 tim\/v handledning motsvarar \d+ patienter$/);
      });
    }
  }
});

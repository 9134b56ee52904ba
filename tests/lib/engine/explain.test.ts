// explain(): every number traced to its formula with the actual inputs, in Swedish (sv-SE numbers).
import { describe, expect, it } from 'vitest';
import { computePlan, createDemoPlan, explain, explainablePaths, formatDecimal, formatNumber } from '../../../src/lib/engine/index';
import { doc, plan, sv, TODAY } from './helpers';

describe('explain formulas carry the actual inputs', () => {
  it('capacityGuideline: "1 100 × 0,7 klinisk tjänstgöring ÷ vårdtyngd 1,1 = 700"', () => {
    const p = plan({ doctors: [doc({ id: 'd3', name: 'Anna A', employment: 0.7, careWeight: 1.1 })] });
    const e = explain(p, computePlan(p, { today: TODAY }), 'doctors.d3.capacityGuideline');
    expect(e?.formula).toBe(sv('1 100 × 0,7 klinisk tjänstgöring ÷ vårdtyngd 1,1 = 700'));
    expect(e?.value).toBe(700);
    expect(e?.label).toBe('Kapacitet enligt riktvärdet – Anna A');
    expect(e?.unit).toBe('patienter');
    expect(e?.inputs.map((i) => i.path)).toEqual(['doctors.d3.base', 'doctors.d3.clinicalFte', 'doctors.d3.careWeight']);
    expect(e?.notes.join(' ')).toContain('domain.md §2');
  });
  it('shows the rounding down when the product is not whole', () => {
    const p = plan({ unit: { careWeight: 1.05 }, doctors: [doc()] });
    const e = explain(p, computePlan(p, { today: TODAY }), 'doctors.d1.capacityGuideline');
    expect(e?.formula).toBe(sv('1 100 × 1 klinisk tjänstgöring ÷ vårdtyngd 1,05 = 1 047,62, avrundat nedåt = 1 047'));
  });
  it('the ST ramp, marked as a local assumption', () => {
    const p = plan({ doctors: [doc({ category: 'st', stMonthsDone: 15, stMonthsTotal: 60 })] });
    const e = explain(p, computePlan(p, { today: TODAY }), 'doctors.d1.base');
    expect(e?.formula).toBe('550 × (0,5 + 15 ÷ 60 ST-månader) = 412,5');
    expect(e?.notes.join(' ')).toContain('(lokalt antagande)');
  });
  it('duty share, presence, clinical FTE', () => {
    const p = plan({ doctors: [doc({ employment: 0.8, duties: [{ kind: 'supervision', hoursPerWeek: 4, label: 'Handledare ST' }], absenceWeeks: 6 })] });
    const r = computePlan(p, { today: TODAY });
    expect(explain(p, r, 'doctors.d1.dutyHoursPerWeek')?.formula).toBe('Handledare ST 4 = 4');
    expect(explain(p, r, 'doctors.d1.dutyShare')?.formula).toBe('min(1; 4 tim/v ÷ (tjänstgöringsgrad 0,8 × heltid 40 tim/v)) = 0,125');
    expect(explain(p, r, 'doctors.d1.presence')?.formula).toBe('1 − 6 veckors frånvaro ÷ 42 arbetsveckor per år = 0,857');
    expect(explain(p, r, 'doctors.d1.clinicalFte')?.formula).toBe('tjänstgöringsgrad 0,8 × (1 − 0,125 andel andra uppdrag) × närvaro 0,857 = 0,6');
  });
  it('the time model, with defaults marked as local assumptions', () => {
    const p = plan({ doctors: [doc({ duties: [{ kind: 'meetings', hoursPerWeek: 2 }] })] });
    const r = computePlan(p, { today: TODAY });
    expect(explain(p, r, 'doctors.d1.time.patientHoursYear')?.formula).toBe(sv('max(0; 1 × 40 tim/v − 2 tim/v) × 42 veckor × närvaro 1 = 1 596'));
    expect(explain(p, r, 'doctors.d1.time.directHoursYear')?.formula).toBe(sv('1 596 tim × (1 − 0,35 andel indirekt tid) = 1 037,4'));
    expect(explain(p, r, 'doctors.d1.time.visitMinutes')?.formula).toBe('0,6 × 30 min + (1 − 0,6) × 20 min = 26');
    expect(explain(p, r, 'doctors.d1.time.visitsYear')?.formula).toBe(sv('1 037,4 tim × 60 ÷ 26 min per besök = 2 394'));
    const cap = explain(p, r, 'doctors.d1.capacityTime');
    expect(cap?.formula).toBe(sv('2 394 besök/år × 0,7 andel för egna listan ÷ (1,5 besök per patient och år × vårdtyngd 1) = 1 117,2, avrundat nedåt = 1 117'));
    expect(cap?.inputs.find((i) => i.path === 'time.ownPatientShare')?.label).toContain('(lokalt antagande)');
  });
  it('a value the unit changed is not called a default', () => {
    const p = plan({ time: { ownPatientShare: 0.8 }, doctors: [doc()] });
    const cap = explain(p, computePlan(p, { today: TODAY }), 'doctors.d1.capacityTime');
    expect(cap?.inputs.find((i) => i.path === 'time.ownPatientShare')?.label).not.toContain('lokalt antagande');
  });
  it('unit numbers', () => {
    const p = plan({
      unit: { listed: 4000, careWeight: 1.05, withNamedDoctor: 2600 },
      doctors: [doc({ id: 'a' }), doc({ id: 'b', employment: 0.5 })],
    });
    const r = computePlan(p, { today: TODAY });
    expect(explain(p, r, 'unit.capacity')?.formula).toBe(sv('1 047 + 523 = 1 570'));
    expect(explain(p, r, 'unit.coverageToday')?.formula).toBe(sv('2 600 med fast läkarkontakt ÷ 4 000 listade = 65 %'));
    expect(explain(p, r, 'unit.gapPatients')?.formula).toBe(sv('max(0; 100 % × 4 000 listade → 4 000 − kapacitet 1 570) = 2 430'));
    expect(explain(p, r, 'unit.fteNeeded')?.formula).toBe(sv('2 430 patienter × vårdtyngd 1,05 ÷ 1 100 per heltid = 2,32'));
    expect(explain(p, r, 'unit.priorityCovered')?.formula).toBe(sv('min(0 prioriterade; kapacitet 1 570) = 0'));
  });
  it('the load ratio of a doctor without capacity is infinite, and a fictive list is named', () => {
    const p = plan({ doctors: [doc({ category: 'locum', listed: 800, fictiveListName: 'Vårdcentralen Test Dr X' })] });
    const e = explain(p, computePlan(p, { today: TODAY }), 'doctors.d1.loadRatio');
    expect(e?.formula).toBe('800 listade ÷ kapacitet 0 = ∞');
    expect(e?.notes.join(' ')).toContain('Vårdcentralen Test Dr X');
  });
});

describe('every explainable number of the demo plan', () => {
  const p = createDemoPlan();
  const r = computePlan(p, { today: TODAY });
  const all = explainablePaths(r);

  it('covers every doctor and unit number', () => {
    expect(all).toContain('unit.gapPatients');
    expect(all).toContain('doctors.d3.capacityGuideline');
    expect(all).toContain('doctors.d10.time.visitsYear');
    expect(all).not.toContain('doctors.d9.loadRatio'); // AT/BT without list: null
    expect(all).not.toContain('unit.stimulusSek'); // national: null
    expect(all.length).toBeGreaterThan(150);
  });
  it('gives each a label, a rule, a spec reference, and a formula that ends with the value', () => {
    for (const path of all) {
      const e = explain(p, r, path);
      expect(e, path).not.toBeNull();
      if (!e) continue;
      expect(e.label.length, path).toBeGreaterThan(3);
      expect(e.rule.length, path).toBeGreaterThan(10);
      expect(e.notes.some((n) => n.includes('domain.md')), path).toBe(true);
      const formatted = [formatNumber(e.value), formatDecimal(e.value, 1), formatDecimal(e.value, 2), formatDecimal(e.value, 3), `${formatDecimal(e.value * 100, 1)}\u00a0%`];
      expect(formatted.some((f) => e.formula.endsWith(`= ${f}`) || e.formula.endsWith(`→ ${f}`)), `${path}: ${e.formula}`).toBe(true);
    }
  });
  it('returns null for unknown paths', () => {
    expect(explain(p, r, 'unit.nonsense')).toBeNull();
    expect(explain(p, r, 'doctors.nobody.capacity')).toBeNull();
    expect(explain(p, r, 'doctors.d1.nonsense')).toBeNull();
    expect(explain(p, r, 'capacity')).toBeNull();
  });
});

describe('why the models differ', () => {
  it('names the time model per FTE (1 176 with the defaults) against the base, and the ST caveat', () => {
    const p = plan({ doctors: [doc({ id: 'a' }), doc({ id: 'b', category: 'st', stMonthsDone: 30, stMonthsTotal: 60 })] });
    const r = computePlan(p, { today: TODAY });
    const a = explain(p, r, 'doctors.a.capacity')?.notes.join(' ') ?? '';
    expect(a).toContain(sv('ger tidsmodellen 1 176 patienter'));
    expect(a).toContain(sv('riktvärdet 1 100'));
    expect(a).toContain(sv('Den andra modellen, tidsmodellen (nerifrån), ger 1 176'));
    const b = explain(p, r, 'doctors.b.capacityTime')?.notes.join(' ') ?? '';
    expect(b).toContain('ST-läkare');
  });
});

describe('stimulus explanation (VGR)', () => {
  it('lists the points per doctor and the sum formula', () => {
    const p = plan({ unit: { listed: 1000, withNamedDoctor: 800 }, doctors: [doc({ listed: 900, listPoints: 300, careWeightPoints: 20 })] }, 'vgr');
    const r = computePlan(p, { today: TODAY });
    const e = explain(p, r, 'unit.stimulusSek');
    expect(e?.formula).toBe(sv('12 kr per listningspoäng × 300 listningspoäng + 12 kr per vårdtyngdspoäng × 20 vårdtyngdspoäng = 3 840'));
    expect(e?.inputs.map((i) => i.path)).toEqual(['doctors.d1.listPoints', 'doctors.d1.careWeightPoints', 'unit.coverageToday']);
  });
  it('shows the threshold when coverage is too low', () => {
    const p = plan({ unit: { listed: 1000, withNamedDoctor: 600 }, doctors: [doc({ listed: 900, listPoints: 300 })] }, 'vgr');
    const e = explain(p, computePlan(p, { today: TODAY }), 'unit.stimulusSek');
    expect(e?.formula).toBe(sv('täckning 60 % under tröskeln 70 % → 0'));
  });
});

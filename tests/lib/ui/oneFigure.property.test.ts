// One number, one truth (issue 10.1): random plans, the demo and a 40-doctor unit rendered through every
// surface that shows a doctor's capacity or load or a unit share, outside a DOM — the doctor grid's cell
// text, the explanation's value and the end of its formula, the report's load text, the over-capacity
// finding's message, the scenario comparison, and the workbook cell (its value and its number format
// rendered as Excel renders it: 15 significant digits, half away from zero) — give the same string.
// (The Svelte surfaces — unit summary, report tables, charts' tables, APT figures, overview — print with
// the same fmt.<kind> calls, listed in the closing note; the e2e walk compares them on screen.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePlan, createDemoPlan, excelFormat, explain, fmt, type Plan, type QuantityKind } from '../../../src/lib/engine/index';
import { displayComputed } from '../../../src/lib/ui/doctors/columns';
import { loadText } from '../../../src/lib/ui/offline/report';
import { formatValue } from '../../../src/lib/ui/scenarios/format';
import { planArb } from '../io/arbitraries';
import { fortyDoctorPlan } from '../../fixtures/fortyDoctors';

const TODAY = '2026-12-01';
const space = (s: string) => s.replace(/[\u00a0\u202f ]/g, ' ');

/** What Excel/LibreOffice show for a number with one of our format codes ("#,##0", "0.0 %", "0.00"), in sv-SE. */
function cellText(kind: QuantityKind, v: number): string {
  const z = excelFormat(kind, v);
  const percent = /%/.test(z);
  const decimals = (/\.(0+)/.exec(z)?.[1] ?? '').length;
  const x = percent ? v * 100 : v;
  // Excel rounds the value as it reads it (15 significant digits), half away from zero.
  const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(15));
  const r = Math.round(scaled) / 10 ** decimals;
  const [int, frac] = r.toFixed(decimals).split('.');
  const grouped = z.includes('#,##0') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : int;
  return `${x < 0 && r !== 0 ? '-' : ''}${grouped}${frac ? ',' + frac : ''}${percent ? ' %' : ''}`;
}

function surfaces(plan: Plan): void {
  const r = computePlan(plan, { today: TODAY });
  for (const d of r.doctors) {
    for (const key of ['capacityGuideline', 'capacityTime'] as const) {
      const shown = fmt.patients(d[key]);
      const x = explain(plan, r, `doctors.${d.id}.${key}`);
      const all = {
        grid: displayComputed(d, key),
        explanation: x?.valueText,
        explanationFormula: x?.formula.split(/ = | → /).at(-1),
        scenarios: formatValue('patients', d[key]),
        workbook: cellText('patients', d[key]),
      };
      for (const [surface, text] of Object.entries(all)) expect(space(text ?? ''), `${d.name} ${key} (${surface})`).toBe(space(shown));
    }
    if (d.loadRatio === null) continue;
    const shown = fmt.load(d.loadRatio);
    const all: Record<string, string | undefined> = {
      grid: displayComputed(d, 'loadRatio'),
      report: loadText(d.loadRatio).value,
      explanation: explain(plan, r, `doctors.${d.id}.loadRatio`)?.valueText,
      ...(Number.isFinite(d.loadRatio) ? { workbook: cellText('load', d.loadRatio) } : {}),
    };
    const over = r.findings.find((f) => f.rule === 'over-capacity' && f.doctorId === d.id);
    if (over) all.finding = /belastning ([^)]*)\)/.exec(over.message)?.[1];
    for (const [surface, text] of Object.entries(all)) expect(space(text ?? ''), `${d.name} load (${surface})`).toBe(space(shown));
  }
  if (plan.unit.listed > 0) {
    for (const key of ['coverageToday', 'coveragePossible'] as const) {
      const v = r.unit[key];
      const shown = fmt.share(v);
      const all = {
        explanation: explain(plan, r, `unit.${key}`)?.valueText,
        scenarios: formatValue('share', v),
        workbook: cellText('share', v),
      };
      for (const [surface, text] of Object.entries(all)) expect(space(text ?? ''), `${key} (${surface})`).toBe(space(shown));
    }
  }
  const fte = r.unit.fteNeeded;
  expect(space(formatValue('fte', fte))).toBe(space(fmt.fte(fte)));
  expect(space(cellText('fte', fte))).toBe(space(fmt.fte(fte)));
}

describe('every surface shows a capacity, a load and a unit share with the same string', () => {
  it('the demo and a generated 40-doctor unit', () => {
    surfaces(createDemoPlan());
    surfaces(fortyDoctorPlan());
  });

  it('random plans', () => {
    fc.assert(fc.property(planArb, (plan) => surfaces(plan)), { numRuns: 300 });
  });

  it('loads on the rounding edge (x,5 %) read the same in the grid, the report, the finding and the workbook', () => {
    for (const listed of [1075, 1085, 1135, 1005, 1095, 1255]) {
      const plan: Plan = { ...createDemoPlan(), doctors: [{ id: 'e', name: 'Kant Fall', category: 'specialist', employment: 1, duties: [], listed }] };
      plan.unit = { ...plan.unit, careWeight: 1 };
      plan.doctors[0].duties = [];
      surfaces({ ...plan, time: { ...plan.time, fullTimeHours: 40 } } as Plan);
    }
  });
});

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { comparePlans } from '../../../../src/lib/engine/compare';
import { computePlan, createDemoPlan, createDoctor, type Plan } from '../../../../src/lib/engine/index';
import CompareTables from '../../../../src/lib/ui/scenarios/CompareTables.svelte';

const sp = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const TODAY = '2026-11-23';

function scenario(): { base: Plan; copy: Plan } {
  const base = createDemoPlan();
  const copy: Plan = structuredClone(base);
  copy.doctors = copy.doctors.map((d) => (d.name === 'Erik Johansson' ? { ...d, employment: 0.8 } : d));
  copy.doctors.push({ ...createDoctor('st', copy.doctors.map((d) => d.id)), name: 'Nya ST' });
  return { base, copy };
}

describe('CompareTables', () => {
  it('prints the engine numbers with signed, worded differences (not colour alone)', () => {
    const { base, copy } = scenario();
    const entries = [
      { name: 'Nuläge', plan: base, result: computePlan(base, { today: TODAY }) },
      { name: 'Höst 2027', plan: copy, result: computePlan(copy, { today: TODAY }) },
    ];
    const comparison = comparePlans(entries);
    render(CompareTables, { comparison, entries });

    const unit = screen.getByRole('table', { name: /^Enheten:/ });
    const capRow = within(unit).getByRole('row', { name: /^Kapacitet \(vald modell\)/ });
    const cells = within(capRow).getAllByRole('cell');
    const c0 = entries[0].result.unit.capacity;
    const c1 = entries[1].result.unit.capacity;
    expect(sp(cells[0].textContent)).toContain(sp(c0.toLocaleString('sv-SE')));
    const delta = c1 - c0;
    const word = delta > 0 ? 'bättre' : 'sämre';
    expect(sp(cells[1].textContent)).toMatch(new RegExp(`${delta > 0 ? '\\+' : '-'}${Math.abs(delta)}.*${word}`.replace(/(\d)(?=(\d{3})+\b)/g, '$1 ?')));

    const doctors = screen.getByRole('table', { name: /^Läkarna:/ });
    const erik = within(doctors).getByRole('row', { name: /Erik Johansson/ });
    expect(sp(erik.textContent)).toMatch(/-20,0 procentenheter/);
    const newSt = within(doctors).getByRole('row', { name: /Nya ST/ });
    expect(sp(newSt.textContent)).toMatch(/ny i scenariot: Höst 2027/);
    expect(sp(newSt.textContent)).toMatch(/finns inte/);

    // Every compared number is a button that opens the engine's explanation.
    expect(capRow.querySelectorAll('button[data-explain-path="unit.capacity"]')).toHaveLength(2);
  });
});

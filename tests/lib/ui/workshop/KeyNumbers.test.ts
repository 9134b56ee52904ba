// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { computePlan, createDemoPlan, createEmptyPlan, formatDecimal, formatNumber, formatPercent } from '../../../../src/lib/engine/index';
import KeyNumbers from '../../../../src/lib/ui/workshop/KeyNumbers.svelte';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');
const TODAY = '2026-11-23';

function card(label: string): HTMLElement {
  const dt = screen.getByText(label, { selector: 'dt' });
  return dt.parentElement as HTMLElement;
}

describe('KeyNumbers (APT)', () => {
  it('uses the unit view\'s wording and the engine\'s numbers', () => {
    const plan = createDemoPlan();
    const result = computePlan(plan, { today: TODAY });
    render(KeyNumbers, { plan, result, planName: 'Nuläge' });
    expect(card('Andel med fast läkarkontakt i dag')).toHaveTextContent(sp(formatPercent(result.unit.coverageToday, 1)));
    expect(card('Glapp (patienter utan plats)')).toHaveTextContent(sp(formatNumber(result.unit.gapPatients)));
    expect(card('Extra heltidsspecialister som behövs')).toHaveTextContent(sp(formatDecimal(result.unit.fteNeeded, 2)));
    expect(within(card('Extra heltidsspecialister som behövs')).getByRole('button')).toBeInTheDocument();
  });

  it('shows "–" for the shares of a unit with 0 listed, never NaN or 0 %', () => {
    const plan = createEmptyPlan('Tom enhet');
    const result = computePlan(plan, { today: TODAY });
    const { container } = render(KeyNumbers, { plan, result });
    expect(within(card('Andel med fast läkarkontakt i dag')).getByText('–')).toBeInTheDocument();
    expect(within(card('Möjlig andel med fast läkarkontakt')).getByText('–')).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });
});

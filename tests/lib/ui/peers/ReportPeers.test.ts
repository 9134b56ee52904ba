// @vitest-environment jsdom
// The report's part for what peers weigh (issue 16.2–16.4): the unit's free places, team and age index
// with how each is computed, and per doctor the visits per working day against the safe day.
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { computePlan, createDemoPlan, explain, fmt } from '../../../../src/lib/engine/index';
import ReportPeers from '../../../../src/lib/ui/peers/ReportPeers.svelte';

const sp = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const TODAY = '2026-11-23';

describe('ReportPeers', () => {
  it('prints the unit’s figures with their formula and one row per doctor', () => {
    const plan = createDemoPlan();
    const result = computePlan(plan, { today: TODAY });
    const { container } = render(ReportPeers, { plan, result });
    const unit = container.querySelector('table')!;
    const free = within(unit).getByRole('row', { name: /Lediga platser \(kapacitet − listade\)/ });
    expect(sp(free.textContent)).toContain(sp(fmt.patients(result.unit.freePlaces!)));
    expect(sp(free.textContent)).toContain(sp(explain(plan, result, 'unit.freePlaces')!.formula));
    // No team in the demo: no team rows.
    expect(within(unit).queryByRole('row', { name: /teamet/i })).toBeNull();
    const perDoctor = screen.getByTestId('report-peers-doctors');
    expect(within(perDoctor).getAllByRole('row')).toHaveLength(plan.doctors.length + 1);
    const anna = within(perDoctor).getByRole('row', { name: new RegExp(plan.doctors[0].name) });
    expect(sp(anna.textContent)).toContain(sp(fmt.perDay(result.doctors[0].visitsPerDay!)));
    expect(sp(container.textContent)).toContain('25 kontakter för en säker arbetsdag');
  });

  it('with a team and list ages: the team’s share, the patients it frees and the age index', () => {
    const plan = createDemoPlan();
    plan.unit = { ...plan.unit, delegation: { nurse: 0.2 }, listAges: { counts: [0, 0, 0, 0, 800, 0, 200, 0, 0] } };
    const result = computePlan(plan, { today: TODAY });
    const { container } = render(ReportPeers, { plan, result });
    const text = sp(container.textContent);
    expect(text).toContain(`Andel av läkarbesöken som teamet tar över${sp(fmt.percent(0.2))}`);
    expect(text).toContain(sp(fmt.patients(result.unit.teamPatients!)));
    expect(text).toContain(`Åldersindex för enheten${sp(fmt.careWeight(result.unit.ageIndex!))}`);
    expect(result.unit.ageIndex).toBeCloseTo(1.113, 3);
  });
});

// @vitest-environment jsdom
// One doctor's day, free places, team and ages (issue 16.2–16.4) as the doctor's page shows them: the
// figures through fmt, each with its formula from explain(), the safe day with its source, and "over"
// when the time model puts the doctor above it.
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { computePlan, createDemoPlan, explain, fmt } from '../../../../src/lib/engine/index';
import DoctorPeerFigures from '../../../../src/lib/ui/peers/DoctorPeerFigures.svelte';

const sp = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ');
const TODAY = '2026-11-23';

describe('DoctorPeerFigures', () => {
  it('shows visits per working day against the BMA’s safe day, and free places, each with its formula', async () => {
    const plan = createDemoPlan();
    const result = computePlan(plan, { today: TODAY });
    const d = result.doctors[0];
    const onWhy = vi.fn();
    const { container } = render(DoctorPeerFigures, { plan, result, doctorId: d.id, onWhy });
    const day = container.querySelector('[data-figure="visitsPerDay"]')!;
    expect(sp(day.textContent)).toContain(sp(fmt.perDay(d.visitsPerDay!)));
    expect(sp(day.textContent)).toContain('inom en säker arbetsdag (högst 25 kontakter)');
    expect(sp(day.textContent)).toContain(sp(explain(plan, result, `doctors.${d.id}.visitsPerDay`)!.formula));
    const free = container.querySelector('[data-figure="freePlaces"]')!;
    expect(sp(free.textContent)).toContain(sp(fmt.patients(d.freePlaces!)));
    expect(sp(screen.getByTestId('doctor-peer-figures').textContent)).toContain('British Medical Association');
    await userEvent.setup().click(screen.getAllByRole('button', { name: /Visa hela uträkningen: Besök per arbetsdag/ })[0]);
    expect(onWhy).toHaveBeenCalledWith(`doctors.${d.id}.visitsPerDay`);
  });

  it('says "over" when the day is above a lower safe day set in the profile, and shows the agreement and the team', () => {
    const plan = createDemoPlan();
    const id = plan.doctors[0].id;
    // The agreement's field (doctors' issue 13) read from the doctor, or from its bag of unknown fields before it lands.
    plan.doctors[0] = { ...plan.doctors[0], extra: { agreedListSize: 900 }, delegation: { nurse: 0.1 } };
    const base = computePlan(plan, { today: TODAY });
    const custom = { ...base.profile, id: 'custom', safeDayContacts: 5 };
    const result = computePlan({ ...plan, profile: custom } as typeof plan, { today: TODAY });
    const { container } = render(DoctorPeerFigures, { plan: { ...plan, profile: custom } as typeof plan, result, doctorId: id });
    expect(sp(container.querySelector('[data-figure="visitsPerDay"]')!.textContent)).toContain('över en säker arbetsdag (högst 5 kontakter)');
    expect(container.querySelector('[data-figure="freePlacesAgreed"]')).not.toBeNull();
    expect(container.querySelector('[data-figure="teamPatients"]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: /Visa hela uträkningen/ })).toBeNull();
  });
});

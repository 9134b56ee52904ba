// @vitest-environment jsdom
// Issue 10 item 2 on the demo: the unit part's "Prioriterade som ryms i kapaciteten" and Uppföljning →
// Fördelning are two differently named figures, and each says in one sentence why it differs from the
// other — with the same numbers on both sides (the unit's capacity, the free places to fill, X av Y).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../src/lib/state/app.svelte';
import { followup } from '../../src/lib/state/followup.svelte';
import { fmt } from '../../src/lib/engine/index';
import UnitView from '../../src/views/UnitView.svelte';
import FollowUpView from '../../src/views/FollowUpView.svelte';

vi.mock('../../src/lib/ui/charts/chartjs', () => ({ createBarChart: () => ({ update: () => {}, destroy: () => {} }) }));
vi.mock('../../src/lib/ui/followup/lineChart', () => ({ createLineChart: () => ({ update: () => {}, destroy: () => {} }) }));

const sp = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('priority patients: the unit part and the allocation read consistently (issue 10.2)', () => {
  it('both sentences carry the same capacity, the same free places and the same "X av Y"', async () => {
    const u = app.result!.unit;
    const free = fmt.patients(u.freePlacesOpen ?? 0);
    const covered = `${fmt.patients(u.priorityCovered)} av ${fmt.patients(u.priorityTotal)}`;
    const capacity = fmt.patients(u.capacity);

    render(UnitView);
    const unitWhy = sp(screen.getByTestId('priority-covered-why').textContent);
    expect(unitWhy).toContain(`kapacitet (${sp(capacity)} patienter)`);
    expect(unitWhy).toContain(`bara de ${sp(free)} lediga platserna`);
    cleanup();

    followup.tab = 'allocation';
    render(FollowUpView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Uppskatta från planen' }));
    await screen.findByTestId('allocation-proposal');
    const allocWhy = sp(screen.getByTestId('allocation-why-differs').textContent);
    // The allocation fills exactly the unit part's free places, and names the unit part's figure as it reads there.
    expect(followup.proposal!.freeSlots).toBe(u.freePlacesOpen);
    expect(allocWhy).toContain(`bara de ${sp(free)} lediga platserna`);
    expect(allocWhy).toContain(`”Prioriterade som ryms i kapaciteten” (${sp(covered)})`);
    expect(allocWhy).toContain(`kapacitet på ${sp(capacity)} patienter`);
    // What it places never exceeds the free places, and the priority patients it places are counted from the same plan.
    const summary = sp(screen.getByTestId('allocation-summary').textContent);
    expect(followup.proposal!.totalAssigned).toBeLessThanOrEqual(u.freePlacesOpen ?? 0);
    expect(summary).toContain(`av de prioriterade ${sp(fmt.count(followup.proposal!.priorityAssigned))} av ${sp(fmt.count(followup.proposal!.priorityPatients))}`);
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../src/lib/state/app.svelte';
import { followup } from '../../src/lib/state/followup.svelte';
import { formatPercent } from '../../src/lib/engine/index';
import FollowUpView from '../../src/views/FollowUpView.svelte';

// jsdom has no canvas: the lazily loaded Chart.js modules are replaced by recorders.
const lineSpecs: unknown[] = [];
vi.mock('../../src/lib/ui/followup/lineChart', () => ({
  createLineChart: (_c: unknown, spec: unknown) => {
    lineSpecs.push(spec);
    return { update: (s: unknown) => lineSpecs.push(s), destroy: () => {} };
  },
}));
vi.mock('../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: () => ({ update: () => {}, destroy: () => {} }),
}));

const sp = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

beforeAll(async () => {
  await app.start();
});

describe('FollowUpView', () => {
  it('tabs follow the WAI-ARIA pattern with arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    render(FollowUpView);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Ögonblicksbilder', 'Kontinuitet', 'Fördelning']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[1]).toHaveAttribute('tabindex', '-1');
    tabs[0].focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Kontinuitet' })).toHaveFocus());
    expect(screen.getByRole('tab', { name: 'Kontinuitet' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Kontinuitet');
    await user.keyboard('{End}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Fördelning' })).toHaveFocus());
    await user.keyboard('{Home}');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Ögonblicksbilder' })).toHaveFocus());
  });

  it('a snapshot from the plan shows in the list and in the chart table with the same share', async () => {
    const user = userEvent.setup();
    followup.tab = 'snapshots';
    render(FollowUpView);
    await user.click(screen.getByRole('button', { name: 'Ta ögonblicksbild från planen' }));
    const list = await screen.findByTestId('snapshot-list', {}, { timeout: 5000 });
    const u = app.plan!.unit;
    const share = formatPercent(u.withNamedDoctor / u.listed, 1);
    expect(sp(within(list).getAllByRole('row')[1].textContent)).toContain(sp(share));
    const table = screen.getByRole('table', { name: /andel med fast läkarkontakt per månad/i, hidden: true });
    expect(sp(table.textContent)).toContain(sp(share));
    await waitFor(() => expect(lineSpecs.length).toBeGreaterThan(0));
  });

  it('the allocation proposal lists every doctor with reasons behind a disclosure button', async () => {
    const user = userEvent.setup();
    followup.tab = 'allocation';
    render(FollowUpView);
    await user.click(screen.getByRole('button', { name: 'Uppskatta från planen' }));
    const proposal = await screen.findByTestId('allocation-proposal');
    expect(within(proposal).getAllByRole('row')).toHaveLength(app.plan!.doctors.length + 1);
    const why = within(proposal).getAllByRole('button', { name: /^Varför\?/ })[0];
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const list = document.getElementById(why.getAttribute('aria-controls')!)!;
    expect(list).toBeVisible();
    expect(sp(list.textContent)).toMatch(/Kapacitet|Tar inga patienter/);
  });
});

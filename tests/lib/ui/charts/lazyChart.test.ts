// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import type { BarSpec } from '../../../../src/lib/ui/charts/types';

// Chart.js replaced by a recorder: the lifecycle of the lazy chart is what is under test.
const calls = vi.hoisted(() => ({ created: [] as BarSpec[], updated: [] as BarSpec[], destroyed: 0 }));
vi.mock('../../../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: (_canvas: HTMLCanvasElement, spec: BarSpec) => {
    calls.created.push(spec);
    return { update: (s: BarSpec) => calls.updated.push(s), destroy: () => (calls.destroyed += 1) };
  },
}));

import BarChart from '../../../../src/lib/ui/charts/BarChart.svelte';

const props = (data: number[]) => ({
  title: 'Kapacitet',
  labels: ['A', 'B'],
  series: [{ label: 'Kapacitet', data, color: '#1f4e79' }],
  categoryHeader: 'Läkare',
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
  flushSync();
}

describe('lazy chart lifecycle', () => {
  it('creates the chart once loaded, updates it in place on new data, destroys it on unmount', async () => {
    const view = render(BarChart, props([1, 2]));
    await settle();
    expect(calls.created).toHaveLength(1);
    expect(calls.created[0].series[0].data).toEqual([1, 2]);

    await view.rerender(props([3, 4]));
    await settle();
    expect(calls.created).toHaveLength(1);
    expect(calls.updated.at(-1)?.series[0].data).toEqual([3, 4]);
    expect(calls.destroyed).toBe(0);

    view.unmount();
    expect(calls.destroyed).toBe(1);
  });
});

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

  it('a chart far off screen keeps its new data until it comes near, or the page prints; on screen it updates at once', async () => {
    let report: ((near: boolean) => void) | null = null;
    class FakeObserver {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        report = (near) => cb([{ isIntersecting: near }]);
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      calls.updated.length = 0;
      const view = render(BarChart, props([1, 2]));
      await settle();
      report!(false);
      await view.rerender(props([5, 6]));
      await settle();
      await view.rerender(props([7, 8]));
      await settle();
      expect(calls.updated).toHaveLength(0);
      report!(true);
      expect(calls.updated.map((u) => u.series[0].data)).toEqual([[7, 8]]);
      await view.rerender(props([9, 9]));
      await settle();
      expect(calls.updated.at(-1)?.series[0].data).toEqual([9, 9]);
      report!(false);
      await view.rerender(props([4, 4]));
      await settle();
      expect(calls.updated.at(-1)?.series[0].data).toEqual([9, 9]);
      window.dispatchEvent(new Event('beforeprint'));
      expect(calls.updated.at(-1)?.series[0].data).toEqual([4, 4]);
      view.unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

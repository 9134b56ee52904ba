/**
 * The only module that imports Chart.js. Loaded lazily (dynamic import from BarChart.svelte) so the
 * first view stays small; registers just what bar charts need (tree-shaking, stack-probe §3).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { BarSpec } from './types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// Readable on a projector; system fonts only (no network).
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1b1b1b';

export interface BarChartHandle {
  update(spec: BarSpec): void;
  destroy(): void;
}

function toConfigData(spec: BarSpec) {
  return {
    labels: [...spec.labels],
    datasets: spec.series.map((s) => ({
      label: s.label,
      data: [...s.data],
      backgroundColor: s.color,
      borderColor: s.border ?? '#1b1b1b',
      borderWidth: 1,
      stack: s.stack,
    })),
  };
}

/** Draw a bar chart on `canvas`; `update` swaps the data without animation (edits feel instant). */
export function createBarChart(canvas: HTMLCanvasElement, spec: BarSpec): BarChartHandle {
  const fmt = spec.format ?? ((n: number) => String(n));
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const chart = new Chart(canvas, {
    type: 'bar',
    data: toConfigData(spec),
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'sv-SE',
      plugins: {
        legend: { position: 'bottom', labels: { color: '#1b1b1b', font: { size: 14 } } },
        tooltip: {
          callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${fmt(Number(ctx.raw))}` },
        },
      },
      scales: {
        x: {
          stacked: spec.stacked,
          ticks: { color: '#1b1b1b', ...(valueAxis === 'x' ? { callback: (v) => fmt(Number(v)) } : {}) },
          ...(valueAxis === 'x' && spec.max !== undefined ? { max: spec.max } : {}),
          beginAtZero: true,
        },
        y: {
          stacked: spec.stacked,
          ticks: { color: '#1b1b1b', ...(valueAxis === 'y' ? { callback: (v) => fmt(Number(v)) } : {}) },
          ...(valueAxis === 'y' && spec.max !== undefined ? { max: spec.max } : {}),
          beginAtZero: true,
        },
      },
    },
  });
  let lastKey = '';
  return {
    update(next: BarSpec) {
      const d = toConfigData(next);
      // Same numbers and labels (an edit that moved nothing on this chart): skip Chart.js's layout pass.
      const key = JSON.stringify([d.labels, d.datasets.map((x) => [x.label, x.data, x.backgroundColor])]);
      if (key === lastKey) return;
      lastKey = key;
      // New label objects make Chart.js parse the category axis again: only when they changed.
      const labels = chart.data.labels ?? [];
      if (labels.length !== d.labels.length || d.labels.some((l, i) => l !== labels[i])) chart.data.labels = d.labels;
      // Reuse dataset objects when the series keep their order, so Chart.js only updates values.
      if (chart.data.datasets.length === d.datasets.length) {
        d.datasets.forEach((ds, i) => Object.assign(chart.data.datasets[i], ds));
      } else {
        chart.data.datasets = d.datasets;
      }
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}

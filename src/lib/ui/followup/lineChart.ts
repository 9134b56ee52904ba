/**
 * Lazily loaded Chart.js line chart for the follow-up trends. Registers only what a line chart with
 * a legend and tooltips needs (tree-shaking; the brief: register only what you use).
 */
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface LineSeries {
  /** A stable id (a doctor's id, a fixed word for the unit's lines): keys, never the label (two doctors may share a name). */
  key: string;
  label: string;
  data: (number | null)[];
  color: string;
  /** Dashed reference line (threshold/goal): told apart from data by dash and legend, not colour alone. */
  dashed?: boolean;
  /** Point style so series differ without colour. */
  pointStyle?: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'star';
}

export interface LineSpec {
  labels: string[];
  series: LineSeries[];
  format: (n: number) => string;
  min?: number;
  max?: number;
}

export interface LineChartHandle {
  update(spec: LineSpec): void;
  destroy(): void;
}

function data(spec: LineSpec) {
  return {
    labels: [...spec.labels],
    datasets: spec.series.map((s) => ({
      label: s.label,
      data: [...s.data],
      borderColor: s.color,
      backgroundColor: s.color,
      borderWidth: s.dashed ? 2 : 3,
      borderDash: s.dashed ? [8, 5] : [],
      // 'line' gives a dashed reference line a line marker in the legend.
      pointStyle: s.dashed ? ('line' as const) : (s.pointStyle ?? 'circle'),
      pointRadius: s.dashed ? 0 : 5,
      spanGaps: true,
      tension: 0,
    })),
  };
}

export function createLineChart(canvas: HTMLCanvasElement, spec: LineSpec): LineChartHandle {
  let fmt = spec.format;
  const chart = new Chart(canvas, {
    type: 'line',
    data: data(spec),
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'sv-SE',
      plugins: {
        legend: { position: 'bottom', labels: { color: '#1b1b1b', font: { size: 14 }, usePointStyle: true } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${ctx.raw === null ? '–' : fmt(Number(ctx.raw))}` } },
      },
      scales: {
        x: { ticks: { color: '#1b1b1b', font: { size: 14 } } },
        y: {
          min: spec.min,
          max: spec.max,
          ticks: { color: '#1b1b1b', font: { size: 14 }, callback: (v) => fmt(Number(v)) },
        },
      },
    },
  });
  return {
    update(next) {
      fmt = next.format;
      const d = data(next);
      chart.data.labels = d.labels;
      chart.data.datasets = d.datasets;
      const y = chart.options.scales?.y;
      if (y) {
        y.min = next.min;
        y.max = next.max;
      }
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}

/**
 * Lazily loaded Chart.js module of Översikt: horizontal bars per unit (coverage today and possible,
 * or the gap) with dashed vertical goal lines (the profiles' thresholds, the national goal) drawn by
 * a small plugin. Registers only what it uses (tree-shaking; the brief: register only what you use).
 * The legend is HTML beside the canvas (OverviewCharts.svelte), so it never scrolls away.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface GoalLine {
  value: number;
  label: string;
  color: string;
  /** Dash pattern, so lines differ by more than colour. */
  dash: number[];
}

export interface OverviewBarSpec {
  labels: string[];
  series: { label: string; data: (number | null)[]; color: string }[];
  lines: GoalLine[];
  format: (n: number) => string;
  /** Axis ticks (round values: "10 %" rather than "10,0 %"); default `format`. */
  tickFormat?: (n: number) => string;
  max?: number;
}

export interface OverviewChartHandle {
  update(spec: OverviewBarSpec): void;
  destroy(): void;
}

function goalLinesPlugin(get: () => GoalLine[]): Plugin<'bar'> {
  return {
    id: 'overviewGoalLines',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      for (const line of get()) {
        const px = x.getPixelForValue(line.value);
        if (!Number.isFinite(px) || px < chart.chartArea.left || px > chart.chartArea.right) continue;
        ctx.save();
        ctx.strokeStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(line.dash);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, bottom);
        ctx.stroke();
        ctx.restore();
      }
    },
  };
}

function datasets(spec: OverviewBarSpec) {
  return spec.series.map((s) => ({ label: s.label, data: [...s.data], backgroundColor: s.color, borderColor: '#1b1b1b', borderWidth: 1 }));
}

export function createOverviewChart(canvas: HTMLCanvasElement, spec: OverviewBarSpec): OverviewChartHandle {
  // A browser that cannot draw (no 2D context) gets the table instead: lazyChart reports the failure.
  if (!canvas.getContext('2d')) throw new Error('canvas');
  let current = spec;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [...spec.labels], datasets: datasets(spec) },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'sv-SE',
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${ctx.raw === null ? '–' : current.format(Number(ctx.raw))}` } },
      },
      scales: {
        x: {
          beginAtZero: true,
          max: spec.max,
          ticks: { color: '#1b1b1b', callback: (v) => (current.tickFormat ?? current.format)(Number(v)) },
        },
        y: { ticks: { color: '#1b1b1b', autoSkip: false } },
      },
    },
    plugins: [goalLinesPlugin(() => current.lines)],
  });
  const keyOf = (x: OverviewBarSpec) => JSON.stringify([x.labels, x.series.map((s) => [s.label, s.data]), x.lines.map((l) => [l.label, l.value]), x.max]);
  let lastKey = keyOf(spec);
  let pending: OverviewBarSpec | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    const next = pending;
    pending = null;
    if (!next) return;
    current = next;
    chart.data.labels = [...next.labels];
    chart.data.datasets = datasets(next);
    const x = chart.options.scales?.x;
    if (x) x.max = next.max;
    chart.update('none');
  };
  return {
    update(next) {
      // Same labels, numbers and lines: nothing to redraw.
      const key = keyOf(next);
      if (key === lastKey) return;
      lastKey = key;
      // The table's figures paint first; the chart follows in the next frame (an edit stays fast).
      pending = next;
      if (!frame) frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(draw) : (draw(), 0);
    },
    destroy() {
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      chart.destroy();
    },
  };
}

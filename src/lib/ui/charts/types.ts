/** Data of a bar chart (BarChart.svelte); plain values so the lazy Chart.js module gets no proxies. */
export interface BarSeries {
  label: string;
  data: number[];
  /** Fill colour; series are also told apart by the legend text and the table, never by colour alone. */
  color: string;
  border?: string;
  /** Series with the same stack id are stacked (with `stacked: true`). */
  stack?: string;
}

export interface BarSpec {
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  /** Bars along the x axis (one row per category). */
  horizontal?: boolean;
  /** Format of values on the axis, tooltip and table (sv-SE). */
  format?: (n: number) => string;
  /** Fixed maximum of the value axis (e.g. 1 for shares). */
  max?: number;
}

/** Colours with ≥ 3:1 contrast against white (WCAG 1.4.11 non-text contrast). */
export const CHART_COLORS = {
  blue: '#1f4e79',
  orange: '#b45309',
  teal: '#0f766e',
  purple: '#6b21a8',
  grey: '#6b7280',
  red: '#b91c1c',
} as const;

/** Doctors per page of the per-doctor charts (ChartsView): about a screen of bars. */
export const DOCTORS_PER_PAGE = 40;

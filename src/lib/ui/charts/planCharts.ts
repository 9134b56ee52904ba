/** The three plan charts as plain data (labels + series) built from the engine's result. */
import type { PlanResult } from '../../engine/index';
import { CHARTS } from '../../strings/charts.sv';
import { CHART_COLORS, type BarSeries } from './types';

export interface ChartData {
  labels: string[];
  series: BarSeries[];
}

/** Per doctor: capacity of the chosen model vs the current list (domain.md §4 load). */
export function capacityVsListChart(result: PlanResult): ChartData {
  return {
    labels: result.doctors.map((d) => d.name),
    series: [
      { label: CHARTS.capacity, data: result.doctors.map((d) => d.capacity), color: CHART_COLORS.blue },
      { label: CHARTS.listed, data: result.doctors.map((d) => d.listed ?? 0), color: CHART_COLORS.orange },
    ],
  };
}

/** Per doctor: the year's hours split as the time model does (domain.md §3), stacked. */
export function timeBudgetChart(result: PlanResult): ChartData {
  const t = result.doctors.map((d) => d.time);
  return {
    labels: result.doctors.map((d) => d.name),
    series: [
      { label: CHARTS.direct, data: t.map((x) => Math.round(x.directHoursYear)), color: CHART_COLORS.blue, stack: 'h' },
      { label: CHARTS.indirect, data: t.map((x) => Math.round(x.indirectHoursYear)), color: CHART_COLORS.teal, stack: 'h' },
      { label: CHARTS.duties, data: t.map((x) => Math.round(x.dutyHoursYear)), color: CHART_COLORS.orange, stack: 'h' },
      { label: CHARTS.absence, data: t.map((x) => Math.round(x.absenceHoursYear)), color: CHART_COLORS.grey, stack: 'h' },
    ],
  };
}

/** Unit coverage: today, possible with the current doctors, and the target (shares, domain.md §4). */
export function coverageChart(result: PlanResult, targetCoverage: number): ChartData {
  return {
    labels: [CHARTS.share],
    series: [
      { label: CHARTS.today, data: [result.unit.coverageToday], color: CHART_COLORS.orange },
      { label: CHARTS.possible, data: [result.unit.coveragePossible], color: CHART_COLORS.blue },
      { label: CHARTS.target, data: [targetCoverage], color: CHART_COLORS.teal },
    ],
  };
}

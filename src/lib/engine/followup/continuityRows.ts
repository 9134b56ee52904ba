/** Continuity figures as sheets of rows for the export (aggregates only). */
import type { ContinuityResult, Histogram } from './types';

type Cell = string | number | null;

/**
 * Continuity figures as sheets of rows (unit figures with the options and formulas, per doctor,
 * histograms) for the export. Aggregates only: no patient-level rows, no patient keys.
 */
export function continuityRows(
  r: ContinuityResult,
  labels: {
    unit: { heading: string; rows: [string, Cell][] };
    doctorHeaders: string[];
    histHeaders: string[];
    histNames: { upc: string; coc: string; named: string };
  },
  doctorName: (key: string) => string | null,
): { unit: Cell[][]; doctors: Cell[][]; histograms: Cell[][] } {
  const unit: Cell[][] = [[labels.unit.heading], ...labels.unit.rows.map(([k, v]) => [k, v] as Cell[])];
  const doctors: Cell[][] = [labels.doctorHeaders];
  for (const d of r.doctors) {
    if (d.contacts === 0 && !(d.namedPatients ?? 0)) continue;
    doctors.push([
      d.key,
      doctorName(d.key),
      d.mostSeenPatients,
      d.mostSeenMeanUpc,
      d.mostSeenMeanCoc,
      d.namedPatients,
      d.namedMeanShare,
      d.namedMeanUpc,
      d.namedMeanCoc,
      d.contacts,
    ]);
  }
  const histograms: Cell[][] = [labels.histHeaders];
  const add = (name: string, h: Histogram | null) => {
    if (!h) return;
    h.edges.forEach((e, i) => histograms.push([name, e, i === h.edges.length - 1 ? 1 : h.edges[i + 1], h.counts[i]]));
  };
  add(labels.histNames.upc, r.upcHistogram);
  add(labels.histNames.coc, r.cocHistogram);
  add(labels.histNames.named, r.namedShareHistogram);
  return { unit, doctors, histograms };
}

/**
 * The coverage trend as CSV (domain.md §6 follow-up export), written by the one CSV writer
 * (io/tabular: `;`, decimal comma, BOM, CRLF, formula-injection escape). The rows are the engine's
 * (trendRows), the same the xlsx export and the table alternative show. Moved here from the engine:
 * writing files is io's (issue 17.5).
 */
import { trendRows, type Trend } from '../engine/followup/index';
import { writeCsv } from './tabular/writer';

/** CSV (semicolon, decimal comma, as Swedish Excel opens it) of the trend rows. */
export function trendCsv(trend: Trend): string {
  return writeCsv(trendRows(trend));
}

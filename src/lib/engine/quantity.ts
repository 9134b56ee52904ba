/**
 * One formatter per kind of quantity (issue "One number, one truth"). Every surface — grid, unit
 * summary, findings, explanations, report, charts and their tables, APT, scenarios, follow-up,
 * overview and the exported workbooks — prints a number through `fmt.<kind>` (app) or sets the cell
 * format from `excelFormat(kind, value)` (workbooks), so one figure reads the same everywhere.
 *
 * Rounding is decided here and only here:
 * - half away from zero on the decimal value (as Excel and LibreOffice display it), never
 *   binary `toFixed` (1,005 → "1,01", not "1,00");
 * - values are first rounded to 9 decimals (domain.md: 1 100 × 0,7 is 770), so float noise never shows.
 */
import { NBSP, formatNumber } from './format';

export type QuantityKind =
  /** Whole patients or inhabitants (capacities, listed, gap); a fractional limit shows one decimal. */
  | 'patients'
  /** Listningspoäng / care-weight points: what was typed, up to one decimal (310,5 stays 310,5). */
  | 'points'
  /** A share of a population as percent with one decimal: coverage, named-doctor share ("62,2 %"). */
  | 'share'
  /** A typed percentage such as tjänstgöringsgrad or a target: up to one decimal ("80 %", "62,5 %"). */
  | 'percent'
  /** A doctor's load, listed ÷ capacity, in whole percent ("107 %"); no capacity → "∞". */
  | 'load'
  /** Full-time equivalents, two decimals ("1,25"). */
  | 'fte'
  /** Hours (per week or per year; the label says which), up to one decimal ("2", "2,5", "1 092"). */
  | 'hours'
  /** Weeks, up to one decimal. */
  | 'weeks'
  /** Months, up to one decimal. */
  | 'months'
  /** Minutes, up to one decimal. */
  | 'minutes'
  /** Visits or contacts in a year, whole. */
  | 'visits'
  /** Swedish kronor, whole, with "kr". */
  | 'sek'
  /** A care-weight index: two decimals, three when typed so ("1,05", "1,125"). */
  | 'careWeight'
  /** A dimensionless factor inside a formula chain (clinical FTE 0,7, presence 0,857): up to three decimals. */
  | 'factor'
  /** A plain count (rows, doctors, units), whole. */
  | 'count'
  /** Visits or contacts per working day (domain.md §9, a safe day), up to one decimal ("12,4", "25"). */
  | 'perDay'
  /** Visits per person a year (the age index's rates, domain.md §9), up to two decimals ("3,2", "1,87"). */
  | 'perPerson'
  /** A continuity index between 0 and 1 (UPC, Bice–Boxerman COC; domain.md §6), up to two decimals ("0,67", "0,7"). */
  | 'index';

export const QUANTITY_KINDS: readonly QuantityKind[] = [
  'patients', 'points', 'share', 'percent', 'load', 'fte', 'hours', 'weeks', 'months', 'minutes', 'visits', 'sek', 'careWeight', 'factor', 'count',
  'perDay', 'perPerson', 'index',
];

const MISSING = '–';

/** Decimals actually needed to show `x` with at most `max` decimals (trailing zeros dropped). */
function neededDecimals(x: number, max: number): number {
  const s = formatNumber(x, max);
  const comma = s.indexOf(',');
  if (comma < 0) return 0;
  const frac = s.slice(comma + 1).replace(/0+$/, '');
  return frac.length;
}

/** `x` with at most `max` decimals, trailing zeros dropped (one rounding, as neededDecimals decides). */
function upTo(x: number, max: number): string {
  if (Number.isInteger(x)) return formatNumber(x);
  const s = formatNumber(x, max);
  return s.includes(',') ? s.replace(/,?0+$/, '') : s;
}

function pct(share: number, decimals: number): string {
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

const FORMATTERS: Record<QuantityKind, (x: number) => string> = {
  patients: (x) => upTo(x, 1),
  points: (x) => upTo(x, 1),
  share: (x) => pct(x, 1),
  percent: (x) => pct(x, neededDecimals(x * 100, 1)),
  load: (x) => (x === Infinity ? '∞' : pct(x, 0)),
  fte: (x) => formatNumber(x, 2),
  hours: (x) => upTo(x, 1),
  weeks: (x) => upTo(x, 1),
  months: (x) => upTo(x, 1),
  minutes: (x) => upTo(x, 1),
  visits: (x) => formatNumber(x, 0),
  sek: (x) => `${formatNumber(x, 0)}${NBSP}kr`,
  careWeight: (x) => formatNumber(x, Math.max(2, neededDecimals(x, 3))),
  factor: (x) => upTo(x, 3),
  count: (x) => formatNumber(x, 0),
  perDay: (x) => upTo(x, 1),
  perPerson: (x) => upTo(x, 2),
  index: (x) => upTo(x, 2),
};

/** Formats a value of a kind; null, undefined and NaN read "–". */
export function formatQuantity(kind: QuantityKind, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  return FORMATTERS[kind](value);
}

/**
 * `fmt.patients(1100)` → "1 100", `fmt.share(0.622)` → "62,2 %", `fmt.load(1.074)` → "107 %",
 * `fmt.fte(0.5)` → "0,50", `fmt.careWeight(1.05)` → "1,05", `fmt.sek(12480)` → "12 480 kr".
 */
export const fmt = Object.fromEntries(
  QUANTITY_KINDS.map((k) => {
    // Each kind's own formatter captured directly (no lookup per call: findings format thousands of numbers).
    const f = FORMATTERS[k];
    return [k, (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? MISSING : f(value))];
  }),
) as Record<QuantityKind, (value: number | null | undefined) => string>;

/** A signed difference of a kind: "+330", "-0,25", "+5,0 procentenheter"; "±0" when unchanged. */
export function formatQuantityDelta(kind: QuantityKind, delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return '';
  if (Math.abs(delta) < 1e-9) return '±0';
  const sign = delta > 0 ? '+' : '';
  if (kind === 'share' || kind === 'percent' || kind === 'load') {
    const decimals = kind === 'load' ? 0 : 1;
    return `${sign}${formatNumber(delta * 100, decimals)} procentenheter`;
  }
  return `${sign}${formatQuantity(kind, delta)}`;
}

/**
 * The workbook cell number format for a value of a kind: the same rounding and decimals as `fmt`
 * (format codes are stored in en-US notation and shown with the reader's locale: "1 100", "62,2 %").
 * Kinds that show "what was typed" choose the decimals from the value itself.
 */
export function excelFormat(kind: QuantityKind, value?: number | null): string {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  const fixed = (d: number) => (d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`);
  switch (kind) {
    case 'patients':
    case 'points':
    case 'hours':
    case 'weeks':
    case 'months':
    case 'minutes':
      return fixed(neededDecimals(v, 1));
    // Grouped like fmt (a share above 1 000 % is "610 000,0 %" there, so here too).
    case 'share':
      return '#,##0.0 %';
    case 'percent':
      return neededDecimals(v * 100, 1) === 0 ? '#,##0 %' : '#,##0.0 %';
    case 'load':
      return '#,##0 %';
    case 'fte':
      return '#,##0.00';
    case 'careWeight':
      return neededDecimals(v, 3) > 2 ? '0.000' : '0.00';
    case 'factor':
      return neededDecimals(v, 3) === 0 ? '0' : `0.${'0'.repeat(neededDecimals(v, 3))}`;
    case 'sek':
      return '#,##0 "kr"';
    case 'visits':
    case 'count':
      return '#,##0';
    case 'perDay':
      return neededDecimals(v, 1) === 0 ? '0' : '0.0';
    case 'perPerson':
    case 'index':
      return neededDecimals(v, 2) === 0 ? '0' : `0.${'0'.repeat(neededDecimals(v, 2))}`;
  }
}

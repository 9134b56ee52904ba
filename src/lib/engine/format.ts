/**
 * Swedish (sv-SE) number formatting for every number the user sees: "1 100", "0,8", "72 %".
 * Our own rather than Intl: Intl's sv-SE minus is U+2212, which does not survive copy → paste into
 * Excel; we keep ASCII "-" and a no-break space (U+00A0) as thousands separator, as Excel sv-SE does.
 */
export const NBSP = '\u00a0';

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * |x| rounded half away from zero to `decimals`, on its decimal value as a spreadsheet shows it
 * (1,005 → 1,01; binary toFixed gives 1,00), after rounding to 9 decimals (no float noise), as text.
 */
function fixedHalfUp(abs: number, decimals: number): string {
  const r9 = Math.abs(abs) >= 9e6 ? abs : Math.round(abs * 1e9) / 1e9;
  if (decimals <= 9) {
    // Arithmetic first (the common case, and fast): the shifted value rounded to 9 decimals again is its
    // decimal value (1,005 × 100 = 100,49999… in binary is 100,5), then half away from zero.
    const scaled = r9 * 10 ** decimals;
    if (scaled < 9e6) return (Math.round(Math.round(scaled * 1e9) / 1e9) / 10 ** decimals).toFixed(decimals);
  }
  const s = String(r9);
  if (s.includes('e') || decimals > 9) return r9.toFixed(decimals);
  const shifted = Math.round(Number(`${s}e${decimals}`));
  return Number(`${shifted}e-${decimals}`).toFixed(decimals);
}

/** A whole number with thousands grouped, without the regular expressions (findings print thousands of these). */
function formatInteger(x: number): string {
  let s = String(Math.abs(x));
  if (s.length <= 3) return x < 0 ? '-' + s : s;
  let out = '';
  while (s.length > 3) {
    out = NBSP + s.slice(-3) + out;
    s = s.slice(0, -3);
  }
  return (x < 0 ? '-' : '') + s + out;
}

/** Format with a fixed number of decimals (default 0): formatNumber(1100) → "1 100", formatNumber(0.8, 1) → "0,8". */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '–';
  if (decimals === 0 && Number.isInteger(value) && Math.abs(value) < 1e15) return formatInteger(value === 0 ? 0 : value);
  const fixed = fixedHalfUp(Math.abs(value), decimals);
  const negative = value < 0 && Number(fixed) !== 0;
  if (decimals === 0 && fixed.length < 16) return (negative ? '-' : '') + formatInteger(Number(fixed));
  const [intPart, frac] = fixed.split('.');
  return (negative ? '-' : '') + groupThousands(intPart) + (frac ? ',' + frac : '');
}

/** Up to `maxDecimals`, trailing zeros dropped: formatDecimal(0.75) → "0,75", formatDecimal(1) → "1". */
export function formatDecimal(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const s = formatNumber(value, maxDecimals);
  return s.includes(',') ? s.replace(/,?0+$/, '') : s;
}

/** A share as percent: formatPercent(0.723) → "72 %", formatPercent(0.7234, 1) → "72,3 %". */
export function formatPercent(share: number, decimals = 0): string {
  return formatNumber(share * 100, decimals) + NBSP + '%';
}

/**
 * Parse a number typed or pasted by a Swedish user: "1 100", "1 100", "0,8", "80 %", "80%", "-3", "1.5".
 * Percent signs divide by 100. Returns null for anything that is not a clean number.
 */
export function parseSwedishNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  let s = text.trim().replace(/[\u00a0\u202f\u2009 ]/g, '').replace(/\u2212/g, '-');
  if (s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  // One comma is a decimal comma; dots alone are decimal points ("1.5"), but "1.100,5" is thousands + comma.
  if (s.includes(',')) {
    if ((s.match(/,/g) ?? []).length > 1) return null;
    s = s.replace(/\./g, '').replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

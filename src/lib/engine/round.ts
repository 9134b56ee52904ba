/**
 * Whole-patient rounding (domain.md, introduction): capacities are whole patients, `floor`
 * after rounding to 9 decimals, so 1 100 × 0,7 (= 769,999…9 in binary floating point) is 770.
 */
export function round9(x: number): number {
  if (!Number.isFinite(x)) return x;
  // Beyond ~9e6 the product below would lose integer precision; at that size the binary error is far below 1e-9 anyway.
  if (Math.abs(x) >= 9e6) return x;
  return Math.round(x * 1e9) / 1e9;
}

/** Whole patients, rounded down after rounding to 9 decimals. */
export function floorPatients(x: number): number {
  return Math.floor(round9(x));
}

/** Whole patients, rounded up after rounding to 9 decimals (gapPatients). */
export function ceilPatients(x: number): number {
  return Math.ceil(round9(x));
}

export function clamp(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}

/** A finite number or the fallback (computePlan is defensive about half-edited plans). */
export function num(x: unknown, fallback = 0): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

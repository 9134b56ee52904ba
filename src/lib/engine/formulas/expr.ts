/**
 * A formula with the actual numbers, as a small tree: what a declaration's `expr` returns and what the
 * printer (print.ts) turns into plain Swedish text such as `1 100 × 80 % × (1 − 4 / 32) ÷ 1,12`.
 * Only explanations build these trees; the kernels never do (they stay plain arithmetic).
 */
import { parseSwedishNumber } from '../format';
import { fmt, type QuantityKind } from '../quantity';

export type Op = '+' | '−' | '×' | '÷' | '/';

/** A number the user typed (or a default, or a profile value), printed through fmt.<kind>. */
export interface Leaf {
  t: 'num';
  v: number;
  k: QuantityKind;
  /** What the number is, for the list of inputs (none for plain constants such as the 1 in 1 − x). */
  label?: string;
  /** The input's explain/field path, for the UI to jump to (never printed). */
  path?: string;
}

/**
 * A computed value with the expression it came from. In a chain it is printed as its value when it is
 * `keep` (a named step, explained on a line of its own) and prints exactly; otherwise its expression is
 * written out in place, so the chain always reaches the typed inputs and always recomputes.
 */
export interface Val {
  t: 'val';
  v: number;
  k: QuantityKind;
  e: Expr;
  label: string;
  path?: string;
  keep: boolean;
  /** Printed as its value when exact, but without a step line of its own (a term of a long sum). */
  quiet?: boolean;
}

export interface Bin {
  t: 'bin';
  op: Op;
  l: Expr;
  r: Expr;
}

export interface Fn {
  t: 'fn';
  fn: 'min' | 'max';
  args: Expr[];
}

/** Whole patients: rounded down (capacities) or up (the target), after rounding to 9 decimals. */
export interface Round {
  t: 'round';
  dir: 'down' | 'up';
  e: Expr;
  /** The value before rounding. */
  raw: number;
}

/** A value that follows from a rule, not from arithmetic: "hyrläkare: ingen lista som fast läkarkontakt → 0". */
export interface Said {
  t: 'said';
  text: string;
  v: number;
  k: QuantityKind;
}

export type Expr = Leaf | Val | Bin | Fn | Round | Said;

export function num(v: number, k: QuantityKind, label?: string, path?: string): Leaf {
  const leaf: Leaf = { t: 'num', v, k };
  if (label !== undefined) leaf.label = label;
  if (path !== undefined) leaf.path = path;
  return leaf;
}

/** A plain constant of a formula (the 1 in 1 − x, the 60 minutes of an hour). */
export const one: Leaf = { t: 'num', v: 1, k: 'factor' };
export const constant = (v: number): Leaf => ({ t: 'num', v, k: 'factor' });

export function bin(op: Op, l: Expr, r: Expr): Bin {
  return { t: 'bin', op, l, r };
}
export const add = (l: Expr, r: Expr) => bin('+', l, r);
export const sub = (l: Expr, r: Expr) => bin('−', l, r);
export const div = (l: Expr, r: Expr) => bin('÷', l, r);
/** "a of b" (4 / 32 of the week, 18 / 60 of the training): a division written with a slash. */
export const ratio = (l: Expr, r: Expr) => bin('/', l, r);

/** a × b × c …, left to right. */
export function mul(first: Expr, ...rest: Expr[]): Expr {
  return rest.reduce<Expr>((acc, x) => bin('×', acc, x), first);
}

/** a + b + c …; an empty sum is 0. */
export function sum(terms: Expr[], k: QuantityKind): Expr {
  if (terms.length === 0) return num(0, k);
  return terms.slice(1).reduce<Expr>((acc, x) => bin('+', acc, x), terms[0]);
}

export const min = (...args: Expr[]): Fn => ({ t: 'fn', fn: 'min', args });
export const max = (...args: Expr[]): Fn => ({ t: 'fn', fn: 'max', args });

export const roundDown = (e: Expr, raw: number): Round => ({ t: 'round', dir: 'down', e, raw });
export const roundUp = (e: Expr, raw: number): Round => ({ t: 'round', dir: 'up', e, raw });
export const said = (text: string, v: number, k: QuantityKind): Said => ({ t: 'said', text, v, k });

/** Whether fmt.<kind> prints `v` exactly (so a reader who recomputes from the printed number gets the same). */
export function printsExactly(v: number, k: QuantityKind): boolean {
  const back = parseSwedishNumber(fmt[k](v).replace(/\u00a0kr$/, ''));
  return back !== null && Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v));
}

/**
 * Prints a formula tree (expr.ts) as plain Swedish with the user's numbers: the formula of the number
 * itself, the steps it rests on (each named value on a line of its own, down to the typed inputs) and
 * the inputs it used. Every number goes through fmt.<kind>; a named value is printed as its value only
 * when that prints exactly, otherwise its expression is written out, so every printed line recomputes
 * to the value it shows.
 */
import { FORMULA_WORDS } from '../../strings/formulas.sv';
import { formatDecimal } from '../format';
import { fmt } from '../quantity';
import { round9 } from '../round';
import { printsExactly, type Expr, type Op, type Val } from './expr';

export interface Step {
  /** What the value is: "Veckoarbetstid (timmar)". */
  label: string;
  /** "80 % × 40 = 32". */
  formula: string;
  /** The value's explain path, when it has one. */
  path?: string;
}

export interface InputLine {
  label: string;
  value: string;
  path?: string;
}

export interface Printed {
  formula: string;
  steps: Step[];
  inputs: InputLine[];
}

const PREC: Record<Op, number> = { '+': 1, '−': 1, '×': 2, '÷': 2, '/': 2 };
const ATOM = 3;

/** The value before rounding, with just enough decimals to tell it from a whole number (1 047,62; 686,996). */
export function rawText(raw: number): string {
  for (let d = 1; d <= 9; d++) {
    const s = formatDecimal(raw, d);
    if (s.includes(',')) return s;
  }
  return formatDecimal(raw, 9);
}

class Printer {
  readonly steps: Step[] = [];
  readonly inputs: InputLine[] = [];
  private readonly done = new Set<Val>();
  private readonly seen = new Set<string>();

  /**
   * A named value printed as its value (with a step of its own); one that is a bare input is just that input,
   * except as a term of a sum, which shows every term in the sum's own kind.
   */
  shown(v: Val): boolean {
    return v.keep && (v.quiet === true || v.e.t !== 'num') && printsExactly(v.v, v.k);
  }

  prec(e: Expr): number {
    if (e.t === 'bin') return PREC[e.op];
    if (e.t === 'val' && !this.shown(e)) return this.prec(e.e);
    if (e.t === 'round') return this.prec(e.e);
    return ATOM;
  }

  render(e: Expr): string {
    switch (e.t) {
      case 'num': {
        const text = fmt[e.k](e.v);
        if (e.label !== undefined) {
          const key = `${e.label}|${e.path ?? ''}`;
          if (!this.seen.has(key)) {
            this.seen.add(key);
            this.inputs.push(e.path === undefined ? { label: e.label, value: text } : { label: e.label, value: text, path: e.path });
          }
        }
        return text;
      }
      case 'val':
        if (this.shown(e)) {
          if (!e.quiet) this.step(e);
          return fmt[e.k](e.v);
        }
        return this.render(e.e);
      case 'bin': {
        const p = PREC[e.op];
        let l = this.render(e.l);
        if (this.prec(e.l) < p) l = `(${l})`;
        let r = this.render(e.r);
        const rp = this.prec(e.r);
        if (rp < p || (rp === p && (e.op === '−' || e.op === '÷' || e.op === '/'))) r = `(${r})`;
        return `${l} ${e.op} ${r}`;
      }
      case 'fn':
        return `${e.fn}(${e.args.map((a) => this.render(a)).join('; ')})`;
      case 'round':
        return this.render(e.e);
      case 'said':
        // Inside arithmetic a value that follows from a rule is its value; its reason is said where it is the line itself.
        return fmt[e.k](e.v);
    }
  }

  /** "expr = value", "expr = 687,5, avrundat nedåt = 687", "rule → value", or "what = value" for a value taken as it is. */
  line(root: Val): string {
    const value = fmt[root.k](root.v);
    const e = root.e;
    if (e.t === 'said') return `${e.text} → ${value}`;
    if (e.t === 'round') {
      const lhs = this.render(e.e);
      const r = round9(e.raw);
      if (Number.isInteger(r)) return `${lhs} = ${value}`;
      return `${lhs} = ${rawText(r)}, ${e.dir === 'down' ? FORMULA_WORDS.roundedDown : FORMULA_WORDS.roundedUp} = ${value}`;
    }
    if (e.t === 'num' && e.label !== undefined) {
      this.render(e);
      return `${e.label} = ${value}`;
    }
    if (e.t === 'val' && this.shown(e)) {
      this.render(e);
      return `${e.label} = ${value}`;
    }
    return `${this.render(e)} = ${value}`;
  }

  step(v: Val): void {
    if (this.done.has(v)) return;
    this.done.add(v);
    // The deeper steps first (they are pushed while this line is rendered), so the list reads bottom-up.
    const formula = this.line(v);
    this.steps.push(v.path === undefined ? { label: v.label, formula } : { label: v.label, formula, path: v.path });
  }
}

/** The formula of `root` with the steps below it and the inputs it used. */
export function printChain(root: Val): Printed {
  const p = new Printer();
  const formula = p.line(root);
  return { formula, steps: p.steps, inputs: p.inputs };
}

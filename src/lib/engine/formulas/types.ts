/**
 * The shape of one formula declaration (issue 17.1: each formula of domain.md declared once). A
 * declaration holds everything that is said about one formula:
 * - `section`: where domain.md defines it;
 * - `kind`: the QuantityKind of its value (how fmt prints it, which cell format the workbook gives it);
 * - `label`, `rule`, `source`: what the value is, the formula in words, and where its rule comes from,
 *   in plain Swedish (strings/formulas.sv.ts);
 * - `inputs`: each input with its Swedish label and kind;
 * - `compute`: the kernel computePlan calls (positional numbers; no objects, closures or strings per call);
 * - `expr`: the formula as a tree with the actual numbers (explanations; a parent embeds its children's
 *   trees, so the chain reaches the typed inputs);
 * - `excel`: the spreadsheet formula over cell references (the exported workbook), built from the
 *   engine's own constants, never from repeated literals.
 */
import type { QuantityKind } from '../quantity';
import type { Expr } from './expr';

/** The domain.md section a formula is defined in. */
export type SpecSection = '§2' | '§3' | '§4' | '§5' | '§6' | '§9';

/**
 * Where a formula's rule comes from, said in plain Swedish under every explanation:
 * the guideline (Socialstyrelsen's, or the region's when its profile sets another value), the profile's
 * rules, the ST rules (HSLF-FS 2021:8), our own assumption, or plain arithmetic of the unit's own figures; beyond
 * the workbook, Norway's visits by age (the age index), the BMA's safe day, the team model and this tool's own model.
 */
export type FormulaSource =
  | 'guideline' | 'profile' | 'stRules' | 'assumption' | 'arithmetic' | 'vardanalys'
  // Beyond the workbook (domain.md §9): Norway's age table, the BMA's safe day, the team model, this tool's own model.
  | 'norway' | 'bma' | 'team' | 'model';

export interface InputDef {
  /** Swedish label of the input. */
  label: string;
  /** How the input is printed; 'text' for a category word. */
  kind: QuantityKind | 'text';
}

/** Cell references (or spreadsheet expressions) by name, for `excel`. */
export type Refs<R extends string> = Readonly<Record<R, string>>;

/**
 * `Names`: the inputs; `R`: the references `excel` takes (the inputs, unless a formula needs one more, such
 * as the text a cell shows for an infinite load).
 */
export interface Formula<Args extends readonly unknown[], X, Names extends string, R extends string = Names> {
  readonly key: string;
  readonly section: SpecSection;
  readonly kind: QuantityKind;
  readonly label: string;
  readonly rule: string;
  readonly source: FormulaSource;
  readonly inputs: Readonly<Record<Names, InputDef>>;
  readonly compute: (...args: Args) => number | null;
  readonly expr: (x: X) => Expr;
  readonly excel: (refs: Refs<R>) => string;
}

/** Declares a formula (an identity that checks the declaration against Formula). */
export function defineFormula<Args extends readonly unknown[], X, Names extends string, R extends string = Names>(
  f: Formula<Args, X, Names, R>,
): Formula<Args, X, Names, R> {
  return f;
}

/** Any declaration, for the registry and the README table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFormula = Formula<any, any, string, any>;

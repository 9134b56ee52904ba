/**
 * What the doctor and unit explanations share: named values built from the declarations, the source line
 * under every explanation, and the Explanation assembled from a printed chain.
 */
import { FORMULA_WORDS, SOURCE_TEXT, UNIT_WORDS } from '../strings/formulas.sv';
import { PEER_SOURCE_TEXT } from '../strings/peers.sv';
import { num, type Expr, type Val } from './formulas/expr';
import { printChain } from './formulas/print';
import type { AnyFormula, FormulaSource } from './formulas/types';
import { PROFILES } from './profiles';
import { fmt, type QuantityKind } from './quantity';
import { DEFAULT_TIME, isDefaultTime, type TimeKey } from './time';
import type { Explanation, Plan, RuleProfile } from './types';

/** A computed value of a declaration, with the tree it came from. `keep`: a named step of its own in a chain. */
export function value(f: AnyFormula, v: number, e: Expr, opts: { path?: string; keep?: boolean; label?: string; kind?: QuantityKind } = {}): Val {
  const node: Val = { t: 'val', v, k: opts.kind ?? f.kind, e, label: opts.label ?? f.label, keep: opts.keep ?? false };
  if (opts.path !== undefined) node.path = opts.path;
  return node;
}

/** A time-model assumption as an input, marked as our assumption when it is the default. */
export function timeLeaf(plan: Plan, time: Record<TimeKey, number>, key: TimeKey, label: string, k: QuantityKind): Expr {
  const suffix = isDefaultTime(plan, key) ? ` ${FORMULA_WORDS.localAssumption}` : '';
  return num(time[key] ?? DEFAULT_TIME[key], k, label + suffix, `time.${key}`);
}

/** Whether the profile's guideline values are Socialstyrelsen's (1 100 / 550). */
function isNationalGuideline(profile: RuleProfile): boolean {
  const n = PROFILES.national.guideline;
  return profile.guideline.specialist === n.specialist && profile.guideline.stMid === n.stMid;
}

/** The plain source line under an explanation (never a file name or a spec section). */
export function sourceLine(source: FormulaSource, profile: RuleProfile): string {
  switch (source) {
    case 'guideline':
      if (isNationalGuideline(profile)) return SOURCE_TEXT.guideline;
      return profile.id in PROFILES ? SOURCE_TEXT.regionGuideline(profile.name) : SOURCE_TEXT.customGuideline;
    case 'profile':
      return SOURCE_TEXT.profile(profile.name);
    case 'stRules':
      return SOURCE_TEXT.stRules;
    case 'assumption':
      return SOURCE_TEXT.assumption;
    case 'vardanalys':
      return SOURCE_TEXT.vardanalys;
    case 'arithmetic':
      return SOURCE_TEXT.arithmetic;
    case 'norway':
      return PEER_SOURCE_TEXT.norway;
    case 'bma':
      return profile.safeDayContacts === undefined ? PEER_SOURCE_TEXT.bma : PEER_SOURCE_TEXT.profileSafeDay(profile.name, fmt.perDay(profile.safeDayContacts));
    case 'team':
      return PEER_SOURCE_TEXT.team;
    case 'model':
      return PEER_SOURCE_TEXT.model;
  }
}

/** The Explanation of one root value: its chain printed, the notes, the source line last. */
export function explanationOf(
  root: Val,
  f: AnyFormula,
  profile: RuleProfile,
  parts: { label: string; notes?: string[]; rule?: string; source?: FormulaSource; sourceText?: string; dutyPatients?: Explanation['dutyPatients'] },
): Explanation {
  const printed = printChain(root);
  const notes = [...(parts.notes ?? []), parts.sourceText ?? sourceLine(parts.source ?? f.source, profile)];
  const out: Explanation = {
    label: parts.label,
    value: root.v,
    unit: UNIT_WORDS[root.k],
    formula: printed.formula,
    rule: parts.rule ?? f.rule,
    inputs: printed.inputs.map((i) => ({ ...i, label: i.label.charAt(0).toLocaleUpperCase('sv-SE') + i.label.slice(1) })),
    notes,
    kind: root.k,
    valueText: fmt[root.k](root.v),
  };
  if (printed.steps.length > 0) out.steps = printed.steps;
  if (parts.dutyPatients && parts.dutyPatients.length > 0) out.dutyPatients = parts.dutyPatients;
  return out;
}

/** A doctor's or the unit's display name: the name, else the id. */
export function nameOf(x: { name?: unknown; id: string }): string {
  return typeof x.name === 'string' && x.name.trim() !== '' ? x.name.trim() : x.id;
}

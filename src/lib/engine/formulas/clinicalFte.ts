/** clinicalFte = employment × (1 − dutyShare) × presence (domain.md §2). */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { Fte, Share } from '../types';
import { mul, one, sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';

const T = FORMULA_TEXT.clinicalFte;

export function clinicalFteOf(employment: Share, dutyShare: Share, presence: Share): Fte {
  return employment * (1 - dutyShare) * presence;
}

export const clinicalFte = defineFormula({
  key: 'clinicalFte',
  section: '§2',
  kind: 'fte',
  label: T.label,
  rule: T.rule,
  source: 'guideline',
  inputs: inputsOf('employment', 'dutyShare', 'presence'),
  compute: clinicalFteOf,
  // A factor that changes nothing (no duties: × (1 − 0); no absence: × 1) is left out of the chain.
  expr: (x: { employment: Expr; dutyShare: Expr; presence: Expr; duty: Share; present: Share }) => {
    const factors: Expr[] = [];
    if (x.duty !== 0) factors.push(sub(one, x.dutyShare));
    if (x.present !== 1) factors.push(x.presence);
    return mul(x.employment, ...factors);
  },
  excel: (r) => `${r.employment}*(1-${r.dutyShare})*${r.presence}`,
});

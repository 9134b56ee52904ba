/**
 * δ, the team's share of today's doctor visits (domain.md §9, Altschuler et al. 2012): the sum of what nurse,
 * physiotherapist, psychologist and other professions take over, at most 90 %. The doctor's own shares, else
 * the unit's. Only the time model uses it (visitsPerPatientTeam); the guideline stays the guideline.
 */
import { PEER_FORMULA_TEXT, PEER_WORDS } from '../../strings/peers.sv';
import { clamp } from '../round';
import { TEAM_PROFESSIONS, type Share, type TeamDelegation, type TeamProfession } from '../types';
import { MAX_TEAM_SHARE } from './constants';
import { min, num, said, sum, constant, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.delegation;

export { MAX_TEAM_SHARE };

/** One profession's share as it counts: a finite number clamped to 0–1, else 0. */
export function teamShareOf(x: unknown): Share {
  return typeof x === 'number' && Number.isFinite(x) ? clamp(x, 0, 1) : 0;
}

/** Whether a delegation object sets any share above 0. */
export function hasTeam(x: unknown): x is TeamDelegation {
  if (typeof x !== 'object' || x === null) return false;
  return TEAM_PROFESSIONS.some((p) => teamShareOf((x as TeamDelegation)[p]) > 0);
}

/** Which shares a doctor uses: their own when they set any, else the unit's, else none. */
export function delegationSourceOf(doctor: unknown, unit: unknown): 'doctor' | 'unit' | 'none' {
  return hasTeam(doctor) ? 'doctor' : hasTeam(unit) ? 'unit' : 'none';
}

/** The shares per profession of a delegation object (0 for a missing one). */
export function teamSharesOf(x: unknown): Record<TeamProfession, Share> {
  const o = (typeof x === 'object' && x !== null ? x : {}) as TeamDelegation;
  return { nurse: teamShareOf(o.nurse), physiotherapist: teamShareOf(o.physiotherapist), psychologist: teamShareOf(o.psychologist), other: teamShareOf(o.other) };
}

/** δ = min(0,9; nurse + physiotherapist + psychologist + other). */
export function delegationOf(nurse: Share, physiotherapist: Share, psychologist: Share, other: Share): Share {
  return Math.min(MAX_TEAM_SHARE, nurse + physiotherapist + psychologist + other);
}

export const delegation = defineFormula({
  key: 'delegation',
  section: '§9',
  kind: 'percent',
  label: T.label,
  rule: T.rule,
  source: 'team',
  inputs: {
    nurse: { label: T.inputs.nurse, kind: 'percent' },
    physiotherapist: { label: T.inputs.physiotherapist, kind: 'percent' },
    psychologist: { label: T.inputs.psychologist, kind: 'percent' },
    other: { label: T.inputs.other, kind: 'percent' },
  },
  compute: delegationOf,
  /** Only the professions that take over something are printed; "min(90 %; …)" when the sum is above it. */
  expr: (x: { shares: Record<TeamProfession, Share>; pathOf: (p: TeamProfession) => string | undefined }) => {
    const terms: Expr[] = [];
    let total = 0;
    for (const p of TEAM_PROFESSIONS) {
      const v = x.shares[p];
      if (v <= 0) continue;
      total += v;
      terms.push(num(v, 'percent', T.inputs[p], x.pathOf(p)));
    }
    if (terms.length === 0) return said(PEER_WORDS.noTeam, 0, 'percent');
    const s = sum(terms, 'percent');
    return total > MAX_TEAM_SHARE ? min(constant(MAX_TEAM_SHARE), s) : s;
  },
  excel: (r) => `MIN(${MAX_TEAM_SHARE},${r.nurse}+${r.physiotherapist}+${r.psychologist}+${r.other})`,
});

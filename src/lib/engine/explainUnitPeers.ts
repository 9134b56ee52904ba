/**
 * The unit's explanations of what the best peers weigh beyond the workbook (domain.md §9, issue 16): the team's
 * share and what it frees up in the time model, the gap by the time model with and without it, free places,
 * the unit's age index and the doctors above a safe day. Built from the declarations and the result's values.
 */
import { PEER_FORMULA_TEXT, PEER_WORDS } from '../strings/peers.sv';
import { FORMULA_WORDS, UNIT_SUM_TEXT } from '../strings/formulas.sv';
import { ageIndexNode, ageNotes, ageSourceText, basisNote } from './explainPeers';
import { explanationOf, value } from './explainParts';
import { num, said, type Val } from './formulas/expr';
import { FORMULAS as F, teamSharesOf, type AnyFormula } from './formulas/index';
import type { QuantityKind } from './quantity';
import { fmt } from './quantity';
import type { DoctorResult, Explanation, Plan, PlanResult } from './types';

export const PEER_UNIT_FIELDS = [
  'delegation', 'capacityTimeWithoutTeam', 'teamPatients', 'gapPatientsTime', 'gapPatientsTimeWithoutTeam', 'freePlaces', 'freePlacesAgreed',
  'freePlacesOpen', 'ageIndex', 'doctorsAboveSafeDay',
] as const;
export type PeerUnitField = (typeof PEER_UNIT_FIELDS)[number];

const PT = PEER_FORMULA_TEXT;

/** explainUnit's sum over the doctors (passed in, so the two modules do not import each other). */
type DoctorSum = (
  result: PlanResult, v: number, pick: (r: DoctorResult) => number | null, field: string, kind: QuantityKind, label: string,
) => Val;

export const PEER_UNIT_LABELS = {
  capacityNamed: 'Kapacitet på namngivna listor',
  listedNamed: 'Listade på namngivna listor',
  gapPatientsTimeWithoutTeam: 'Glapp enligt tidsmodellen utan teamet',
  doctorsAboveSafeDay: 'Läkare över en säker arbetsdag',
} as const;

export function peerUnitNodes(plan: Plan, result: PlanResult, target: Val, capacityTime: Val, doctorSum: DoctorSum): Record<PeerUnitField, Val | null> {
  const u = result.unit;
  const named = (r: DoctorResult) => r.freePlaces !== null && r.freePlaces !== undefined;
  const shares = teamSharesOf(plan.unit.delegation);
  const withoutTeam = doctorSum(result, u.capacityTimeWithoutTeam ?? u.capacityTime, (r) => r.capacityTimeWithoutTeam ?? r.capacityTime, 'capacityTimeWithoutTeam', 'patients', PT.capacityTimeWithoutTeam.label);
  const capacityNamed = doctorSum(result, u.capacityNamed ?? 0, (r) => (named(r) ? r.capacity : null), 'capacity', 'patients', PEER_UNIT_LABELS.capacityNamed);
  const listedNamed = doctorSum(result, u.listedNamed ?? 0, (r) => (named(r) ? (r.listed ?? 0) : null), 'listed', 'patients', PEER_UNIT_LABELS.listedNamed);
  const over = new Set(result.findings.filter((f) => f.rule === 'day-above-safe' && f.doctorId).map((f) => f.doctorId));
  const team = (u.teamPatients ?? 0) > 0 || (u.capacityTimeWithoutTeam ?? u.capacityTime) !== u.capacityTime;
  const open = doctorSum(result, u.freePlacesOpen ?? 0, (r) => (named(r) && (r.freePlacesOpen ?? 0) > 0 ? (r.freePlacesOpen ?? 0) : null), 'freePlacesOpen', 'patients', PT.freePlacesOpenUnit.label);
  if (!((u.freePlacesOpen ?? 0) > 0)) open.e = num(0, 'patients', PEER_WORDS.noOpenPlaces);
  const aboveSafe = doctorSum(result, u.doctorsAboveSafeDay ?? 0, (r) => (over.has(r.id) ? 1 : null), 'visitsPerDay', 'count', PEER_UNIT_LABELS.doctorsAboveSafeDay);
  if (!((u.doctorsAboveSafeDay ?? 0) > 0)) aboveSafe.e = num(0, 'count', PEER_UNIT_LABELS.doctorsAboveSafeDay);
  const reference = result.ageReference;
  return {
    delegation: value(F.delegation, u.delegation ?? 0, F.delegation.expr({ shares, pathOf: (p) => `unit.delegation.${p}` }), { path: 'unit.delegation' }),
    capacityTimeWithoutTeam: withoutTeam,
    teamPatients: value(F.teamPatients, u.teamPatients ?? 0, team ? F.teamPatients.expr({ with: capacityTime, without: withoutTeam }) : said(PEER_WORDS.noTeam, 0, 'patients'), { path: 'unit.teamPatients' }),
    gapPatientsTime: value(F.gapPatients, u.gapPatientsTime ?? 0, F.gapPatients.expr({ target, capacity: capacityTime }), { path: 'unit.gapPatientsTime', label: PT.gapPatientsTime.label }),
    gapPatientsTimeWithoutTeam: value(F.gapPatients, u.gapPatientsTimeWithoutTeam ?? 0, F.gapPatients.expr({ target, capacity: withoutTeam }), {
      path: 'unit.gapPatientsTimeWithoutTeam',
      label: PEER_UNIT_LABELS.gapPatientsTimeWithoutTeam,
    }),
    freePlaces: value(F.freePlacesUnit, u.freePlaces ?? 0, F.freePlacesUnit.expr({ capacity: capacityNamed, listed: listedNamed }), { path: 'unit.freePlaces' }),
    freePlacesAgreed:
      u.freePlacesAgreed === null || u.freePlacesAgreed === undefined
        ? null
        : doctorSum(result, u.freePlacesAgreed, (r) => r.freePlacesAgreed ?? null, 'freePlacesAgreed', 'patients', PT.freePlacesAgreedUnit.label),
    freePlacesOpen: open,
    ageIndex: reference ? ageIndexNode(plan.unit.listAges, u.ageIndex ?? null, reference, 'unit.ageIndex', 'unit.listAges', PEER_WORDS.ageIndexUnit) : null,
    doctorsAboveSafeDay: aboveSafe,
  };
}

const FORMULA_OF: Record<PeerUnitField, AnyFormula> = {
  delegation: F.delegation,
  capacityTimeWithoutTeam: F.unitSum,
  teamPatients: F.teamPatients,
  gapPatientsTime: F.gapPatients,
  gapPatientsTimeWithoutTeam: F.gapPatients,
  freePlaces: F.freePlacesUnit,
  freePlacesAgreed: F.unitSum,
  freePlacesOpen: F.unitSum,
  ageIndex: F.ageIndex,
  doctorsAboveSafeDay: F.unitSum,
};

const RULES: Partial<Record<PeerUnitField, string>> = {
  capacityTimeWithoutTeam: UNIT_SUM_TEXT.capacityTime.rule,
  gapPatientsTime: PT.gapPatientsTime.rule,
  gapPatientsTimeWithoutTeam: PT.gapPatientsTime.rule,
  freePlacesAgreed: PT.freePlacesAgreedUnit.rule,
  freePlacesOpen: PT.freePlacesOpenUnit.rule,
  doctorsAboveSafeDay: 'Antalet läkare som tidsmodellen ger fler besök per arbetsdag än gränsen för en säker arbetsdag.',
};

export function explainPeerUnit(plan: Plan, result: PlanResult, field: PeerUnitField, root: Val): Explanation {
  const u = result.unit;
  const notes: string[] = [];
  let sourceText: string | undefined;
  switch (field) {
    case 'delegation':
    case 'teamPatients':
      notes.push(PEER_WORDS.teamGuidelineNote);
      break;
    case 'gapPatientsTime':
    case 'gapPatientsTimeWithoutTeam':
      notes.push(FORMULA_WORDS.ceilNote);
      if ((u.teamPatients ?? 0) > 0) notes.push(PEER_WORDS.teamGap(fmt.patients(u.gapPatientsTimeWithoutTeam ?? 0), fmt.patients(u.gapPatientsTime ?? 0)));
      break;
    case 'ageIndex':
      notes.push(...ageNotes(plan.unit.listAges, result), ...basisNote(plan.unit.careWeightBasis), PEER_WORDS.suggestionModelNote);
      sourceText = ageSourceText(result);
      break;
  }
  return explanationOf(root, FORMULA_OF[field], result.profile, { label: root.label, notes, rule: RULES[field], sourceText });
}

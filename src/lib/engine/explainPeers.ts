/**
 * Explanations of what the best peers weigh beyond the workbook (domain.md §9, issue 16), for a doctor: visits
 * per working day against a safe day, the team's share of the visits and what it frees up in the time model,
 * free places, the list's age index and the care weight it suggests. Built from the formula declarations and
 * the values the engine computed (DoctorResult, DoctorInputsUsed); nothing here computes a figure again.
 */
import { AGE_BAND_NAMES, CARE_WEIGHT_BASIS_LABELS, PEER_FORMULA_TEXT, PEER_SOURCE_TEXT, PEER_WORDS } from '../strings/peers.sv';
import { CATEGORY_LABELS } from '../strings/engine.sv';
import { AGE_BAND_COUNT } from './ageReference';
import { explanationOf, nameOf, value } from './explainParts';
import { num, said, type Expr, type Val } from './formulas/expr';
import { FORMULAS as F, type AnyFormula } from './formulas/index';
import { safeDayOf } from './findings';
import { fmt } from './quantity';
import type { AgeReference, CareWeightBasis, Doctor, DoctorInputsUsed, DoctorResult, Explanation, ListAges, Plan, PlanResult, TeamProfession } from './types';

export const PEER_DOCTOR_FIELDS = [
  'visitsPerDay', 'delegation', 'visitsPerPatientTeam', 'capacityTimeWithoutTeam', 'teamPatients', 'freePlaces', 'freePlacesAgreed',
  'freePlacesOpen', 'ageIndex', 'careWeightSuggested',
] as const;
export type PeerDoctorField = (typeof PEER_DOCTOR_FIELDS)[number];

const PT = PEER_FORMULA_TEXT;

/** The team's nodes of one doctor: δ and, with a team, the doctor visits a patient still needs. */
export function teamNodes(
  d: Doctor, r: DoctorResult, u: DoctorInputsUsed, perPatientLeaf: Expr,
): { delegation: Val; perPatient: Expr; perPatientValue: number } {
  const source = u.delegationSource ?? 'none';
  const shares = u.delegationShares ?? { nurse: 0, physiotherapist: 0, psychologist: 0, other: 0 };
  const pathOf = (p: TeamProfession) => (source === 'doctor' ? `doctors.${d.id}.delegation.${p}` : source === 'unit' ? `unit.delegation.${p}` : undefined);
  const delta = r.delegation ?? 0;
  const delegation = value(F.delegation, delta, F.delegation.expr({ shares, pathOf }), { path: `doctors.${d.id}.delegation`, keep: true });
  if (!(delta > 0)) return { delegation, perPatient: perPatientLeaf, perPatientValue: (perPatientLeaf as { v: number }).v };
  const perPatientValue = r.visitsPerPatientTeam ?? 0;
  const perPatient = value(F.visitsPerPatientTeam, perPatientValue, F.visitsPerPatientTeam.expr({ visitsPerPatientYear: perPatientLeaf, delegation }), {
    path: `doctors.${d.id}.visitsPerPatientTeam`,
    keep: true,
  });
  return { delegation, perPatient, perPatientValue };
}

/** What the doctor's base graph gives these nodes. */
export interface PeerBase {
  employment: Expr;
  weeks: Expr;
  presence: Val;
  visitsYear: Val;
  capacity: Val;
  capacityTime: Val;
  capacityTimeWithoutTeam: Val;
  delegation: Val;
  perPatient: Expr;
  listed: Expr;
}

/** The age index of a list against the plan's reference, as a named value. */
export function ageIndexNode(ages: ListAges | undefined, v: number | null, reference: AgeReference, path: string, countPath: string, label: string): Val | null {
  if (v === null || !ages || ages.counts.length !== AGE_BAND_COUNT) return null;
  return value(F.ageIndex, v, F.ageIndex.expr({ counts: ages.counts, rates: reference.rates, mean: reference.mean, countPath }), { path, keep: true, label });
}

export function peerDoctorNodes(plan: Plan, result: PlanResult, d: Doctor, r: DoctorResult, u: DoctorInputsUsed, b: PeerBase): Record<PeerDoctorField, Val | null> {
  const p = (f: string) => `doctors.${d.id}.${f}`;
  const reference = result.ageReference;
  const named = r.freePlaces !== null && r.freePlaces !== undefined;
  const agreed = r.agreedListSize ?? null;
  const agreedLeaf = agreed === null ? null : num(agreed, 'patients', PT.freePlacesAgreed.inputs.agreed, p('agreedListSize'));
  const notNamed = (kind: 'patients') => said(r.base <= 0 ? PEER_WORDS.noList(CATEGORY_LABELS[d.category] ?? String(d.category)) : PEER_WORDS.fictiveList, 0, kind);
  const listIndex = reference ? ageIndexNode(d.listAges, r.ageIndex ?? null, reference, p('ageIndex'), p('listAges'), PT.ageIndex.label) : null;
  const unitIndex =
    reference && listIndex ? ageIndexNode(plan.unit.listAges, result.unit.ageIndex ?? null, reference, 'unit.ageIndex', 'unit.listAges', PEER_WORDS.ageIndexUnit) : null;
  const unitCw = num(result.unit.used?.careWeight ?? 1, 'careWeight', PT.careWeightSuggested.inputs.unitCareWeight, 'unit.careWeight');
  const suggested = r.careWeightSuggested ?? null;
  return {
    visitsPerDay:
      r.visitsPerDay === null || r.visitsPerDay === undefined
        ? null
        : value(
            F.visitsPerDay,
            r.visitsPerDay,
            F.visitsPerDay.expr({
              visitsYear: b.visitsYear, weeksPerYear: b.weeks, employment: b.employment, presence: b.presence,
              worked: true, employed: u.employment, present: r.presence,
            }),
            { path: p('visitsPerDay') },
          ),
    delegation: b.delegation,
    visitsPerPatientTeam: (r.delegation ?? 0) > 0 ? (b.perPatient as Val) : null,
    capacityTimeWithoutTeam: b.capacityTimeWithoutTeam,
    teamPatients: value(F.teamPatients, r.teamPatients ?? 0, (r.delegation ?? 0) > 0 ? F.teamPatients.expr({ with: b.capacityTime, without: b.capacityTimeWithoutTeam }) : said(PEER_WORDS.noTeam, 0, 'patients'), {
      path: p('teamPatients'),
    }),
    freePlaces: r.freePlaces === undefined ? null : value(F.freePlaces, r.freePlaces ?? 0, named ? F.freePlaces.expr({ capacity: b.capacity, listed: b.listed }) : notNamed('patients'), { path: p('freePlaces') }),
    freePlacesAgreed:
      r.freePlacesAgreed === null || r.freePlacesAgreed === undefined || !agreedLeaf
        ? null
        : value(F.freePlacesAgreed, r.freePlacesAgreed, F.freePlacesAgreed.expr({ capacity: b.capacity, agreed: agreedLeaf }), { path: p('freePlacesAgreed') }),
    freePlacesOpen: value(
      F.freePlacesOpen,
      r.freePlacesOpen ?? 0,
      named ? F.freePlacesOpen.expr({ capacity: b.capacity, agreed: agreed !== null && agreed < r.capacity ? agreedLeaf : null, listed: b.listed }) : notNamed('patients'),
      { path: p('freePlacesOpen') },
    ),
    ageIndex: listIndex,
    careWeightSuggested:
      suggested === null || !listIndex || !unitIndex
        ? null
        : value(F.careWeightSuggested, suggested, F.careWeightSuggested.expr({ unitCareWeight: unitCw, listIndex, unitIndex }), { path: p('careWeightSuggested') }),
  };
}

/** The source line of an age index: Norway's table, the unit's own rates, or the unit's edited table. */
export function ageSourceText(result: PlanResult): string | undefined {
  const ref = result.ageReference;
  if (!ref || !ref.edited) return undefined;
  return ref.own ? PEER_SOURCE_TEXT.ownRates : PEER_SOURCE_TEXT.editedReference(ref.name ?? '');
}

/** Notes on an age index: how many ages were known, the sexes (not weighed), the unit's own rates. */
export function ageNotes(ages: ListAges | undefined, result: PlanResult): string[] {
  if (!ages) return [];
  const known = ages.counts.reduce((s, n) => s + n, 0);
  const notes = [PEER_WORDS.ageIndexCounts(fmt.patients(known), fmt.patients(ages.unknown ?? 0))];
  if (typeof ages.female === 'number' && typeof ages.male === 'number') notes.push(PEER_WORDS.sexNotWeighed(fmt.patients(ages.female), fmt.patients(ages.male)));
  if (result.ageReference?.own) notes.push(PEER_WORDS.ageIndexOwnUnit);
  return notes;
}

/** A care weight's basis said as a note when a region's figure takes precedence over the suggestion. */
export function basisNote(basis: CareWeightBasis | undefined): string[] {
  return basis === 'acg' || basis === 'cni' ? [PEER_WORDS.basisTakesPrecedence(CARE_WEIGHT_BASIS_LABELS[basis])] : [];
}

const FORMULA_OF: Record<PeerDoctorField, AnyFormula> = {
  visitsPerDay: F.visitsPerDay,
  delegation: F.delegation,
  visitsPerPatientTeam: F.visitsPerPatientTeam,
  capacityTimeWithoutTeam: F.capacityTime,
  teamPatients: F.teamPatients,
  freePlaces: F.freePlaces,
  freePlacesAgreed: F.freePlacesAgreed,
  freePlacesOpen: F.freePlacesOpen,
  ageIndex: F.ageIndex,
  careWeightSuggested: F.careWeightSuggested,
};

/** The explanation of one of these doctor figures. */
export function explainPeerDoctor(
  plan: Plan, result: PlanResult, d: Doctor, r: DoctorResult, field: PeerDoctorField, root: Val | null, timeNotes: string[],
): Explanation | null {
  if (!root) return null;
  const name = nameOf(d);
  const f = FORMULA_OF[field];
  const notes: string[] = [];
  let sourceText: string | undefined;
  switch (field) {
    case 'visitsPerDay': {
      const limit = safeDayOf(result.profile);
      const over = Math.round((r.visitsPerDay ?? 0) * 10) / 10 > limit;
      notes.push(PEER_WORDS.safeDayNote(fmt.perDay(r.visitsPerDay ?? 0), fmt.perDay(limit), over), PEER_WORDS.perDayNote);
      break;
    }
    case 'delegation':
    case 'visitsPerPatientTeam':
    case 'teamPatients':
      if (r.used?.delegationSource === 'doctor') notes.push(PEER_WORDS.teamDoctor);
      else if (r.used?.delegationSource === 'unit') notes.push(PEER_WORDS.teamUnit);
      notes.push(PEER_WORDS.teamGuidelineNote);
      break;
    case 'capacityTimeWithoutTeam':
      notes.push(...timeNotes);
      break;
    case 'freePlaces':
    case 'freePlacesOpen':
      if (r.listed === null && r.freePlaces !== null) notes.push(PEER_WORDS.listedUnknown);
      if (field === 'freePlacesOpen' && r.agreedListSize !== null && r.agreedListSize !== undefined && r.agreedListSize < r.capacity) {
        notes.push(PEER_WORDS.agreedCaps(fmt.patients(r.agreedListSize)));
      }
      break;
    case 'ageIndex':
      notes.push(...ageNotes(d.listAges, result));
      sourceText = ageSourceText(result);
      break;
    case 'careWeightSuggested':
      notes.push(...basisNote(d.careWeightBasis), PEER_WORDS.suggestionModelNote);
      break;
  }
  const label = field === 'capacityTimeWithoutTeam' ? PT.capacityTimeWithoutTeam.label : root.label;
  return explanationOf(root, f, result.profile, { label: `${label} – ${name}`, notes, sourceText });
}

export { AGE_BAND_NAMES };

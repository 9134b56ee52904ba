/**
 * The unit's explanations (domain.md §4, §5 stimulus, §6 lists on paper), from the formula declarations and
 * what the engine used (UnitResult.used). The doctors' figures enter as the values the grid shows them with.
 */
import { MODEL_LABELS, PRIORITY_LABELS } from '../strings/engine.sv';
import { FORMULA_WORDS, INPUT_LABELS, UNIT_SUM_TEXT } from '../strings/formulas.sv';
import { doctorTerm } from './explainDoctor';
import { explanationOf, nameOf, value } from './explainParts';
import { num, type Expr, type Val } from './formulas/expr';
import { FORMULAS as F, belowStimulusThreshold, priorityGroupOf, type AnyFormula } from './formulas/index';
import { fmt, type QuantityKind } from './quantity';
import { PRIORITY_KEYS } from './types';
import { computeUnit } from './unit';
import { PEER_UNIT_FIELDS, explainPeerUnit, peerUnitNodes, type PeerUnitField } from './explainUnitPeers';
import type { DoctorResult, Explanation, Plan, PlanResult, UnitInputsUsed, UnitResult } from './types';

export const UNIT_FIELDS = [
  'listed', 'capacity', 'capacityGuideline', 'capacityTime', 'coverageToday', 'coveragePossible', 'gapPatients', 'fteNeeded', 'priorityTotal',
  'priorityCovered', 'listedOnDoctors', 'employmentFte', 'clinicalFte', 'stimulusSek', 'paperListPatients', 'doctorsOverCapacity',
  // Beyond the workbook (domain.md §9; explainUnitPeers.ts)
  ...PEER_UNIT_FIELDS,
] as const satisfies readonly (keyof UnitResult)[];
export type UnitField = (typeof UNIT_FIELDS)[number];

const L = {
  listed: INPUT_LABELS.listed,
  withNamed: INPUT_LABELS.withNamedDoctor,
  target: INPUT_LABELS.targetCoverage,
  careWeight: INPUT_LABELS.unitCareWeight,
  specialist: INPUT_LABELS.specialist,
};

/**
 * A sum over the doctors, each doctor's figure a labelled input; `term` gives a figure that is itself computed
 * (a clinical FTE), written out when its rounded value would not add up.
 */
export function doctorSum(
  result: PlanResult, v: number, pick: (r: DoctorResult) => number | null, field: string, kind: QuantityKind, label: string, term?: (i: number) => Val | null,
): Val {
  const terms: Expr[] = [];
  result.doctors.forEach((r, i) => {
    const x = pick(r);
    if (x === null) return;
    terms.push(term?.(i) ?? num(x, kind, nameOf(r), `doctors.${r.id}.${field}`));
  });
  return value(F.unitSum, v, F.unitSum.expr({ terms, kind }), { path: `unit.${field}`, keep: true, kind, label });
}

function graphOf(plan: Plan, result: PlanResult, used: UnitInputsUsed): Record<UnitField, Val | null> {
  const base = baseGraphOf(plan, result, used);
  return { ...base, ...peerUnitNodes(plan, result, base.target, base.capacityTime, doctorSum) };
}

function baseGraphOf(plan: Plan, result: PlanResult, used: UnitInputsUsed): Record<Exclude<UnitField, PeerUnitField>, Val | null> & { target: Val; capacityTime: Val } {
  const u = result.unit;
  const listedLeaf = num(u.listed, 'patients', L.listed, 'unit.listed');
  const withNamed = num(used.withNamedDoctor, 'patients', L.withNamed, 'unit.withNamedDoctor');
  const capacity = doctorSum(result, u.capacity, (r) => r.capacity, 'capacity', 'patients', UNIT_SUM_TEXT.capacity.label);
  const target = value(
    F.targetPatients,
    used.targetPatients,
    F.targetPatients.expr({ targetCoverage: num(used.targetCoverage, 'percent', L.target, 'unit.targetCoverage'), listed: listedLeaf, target: used.targetCoverage, listedValue: u.listed }),
    { keep: true },
  );
  const gap = value(F.gapPatients, u.gapPatients, F.gapPatients.expr({ target, capacity }), { path: 'unit.gapPatients', keep: true });
  const groups = PRIORITY_KEYS.map((k) => num(priorityGroupOf(plan.unit?.priority?.[k]), 'patients', PRIORITY_LABELS[k], `unit.priority.${k}`));
  const priorityTotal = value(F.priorityTotal, u.priorityTotal, F.priorityTotal.expr({ groups }), { path: 'unit.priorityTotal', keep: true });
  const over = new Set(result.findings.filter((f) => f.rule === 'over-capacity' && f.doctorId).map((f) => f.doctorId));
  const cwLeaf = num(used.careWeight, 'careWeight', L.careWeight, used.careWeightSource === 'unit' ? 'unit.careWeight' : undefined);
  const s = result.profile.stimulus;
  const points = used.stimulusPoints;
  let stimulus: Val | null = null;
  if (s && points && u.stimulusSek !== null) {
    const below = belowStimulusThreshold(result.profile, u.coverageToday)
      ? { coverage: fmt.share(u.coverageToday), threshold: fmt.percent(result.profile.coverageThreshold ?? 0) }
      : null;
    const I = F.stimulusSek.inputs;
    stimulus = value(
      F.stimulusSek,
      u.stimulusSek,
      F.stimulusSek.expr({
        sekPerListPoint: num(s.sekPerListPoint, 'sek', I.sekPerListPoint.label),
        listPoints: num(points.listPoints, 'points', I.listPoints.label),
        sekPerCareWeightPoint: num(s.sekPerCareWeightPoint, 'sek', I.sekPerCareWeightPoint.label),
        careWeightPoints: num(points.careWeightPoints, 'points', I.careWeightPoints.label),
        below,
      }),
      { path: 'unit.stimulusSek' },
    );
  }
  return {
    target,
    listed: value(F.coverageToday, u.listed, listedLeaf, { kind: 'patients', label: UNIT_SUM_TEXT.listed.label }),
    capacity,
    capacityGuideline: doctorSum(result, u.capacityGuideline, (r) => r.capacityGuideline, 'capacityGuideline', 'patients', UNIT_SUM_TEXT.capacityGuideline.label),
    capacityTime: doctorSum(result, u.capacityTime, (r) => r.capacityTime, 'capacityTime', 'patients', UNIT_SUM_TEXT.capacityTime.label),
    coverageToday: value(F.coverageToday, u.coverageToday, F.coverageToday.expr({ withNamedDoctor: withNamed, listed: listedLeaf, listedValue: u.listed })),
    coveragePossible: value(
      F.coveragePossible,
      u.coveragePossible,
      F.coveragePossible.expr({ capacity, listed: listedLeaf, capacityValue: u.capacity, listedValue: u.listed }),
    ),
    gapPatients: gap,
    fteNeeded: value(
      F.fteNeeded,
      u.fteNeeded,
      F.fteNeeded.expr({ gap, careWeight: cwLeaf, specialist: num(result.profile.guideline.specialist, 'patients', L.specialist, 'profile.guideline.specialist') }),
    ),
    priorityTotal,
    priorityCovered: value(F.priorityCovered, u.priorityCovered, F.priorityCovered.expr({ priorityTotal, capacity })),
    listedOnDoctors: doctorSum(result, u.listedOnDoctors, (r) => r.listed, 'listed', 'patients', UNIT_SUM_TEXT.listedOnDoctors.label),
    employmentFte: doctorSum(result, u.employmentFte, (r) => r.used?.employment ?? null, 'employment', 'fte', UNIT_SUM_TEXT.employmentFte.label),
    clinicalFte: doctorSum(result, u.clinicalFte, (r) => r.clinicalFte, 'clinicalFte', 'fte', UNIT_SUM_TEXT.clinicalFte.label, (i) => doctorTerm(plan, result, i, 'clinicalFte')),
    stimulusSek: stimulus,
    paperListPatients: value(F.paperListPatients, u.paperListPatients, F.paperListPatients.expr({ withNamedDoctor: withNamed, capacity }), { path: 'unit.paperListPatients' }),
    doctorsOverCapacity: doctorSum(result, u.doctorsOverCapacity, (r) => (over.has(r.id) ? 1 : null), 'loadRatio', 'count', UNIT_SUM_TEXT.doctorsOverCapacity.label),
  };
}

/** The declaration behind each unit figure that is not a plain sum over the doctors. */
const FORMULA_OF = {
  coverageToday: F.coverageToday,
  coveragePossible: F.coveragePossible,
  gapPatients: F.gapPatients,
  fteNeeded: F.fteNeeded,
  priorityTotal: F.priorityTotal,
  priorityCovered: F.priorityCovered,
  paperListPatients: F.paperListPatients,
  stimulusSek: F.stimulusSek,
} as const satisfies Partial<Record<UnitField, AnyFormula>>;

const SUM_FIELDS = ['listed', 'capacity', 'capacityGuideline', 'capacityTime', 'listedOnDoctors', 'employmentFte', 'clinicalFte', 'doctorsOverCapacity'] as const;

export function explainUnit(plan: Plan, result: PlanResult, field: UnitField): Explanation | null {
  const u = result.unit;
  if (u[field] === null || u[field] === undefined) return null;
  const used = u.used ?? (computeUnit(plan.unit, plan.doctors, result.doctors, result.profile).used as UnitInputsUsed);
  const root = graphOf(plan, result, used)[field];
  if (!root) return null;
  if ((PEER_UNIT_FIELDS as readonly string[]).includes(field)) return explainPeerUnit(plan, result, field as PeerUnitField, root);
  const notes: string[] = [];
  let rule: string | undefined;
  if ((SUM_FIELDS as readonly string[]).includes(field)) {
    rule = UNIT_SUM_TEXT[field as (typeof SUM_FIELDS)[number]].rule;
    if (field === 'capacity') notes.push(FORMULA_WORDS.modelChosen(MODEL_LABELS[result.model]));
    if (field === 'doctorsOverCapacity' && u.doctorsOverCapacity === 0) root.e = num(0, 'count', FORMULA_WORDS.noneOverCapacity);
  }
  if (field === 'gapPatients') notes.push(FORMULA_WORDS.ceilNote);
  if (field === 'fteNeeded') notes.push(FORMULA_WORDS.fteProfileNote(fmt.patients(result.profile.guideline.specialist)));
  if (field === 'paperListPatients') notes.push(FORMULA_WORDS.paperListNote);
  if (field === 'priorityCovered') notes.push(FORMULA_WORDS.priorityCoveredNote(fmt.patients(u.freePlacesOpen ?? 0)));
  if (field === 'stimulusSek') notes.push(FORMULA_WORDS.stimulusPointsNote, FORMULA_WORDS.stimulusPeriod(result.profile.stimulus?.period ?? ''));
  const f: AnyFormula = FORMULA_OF[field as keyof typeof FORMULA_OF] ?? F.unitSum;
  return explanationOf(root, f, result.profile, { label: root.label, notes, rule });
}

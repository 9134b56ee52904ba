/**
 * A duty as the patients it costs (domain.md §9, Norway's list rules): the capacity without that duty − the
 * capacity with it. For a full-time specialist at care weight 1,00, 4 h/week of supervision costs 110 patients.
 */
import { FORMULA_TEXT } from '../../strings/formulas.sv';
import type { CapacityModel, DoctorInputsUsed, DoctorResult, Hours, Patients, TimeAssumptions } from '../types';
import { sub, type Expr } from './expr';
import { inputsOf } from './inputs';
import { defineFormula } from './types';
import { capacityGuidelineOf } from './capacityGuideline';
import { capacityTimeOf } from './capacityTime';
import { clinicalFteOf } from './clinicalFte';
import { directHoursYearOf } from './directHours';
import { dutyShareOf } from './dutyShare';
import { patientHoursYearOf } from './patientHours';
import { visitMinutesOf } from './visitMinutes';
import { visitsYearOf } from './visitsYear';

const T = FORMULA_TEXT.dutyPatients;

export function dutyPatientsOf(capacityWithout: Patients, capacityWith: Patients): Patients {
  return Math.max(0, capacityWithout - capacityWith);
}

/** The doctor's capacity in a model had the doctor `hours` a week fewer of duties (the same kernels as computePlan). */
export function capacityWithoutHours(model: CapacityModel, r: DoctorResult, used: DoctorInputsUsed, hours: Hours, t: TimeAssumptions): Patients {
  const duty = Math.max(0, r.dutyHoursPerWeek - hours);
  if (model === 'guideline') {
    return capacityGuidelineOf(r.base, clinicalFteOf(used.employment, dutyShareOf(duty, used.availableHoursPerWeek), r.presence), r.careWeight);
  }
  const patientHours = patientHoursYearOf(used.availableHoursPerWeek, duty, t.weeksPerYear, r.presence);
  const visits = visitsYearOf(directHoursYearOf(patientHours, t.indirectShare), visitMinutesOf(t.plannedShare, t.plannedMinutes, t.acuteMinutes));
  return capacityTimeOf(r.base, visits, t.ownPatientShare, t.visitsPerPatientYear, r.careWeight);
}

export const dutyPatients = defineFormula({
  key: 'dutyPatients',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: inputsOf('capacityWithout', 'capacity'),
  compute: dutyPatientsOf,
  expr: (x: { without: Expr; with: Expr }) => sub(x.without, x.with),
  excel: (r) => `MAX(0,${r.capacityWithout}-${r.capacity})`,
});

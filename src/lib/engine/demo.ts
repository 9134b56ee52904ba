/** The demo unit, an empty plan and a new doctor (index.ts contract). Deterministic. */
import { NEW_DOCTOR_NAME } from '../strings/engine.sv';
import { ST_MONTHS_TOTAL_HSLF } from './formulas/constants';
import { CURRENT_PLAN_VERSION } from './migrate';
import type { Doctor, DoctorCategory, Plan } from './types';

/**
 * "Vårdcentralen Exempel": a realistic unit of 9 800 listed with every category of doctor,
 * a gap against full coverage, and a few findings (over-capacity, short employment,
 * age groups of the geriatrician and the pediatrician, SÄBO goal line). Names are fictive.
 */
export function createDemoPlan(): Plan {
  const doctors: Doctor[] = [
    {
      id: 'd1', name: 'Anna Lindqvist', category: 'specialist', employment: 1,
      duties: [{ kind: 'management', hoursPerWeek: 8, label: 'Medicinskt ledningsansvarig (MLA)' }],
      absenceWeeks: 0, listed: 950, listPoints: 330,
    },
    {
      id: 'd2', name: 'Erik Johansson', category: 'specialist', employment: 1,
      duties: [
        { kind: 'supervision', hoursPerWeek: 4, label: 'Handledare för ST-läkare Sara Nilsson' },
        { kind: 'meetings', hoursPerWeek: 2, label: 'Läkarmöte och APT' },
      ],
      absenceWeeks: 0, listed: 1150, listPoints: 420, careWeight: 1.1,
    },
    {
      id: 'd3', name: 'Sara Nilsson', category: 'st', employment: 1, stMonthsDone: 30, stMonthsTotal: 60,
      duties: [{ kind: 'meetings', hoursPerWeek: 2, label: 'Läkarmöte och APT' }],
      absenceWeeks: 0, listed: 450, listPoints: 150,
    },
    {
      id: 'd4', name: 'Karin Berg', category: 'pediatrician', employment: 0.8,
      duties: [{ kind: 'meetings', hoursPerWeek: 2, label: 'Läkarmöte och APT' }],
      absenceWeeks: 0, listed: 780, listPoints: 265,
    },
    {
      id: 'd5', name: 'Lars Holm', category: 'geriatrician', employment: 0.5,
      duties: [],
      absenceWeeks: 0, listed: 300, listPoints: 160, careWeight: 1.6, plannedEnd: '2027-03-31',
    },
    {
      id: 'd6', name: 'Maria Ek', category: 'specialist', employment: 0.6,
      duties: [{ kind: 'research', hoursPerWeek: 4, label: 'Forskning, FoU primärvård' }],
      absenceWeeks: 0, listed: 520, listPoints: 175,
    },
    {
      id: 'd7', name: 'Johan Wikström', category: 'dispensation', employment: 1,
      duties: [{ kind: 'other', hoursPerWeek: 2, label: 'Läkemedelskommittén' }],
      absenceWeeks: 0, listed: 1500, listPoints: 520,
    },
    {
      id: 'd8', name: 'Peter Sandberg', category: 'locum', employment: 1,
      duties: [],
      absenceWeeks: 0, listed: 1100, fictiveListName: 'Vårdcentralen Exempel Dr Sandberg',
    },
    {
      id: 'd9', name: 'Elin Åberg', category: 'junior', employment: 1,
      duties: [],
      absenceWeeks: 0,
    },
    {
      id: 'd10', name: 'Ahmed Karimi', category: 'st', employment: 1, stMonthsDone: 50, stMonthsTotal: 60,
      duties: [],
      absenceWeeks: 10, listed: 450, listPoints: 150,
    },
  ];
  return {
    format: 'kapacitet/plan',
    version: CURRENT_PLAN_VERSION,
    profile: 'national',
    model: 'guideline',
    unit: {
      name: 'Vårdcentralen Exempel',
      listed: 9800,
      careWeight: 1.05,
      withNamedDoctor: 6100,
      withNamedDoctorNursingHome: 82,
      targetCoverage: 1,
      priority: { multimorbid: 820, nursingHome: 110, homeCare: 190, palliative: 12, chronic: 640 },
    },
    time: {},
    doctors,
  };
}

/** A plan with no doctors and nothing listed, national profile, guideline model. */
export function createEmptyPlan(unitName: string): Plan {
  return {
    format: 'kapacitet/plan',
    version: CURRENT_PLAN_VERSION,
    profile: 'national',
    model: 'guideline',
    unit: {
      name: unitName,
      listed: 0,
      careWeight: 1,
      withNamedDoctor: 0,
      targetCoverage: 1,
      priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 },
    },
    time: {},
    doctors: [],
  };
}

/**
 * A new full-time doctor with the next free id "d<n>" (n one more than the largest in use). A new ST doctor
 * gets the ST length of HSLF-FS 2021:8 (66 months, domain.md §9); 60 stays on offer for the older rules.
 */
export function createDoctor(category: DoctorCategory, existingIds: string[]): Doctor {
  const taken = new Set(existingIds);
  let n = 0;
  for (const id of existingIds) {
    const m = /^d(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  n += 1;
  while (taken.has(`d${n}`)) n += 1;
  const doctor: Doctor = { id: `d${n}`, name: NEW_DOCTOR_NAME(n), category, employment: 1, duties: [], absenceWeeks: 0 };
  if (category === 'st') {
    doctor.stMonthsDone = 0;
    doctor.stMonthsTotal = ST_MONTHS_TOTAL_HSLF;
  }
  return doctor;
}

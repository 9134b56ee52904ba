/**
 * Which Ordlista term explains a figure (issue 10.5: each explanation links to its term). By the last part of
 * the explain path ("doctors.d3.capacityGuideline" → riktvarde); undefined: the Ordlista as a whole.
 */
const TERM_OF: Record<string, string> = {
  capacityGuideline: 'riktvarde',
  base: 'riktvarde',
  min: 'riktvarde',
  max: 'riktvarde',
  maxPoints: 'listningspoang',
  capacityTime: 'tidsmodellen',
  patientHoursYear: 'tidsmodellen',
  directHoursYear: 'tidsmodellen',
  indirectHoursYear: 'tidsmodellen',
  visitMinutes: 'tidsmodellen',
  visitsYear: 'tidsmodellen',
  dutyHoursYear: 'andra-uppdrag',
  absenceHoursYear: 'franvaro',
  capacity: 'kapacitet',
  careWeight: 'vardtyngd',
  clinicalFte: 'klinisk-tjanstgoring',
  presence: 'franvaro',
  dutyShare: 'andra-uppdrag',
  dutyHoursPerWeek: 'andra-uppdrag',
  employmentFte: 'tjanstgoringsgrad',
  loadRatio: 'belastning',
  doctorsOverCapacity: 'belastning',
  gapPatients: 'glapp',
  fteNeeded: 'glapp',
  priorityCovered: 'prioriterade',
  priorityTotal: 'prioriterade',
  paperListPatients: 'lista-pa-papperet',
  coverageToday: 'fast-lakarkontakt',
  coveragePossible: 'fast-lakarkontakt',
  listedOnDoctors: 'fast-lakarkontakt',
  stimulusSek: 'listningspoang',
};

export function glossaryTermOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return TERM_OF[path.split('.').at(-1) ?? ''];
}

export function glossaryHref(term: string | undefined): string {
  return term ? `#/ordlista?fokus=${encodeURIComponent(term)}` : '#/ordlista';
}

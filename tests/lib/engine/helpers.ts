/** Small builders for engine tests: a plan and doctors with only what a test cares about. */
import type { Doctor, Plan, RuleProfile } from '../../../src/lib/engine/types';
import { NBSP } from '../../../src/lib/engine/format';

export const TODAY = '2026-11-23';

/** "1 100" with the no-break space the formatter writes. */
export const sv = (s: string) => s.replace(/(?<=\d) (?=\d{3}(?!\d))/g, NBSP).replace(/ %/g, `${NBSP}%`).replace(/(?<=\d) kr\b/g, `${NBSP}kr`);

export function doc(over: Partial<Doctor> = {}): Doctor {
  return { id: 'd1', name: 'Anna A', category: 'specialist', employment: 1, duties: [], absenceWeeks: 0, ...over };
}

export function plan(over: Partial<Omit<Plan, 'unit'>> & { unit?: Partial<Plan['unit']> } = {}, profile: string | RuleProfile = 'national'): Plan {
  const { unit, ...rest } = over;
  return {
    format: 'kapacitet/plan',
    version: 1,
    profile,
    model: 'guideline',
    unit: {
      name: 'Vårdcentralen Test',
      listed: 1000,
      careWeight: 1,
      withNamedDoctor: 900,
      targetCoverage: 1,
      priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 },
      ...unit,
    },
    doctors: [doc()],
    ...rest,
  };
}

/**
 * The columns of a contact log (domain.md §6: pseudonymous patient key, date, doctor key, contact
 * type; optionally the patient's named doctor, the unit where the contact took place and the patient's
 * age or birth year, for the unit's own visits per age band, domain.md §9) and how
 * they are found from the header row, in Swedish or English. Headers are compared through the one
 * text normaliser (engine/text.ts foldText).
 */
import { foldText } from '../../engine/text';

export type ContactColumn = 'patient' | 'date' | 'doctor' | 'type' | 'named' | 'unit' | 'age' | 'nursingHome';
export const CONTACT_COLUMNS: readonly ContactColumn[] = ['patient', 'date', 'doctor', 'type', 'named', 'unit', 'age', 'nursingHome'];

/**
 * Header words per column, most specific first (a "Fast läkarkontakt" column is the named doctor,
 * not the doctor of the contact). Whole words of the folded header, or a part of a longer word.
 */
const TESTS: readonly [ContactColumn, RegExp][] = [
  // Whether the patient lives at a SÄBO (issue 16.5: the goal line for SÄBO residents' doctor continuity).
  ['nursingHome', /(^| )(sabo|sabo boende|sarskilt boende|boende pa sabo|nursing home|care home|aldreboende)( |$)|sarskilt boende/],
  ['named', /(^| )(fast|named|flk|listningslakare|listad hos|ansvarig)( |$)|fastlakare|namngiven/],
  ['unit', /(^| )(enhet|vardenhet|mottagning|unit|vardcentral|halsocentral|kontaktenhet|besoksenhet|vardgivarenhet|clinic|practice)( |$)|vardenhet|mottagning/],
  ['type', /(^| )(typ|type|kontakttyp|kontaktsatt|kontaktform|kanal|contact type)( |$)|kontakttyp|kontaktform/],
  // Before the date: "Födelseår" is the patient's age (issue 16.1), not the contact's day.
  ['age', /(^| )(alder|age|fodelsear|birth year|year of birth|patientens alder|alder vid kontakt)( |$)|fodelsear/],
  ['date', /(^| )(datum|date|dag|kontaktdatum|tidpunkt|besoksdatum)( |$)|datum/],
  ['doctor', /(^| )(lakare|doctor|vardgivare|hsa|hsa id|behandlare|provider|clinician|gp|lakarnyckel|lakar id)( |$)|lakare|doctor/],
  ['patient', /(^| )(patient|pat|patientnyckel|patient id|patientid|pseudonym|nyckel|lopnummer|lopnr|id|personnummer|pnr)( |$)|patient/],
];

/** Guesses the columns from header names (Swedish or English): 0-based index per column found. */
export function guessContactColumns(headers: readonly string[]): Partial<Record<ContactColumn, number>> {
  const out: Partial<Record<ContactColumn, number>> = {};
  headers.forEach((raw, i) => {
    const h = foldText(raw);
    if (!h) return;
    for (const [col, re] of TESTS) {
      if (out[col] !== undefined) continue;
      if (re.test(h)) {
        out[col] = i;
        return;
      }
    }
  });
  return out;
}

/**
 * Shared fixtures for continuity (domain.md §6): the same contacts and listing go to the TypeScript
 * engine (contactLogFromRecords → computeContinuity/continuityPerPatient/continuityByUnit) and to
 * sql/continuity.sql in DuckDB, which must agree per patient and per unit.
 */
import type { ContactRecord, ContactType, ListingRecord } from '../../../../src/lib/engine/followup';

export interface ContinuityFixture {
  name: string;
  contacts: ContactRecord[];
  listing: ListingRecord[];
}

const c = (patientKey: string, date: string, doctorKey: string, type: ContactType = 'visit', unit?: string): ContactRecord =>
  unit === undefined ? { patientKey, date, doctorKey, type } : { patientKey, date, doctorKey, type, unit };

/**
 * Hand-made cases, one situation each (period 2025; U1 and U2 are units):
 * - A (U1, named D1): D1 ×3 and D2 ×1 at U1, D2 ×1 at U2 → own-unit drops the U2 visit
 * - B (U1, named D2): two phone calls with D2 → no visit in person, out of SKR's definition
 * - C (not listed): one visit → never 3 contacts; and below min for everything else
 * - D (U2, named unknown): D3 ×2, D4 ×2 → a tie for most seen; no named share
 * - E (U2, named D5 who is not in the log): D3 ×3 → named share 0
 * - F (U1, named D1): contacts in 2023 only → outside every period here
 * - G (U1, named D1): 'other' type ×3 → out unless 'other' is chosen
 * - H (U1, named D1): D1 ×3 with no unit on the contact → out with own-unit only
 * - I (U2, named D6): D6 ×2, D7 ×1 at U2, one visit at U1; video ×1 with D6
 * - J (not listed): D1 ×4 → counted by the standard definition, not by SKR's
 */
export const HAND: ContinuityFixture = {
  name: 'hand-made cases',
  contacts: [
    c('A', '2025-01-10', 'D1', 'visit', 'U1'),
    c('A', '2025-03-02', 'D1', 'visit', 'U1'),
    c('A', '2025-05-20', 'D2', 'visit', 'U1'),
    c('A', '2025-09-09', 'D1', 'video', 'U1'),
    c('A', '2025-11-30', 'D2', 'visit', 'U2'),
    c('B', '2025-02-01', 'D2', 'phone', 'U1'),
    c('B', '2025-04-01', 'D2', 'phone', 'U1'),
    c('C', '2025-06-01', 'D1', 'visit', 'U1'),
    c('D', '2025-01-05', 'D3', 'visit', 'U2'),
    c('D', '2025-02-05', 'D4', 'visit', 'U2'),
    c('D', '2025-03-05', 'D4', 'visit', 'U2'),
    c('D', '2025-04-05', 'D3', 'visit', 'U2'),
    c('E', '2025-07-01', 'D3', 'visit', 'U2'),
    c('E', '2025-08-01', 'D3', 'chat', 'U2'),
    c('E', '2025-09-01', 'D3', 'visit', 'U2'),
    c('F', '2023-01-01', 'D1', 'visit', 'U1'),
    c('F', '2023-02-01', 'D1', 'visit', 'U1'),
    c('F', '2023-03-01', 'D1', 'visit', 'U1'),
    c('G', '2025-01-01', 'D1', 'other', 'U1'),
    c('G', '2025-02-01', 'D1', 'other', 'U1'),
    c('G', '2025-03-01', 'D1', 'other', 'U1'),
    c('H', '2025-01-01', 'D1', 'visit'),
    c('H', '2025-02-01', 'D1', 'visit'),
    c('H', '2025-03-01', 'D1', 'visit'),
    c('I', '2024-08-01', 'D6', 'visit', 'U2'),
    c('I', '2025-01-01', 'D6', 'visit', 'U2'),
    c('I', '2025-02-01', 'D7', 'visit', 'U2'),
    c('I', '2025-03-01', 'D6', 'visit', 'U1'),
    c('I', '2025-12-31', 'D6', 'video', 'U2'),
    c('J', '2025-01-01', 'D1', 'visit', 'U1'),
    c('J', '2025-02-01', 'D1', 'visit', 'U1'),
    c('J', '2025-03-01', 'D1', 'visit', 'U2'),
    c('J', '2025-04-01', 'D1', 'visit', 'U2'),
  ],
  listing: [
    { patientKey: 'A', unit: 'U1', namedDoctorKey: 'D1' },
    { patientKey: 'B', unit: 'U1', namedDoctorKey: 'D2' },
    { patientKey: 'D', unit: 'U2' },
    { patientKey: 'E', unit: 'U2', namedDoctorKey: 'D5' },
    { patientKey: 'F', unit: 'U1', namedDoctorKey: 'D1' },
    { patientKey: 'G', unit: 'U1', namedDoctorKey: 'D1' },
    { patientKey: 'H', unit: 'U1', namedDoctorKey: 'D1' },
    { patientKey: 'I', unit: 'U2', namedDoctorKey: 'D6' },
  ],
};

/**
 * A generated region: 4 units, 24 doctors (6 per unit, some also working at a neighbour), `patients`
 * patients over 2024–2025, every contact type, a few contacts without a unit, 8 % of patients not
 * listed, 15 % of the listed without a known named doctor. Deterministic (a fixed LCG).
 */
export function generatedRegion(patients = 1500, seed = 7): ContinuityFixture {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const types: ContactType[] = ['visit', 'visit', 'visit', 'video', 'phone', 'phone', 'chat', 'other'];
  const units = ['VC Norr', 'VC Söder', 'VC Öster', 'VC Väster'];
  const contacts: ContactRecord[] = [];
  const listing: ListingRecord[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let p = 0; p < patients; p++) {
    const key = `P${String(p).padStart(5, '0')}`;
    const home = Math.floor(rnd() * units.length);
    const named = home * 6 + Math.floor(rnd() * 6);
    const listed = rnd() >= 0.08;
    const namedKnown = rnd() >= 0.15;
    if (listed) listing.push(namedKnown ? { patientKey: key, unit: units[home], namedDoctorKey: `L${named}` } : { patientKey: key, unit: units[home] });
    const n = Math.floor(rnd() * 9); // 0–8 contacts over two years
    for (let k = 0; k < n; k++) {
      const r = rnd();
      const atHome = rnd() < 0.85;
      const unit = atHome ? home : (home + 1 + Math.floor(rnd() * 3)) % units.length;
      const doctor = r < 0.55 ? named : unit * 6 + Math.floor(rnd() * 6);
      const date = new Date(start + Math.floor(rnd() * 731) * 86_400_000).toISOString().slice(0, 10);
      const type = types[Math.floor(rnd() * types.length)];
      const noUnit = rnd() < 0.03;
      contacts.push(noUnit ? { patientKey: key, date, doctorKey: `L${doctor}`, type } : { patientKey: key, date, doctorKey: `L${doctor}`, type, unit: units[unit] });
    }
  }
  return { name: `generated region (${patients} patients)`, contacts, listing };
}

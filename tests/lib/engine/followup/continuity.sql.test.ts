/**
 * sql/continuity.sql run in DuckDB against the TypeScript engine on the same fixtures (issue 15:
 * "identical results per patient and per unit"). Per patient the figures must be the same numbers
 * (the same integer tallies and the same IEEE divisions); unit and total means may differ only in
 * the last bits from summation order (|Δ| ≤ 1e-12), counts not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  CONTINUITY_DEFINITIONS,
  computeContinuity,
  contactLogFromRecords,
  continuityByUnit,
  continuityPerPatient,
  dayOfIso,
  optionsOfDefinition,
  type ContactLog,
  type ContinuityOptions,
} from '../../../../src/lib/engine/followup';
import { HAND, generatedRegion, type ContinuityFixture } from './continuityFixtures';
import { duckdbWith, sqlContinuity } from './duckdb';

const END = dayOfIso('2025-12-31')!;
const range = (from: string, to: string) => ({ fromDay: dayOfIso(from)!, toDay: dayOfIso(to)! });

const CASES: { name: string; options: ContinuityOptions }[] = [
  { name: 'Standard (12 månader)', options: optionsOfDefinition(CONTINUITY_DEFINITIONS.standard, END) },
  { name: 'SKR Primärvårdskvalitet (18 månader)', options: optionsOfDefinition(CONTINUITY_DEFINITIONS.skr, END) },
  { name: 'own unit, every type, min 1', options: { ...range('2024-01-01', '2025-12-31'), types: ['visit', 'video', 'phone', 'chat', 'other'], minContacts: 1, ownUnitOnly: true } },
  { name: 'listed only, phone and chat, min 2', options: { ...range('2024-06-01', '2025-12-31'), types: ['phone', 'chat'], minContacts: 2, listedOnly: true } },
  { name: 'a spring quarter, visits, min 1', options: { ...range('2025-03-01', '2025-06-30'), types: ['visit'], minContacts: 1 } },
];

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12);

function check(fixture: ContinuityFixture) {
  describe(`SQL = engine: ${fixture.name}`, () => {
    let con: DuckDBConnection;
    let log: ContactLog;
    beforeAll(async () => {
      con = await duckdbWith(fixture);
      log = contactLogFromRecords(fixture.contacts, fixture.listing);
    });
    afterAll(() => con?.closeSync());

    for (const { name, options } of CASES) {
      it(name, async () => {
        const sql = await sqlContinuity(con, options);
        const engine = continuityPerPatient(log, options).sort((a, b) => (a.patientKey < b.patientKey ? -1 : 1));
        // Per patient: the same patients, the same numbers.
        expect(sql.patients).toEqual(engine);
        // Per unit.
        const units = continuityByUnit(log, options);
        expect(sql.units.map((u) => [u.unit, u.patientsIncluded, u.contactsIncluded, u.patientsWithNamed])).toEqual(
          units.map((u) => [u.unit, u.patientsIncluded, u.contactsIncluded, u.patientsWithNamed]),
        );
        sql.units.forEach((u, i) => {
          expect(close(u.meanUpc, units[i].meanUpc), `UPC ${u.unit}`).toBe(true);
          expect(close(u.meanCoc, units[i].meanCoc), `COC ${u.unit}`).toBe(true);
          expect(close(u.meanNamedShare, units[i].meanNamedShare), `andel ${u.unit}`).toBe(true);
        });
        // The whole selection, as the app's continuity panel shows it.
        const r = computeContinuity(log, options);
        expect([sql.total.patientsIncluded, sql.total.contactsIncluded, sql.total.patientsWithNamed]).toEqual([
          r.patientsIncluded,
          r.contactsIncluded,
          r.patientsWithNamed,
        ]);
        expect(close(sql.total.meanUpc, r.meanUpc)).toBe(true);
        expect(close(sql.total.meanCoc, r.meanCoc)).toBe(true);
        expect(close(sql.total.meanNamedShare, r.meanNamedShare)).toBe(true);
      });
    }
  });
}

check(HAND);
check(generatedRegion());

describe('the hand-made cases say what the definitions mean', () => {
  const log = contactLogFromRecords(HAND.contacts, HAND.listing);
  const byKey = (options: ContinuityOptions) => Object.fromEntries(continuityPerPatient(log, options).map((p) => [p.patientKey, p]));

  it("SKR: listed patients' own-unit visits in person only", () => {
    const p = byKey(optionsOfDefinition(CONTINUITY_DEFINITIONS.skr, END));
    // A: the video and the U2 visit drop out → D1 ×2, D2 ×1: UPC 2/3, COC (4 + 1 − 3)/(3 × 2) = 1/3.
    expect(p.A).toMatchObject({ contacts: 3, namedContacts: 2, upc: 2 / 3, coc: 1 / 3, namedShare: 2 / 3 });
    // B only phoned, C and J are not listed, E's chat is not a visit (2 left), H's visits have no unit.
    expect(Object.keys(p).sort()).toEqual(['A', 'D', 'I']);
    expect(p.D).toMatchObject({ contacts: 4, namedContacts: null, upc: 0.5, namedShare: null });
    // I: 18 months reach back to 2024-07-01; the U1 visit and the video drop out → D6 ×2, D7 ×1.
    expect(p.I).toMatchObject({ contacts: 3, namedContacts: 2, listedUnit: 'U2' });
  });

  it('Standard: 12 months, every patient, every unit, four contact types', () => {
    const p = byKey(optionsOfDefinition(CONTINUITY_DEFINITIONS.standard, END));
    expect(Object.keys(p).sort()).toEqual(['A', 'D', 'E', 'H', 'I', 'J']);
    // E's named doctor D5 never saw E: share 0, not unknown.
    expect(p.E).toMatchObject({ contacts: 3, namedContacts: 0, namedShare: 0 });
    expect(p.A).toMatchObject({ contacts: 5, namedContacts: 3, listedUnit: 'U1' });
    expect(p.J).toMatchObject({ contacts: 4, listedUnit: null, namedShare: null });
    // I: the 2024-08-01 visit is outside the 12 months → D6 ×3 (one at U1, one video), D7 ×1.
    expect(p.I).toMatchObject({ contacts: 4, namedContacts: 3, upc: 0.75, coc: 0.5 });
  });
});

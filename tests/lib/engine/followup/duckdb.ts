/**
 * Runs sql/continuity.sql in DuckDB (@duckdb/node-api, a dev dependency) over fixtures: loads the
 * `contacts` and `listing` tables, creates the file's parameter tables and views, and reads the
 * views back as plain numbers for comparison with the TypeScript engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBDateValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dayOfIso, sqlParameters, type ContinuityOptions, type PatientContinuity, type UnitContinuity } from '../../../../src/lib/engine/followup';
import type { ContinuityFixture } from './continuityFixtures';

export const CONTINUITY_SQL = readFileSync(fileURLToPath(new URL('../../../../sql/continuity.sql', import.meta.url)), 'utf8');

export const TABLES_SQL = `
CREATE TABLE contacts (patient_key VARCHAR, contact_date DATE, doctor_key VARCHAR, contact_type VARCHAR, unit VARCHAR);
CREATE TABLE listing (patient_key VARCHAR PRIMARY KEY, unit VARCHAR, named_doctor_key VARCHAR);
`;

/** A fresh in-memory DuckDB with the fixture loaded and sql/continuity.sql applied. */
export async function duckdbWith(fixture: ContinuityFixture): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(TABLES_SQL);
  const contacts = await con.createAppender('contacts');
  for (const r of fixture.contacts) {
    contacts.appendVarchar(r.patientKey);
    contacts.appendDate(new DuckDBDateValue(dayOfIso(r.date)!));
    contacts.appendVarchar(r.doctorKey);
    contacts.appendVarchar(r.type);
    if (r.unit === undefined) contacts.appendNull();
    else contacts.appendVarchar(r.unit);
    contacts.endRow();
  }
  contacts.closeSync();
  const listing = await con.createAppender('listing');
  for (const l of fixture.listing) {
    listing.appendVarchar(l.patientKey);
    if (l.unit === undefined) listing.appendNull();
    else listing.appendVarchar(l.unit);
    if (l.namedDoctorKey === undefined) listing.appendNull();
    else listing.appendVarchar(l.namedDoctorKey);
    listing.endRow();
  }
  listing.closeSync();
  await con.run(CONTINUITY_SQL);
  return con;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Sets the parameters for `options` (the statements the app shows) and reads every view. */
export async function sqlContinuity(
  con: DuckDBConnection,
  options: ContinuityOptions,
): Promise<{ patients: PatientContinuity[]; units: UnitContinuity[]; total: Omit<UnitContinuity, 'unit'> }> {
  await con.run(sqlParameters(options));
  const p = await con.runAndReadAll('SELECT * FROM continuity_patient ORDER BY patient_key');
  const patients = p.getRowObjectsJS().map((r) => ({
    patientKey: String(r.patient_key),
    listedUnit: r.listed_unit === null ? null : String(r.listed_unit),
    contacts: num(r.contacts)!,
    namedContacts: num(r.named_contacts),
    upc: num(r.upc)!,
    coc: num(r.coc),
    namedShare: num(r.named_share),
  }));
  const u = await con.runAndReadAll('SELECT * FROM continuity_unit ORDER BY unit NULLS LAST');
  const units = u.getRowObjectsJS().map((r) => ({
    unit: r.unit === null ? null : String(r.unit),
    patientsIncluded: num(r.patients_included)!,
    contactsIncluded: num(r.contacts_included)!,
    meanUpc: num(r.mean_upc),
    meanCoc: num(r.mean_coc),
    patientsWithNamed: num(r.patients_with_named)!,
    meanNamedShare: num(r.mean_named_share),
  }));
  const t = (await con.runAndReadAll('SELECT * FROM continuity_total')).getRowObjectsJS()[0];
  const total = {
    patientsIncluded: num(t.patients_included)!,
    contactsIncluded: num(t.contacts_included) ?? 0,
    meanUpc: num(t.mean_upc),
    meanCoc: num(t.mean_coc),
    patientsWithNamed: num(t.patients_with_named)!,
    meanNamedShare: num(t.mean_named_share),
  };
  return { patients, units, total };
}

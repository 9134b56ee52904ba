/**
 * Continuity at region scale (issue 15 item 5, run by `npm run bench`): sql/continuity.sql in DuckDB
 * (@duckdb/node-api, in process) over 10 000 000 generated contacts — a region's year and more — for
 * the Standard and the SKR definitions, beside the app's TypeScript engine over 1 000 000 contacts of
 * the same shape (one unit's log is far smaller; a browser tab should not hold a region's).
 * Prints the machine's load beside each figure.
 *
 * The region: 40 units, 30 doctors each, 1 200 000 patients (92 % listed, 85 % of them with a known
 * named doctor), 2024–2025, every contact type; 60 % of contacts with the named doctor, 85 % at the
 * patient's own unit. Deterministic (DuckDB's hash of the row number; the engine's log from an LCG).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  CONTINUITY_DEFINITIONS,
  ContactLogBuilder,
  computeContinuity,
  continuityByUnit,
  dayOfIso,
  optionsOfDefinition,
  sqlParameters,
  type ContactTypeCode,
} from '../src/lib/engine/followup/index';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const SQL_CONTACTS = 10_000_000;
const ENGINE_CONTACTS = 1_000_000;
const UNITS = 40;
const DOCTORS_PER_UNIT = 30;
const PATIENTS = 1_200_000;
const END = dayOfIso('2025-12-31')!;

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The generated region as SQL over range(n): `contacts` and `listing`, as sql/continuity.sql expects. */
function generatorSql(n: number, patients: number): string {
  const p = `(hash(i) % ${patients})`;
  return `
CREATE OR REPLACE TABLE listing AS
SELECT 'P' || CAST(i AS VARCHAR) AS patient_key,
       'VC ' || CAST(hash(i + 1) % ${UNITS} AS VARCHAR) AS unit,
       CASE WHEN hash(i * 7 + 1) % 100 < 85
            THEN 'L' || CAST((hash(i + 1) % ${UNITS}) * ${DOCTORS_PER_UNIT} + hash(i * 13 + 5) % ${DOCTORS_PER_UNIT} AS VARCHAR) END AS named_doctor_key
FROM range(${patients}) t(i)
WHERE hash(i * 3 + 2) % 100 < 92;

CREATE OR REPLACE TABLE contacts AS
WITH c AS (
  SELECT i, ${p} AS p, hash(${p} + 1) % ${UNITS} AS home,
         CASE WHEN hash(i * 17 + 1) % 100 < 85 THEN hash(${p} + 1) % ${UNITS} ELSE hash(i * 19 + 3) % ${UNITS} END AS at_unit
  FROM range(${n}) t(i)
)
SELECT 'P' || CAST(p AS VARCHAR) AS patient_key,
       CAST('2024-01-01' AS DATE) + CAST(hash(i * 23 + 9) % 731 AS INTEGER) AS contact_date,
       'L' || CAST(CASE WHEN hash(i * 5 + 3) % 100 < 60
                        THEN home * ${DOCTORS_PER_UNIT} + hash(p * 13 + 5) % ${DOCTORS_PER_UNIT}
                        ELSE at_unit * ${DOCTORS_PER_UNIT} + hash(i * 11 + 7) % ${DOCTORS_PER_UNIT} END AS VARCHAR) AS doctor_key,
       (['visit', 'visit', 'visit', 'video', 'phone', 'phone', 'chat', 'other'])[CAST(hash(i * 29 + 11) % 8 AS INTEGER) + 1] AS contact_type,
       'VC ' || CAST(at_unit AS VARCHAR) AS unit
FROM c;
`;
}

async function runSql(n: number): Promise<{ genMs: number; standardMs: number; skrMs: number; units: number; patients: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const patients = Math.round((PATIENTS * n) / SQL_CONTACTS);
    const t = performance.now();
    await con.run(generatorSql(n, patients));
    const genMs = performance.now() - t;
    await con.run(readFileSync(join(ROOT, 'sql/continuity.sql'), 'utf8'));
    const time = async (id: 'standard' | 'skr') => {
      await con.run(sqlParameters(optionsOfDefinition(CONTINUITY_DEFINITIONS[id], END)));
      const t0 = performance.now();
      const r = await con.runAndReadAll('SELECT * FROM continuity_unit ORDER BY unit');
      const ms = performance.now() - t0;
      const rows = r.getRowObjectsJS();
      return { ms, units: rows.length, patients: rows.reduce((a, x) => a + Number(x.patients_included), 0) };
    };
    await time('standard'); // warm-up (plans, caches)
    const standard = await time('standard');
    const skr = await time('skr');
    return { genMs, standardMs: standard.ms, skrMs: skr.ms, units: standard.units, patients: standard.patients };
  } finally {
    con.closeSync();
  }
}

/** The same shape of region in the engine's columnar log (an LCG instead of DuckDB's hash). */
function engineLog(n: number) {
  let seed = 20251231;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const patients = Math.round((PATIENTS * n) / SQL_CONTACTS);
  const b = new ContactLogBuilder(n);
  const start = dayOfIso('2024-01-01')!;
  const homeOf = new Int32Array(patients);
  for (let p = 0; p < patients; p++) homeOf[p] = Math.floor(rnd() * UNITS);
  const units = Array.from({ length: UNITS }, (_, u) => b.unitIndexOf(`VC ${u}`));
  const doctors = Array.from({ length: UNITS * DOCTORS_PER_UNIT }, (_, d) => b.doctorIndexOf(`L${d}`));
  const pIndex = new Int32Array(patients).fill(-1);
  const named = new Int32Array(patients);
  for (let p = 0; p < patients; p++) named[p] = homeOf[p] * DOCTORS_PER_UNIT + Math.floor(rnd() * DOCTORS_PER_UNIT);
  for (let i = 0; i < n; i++) {
    const p = Math.floor(rnd() * patients);
    if (pIndex[p] < 0) pIndex[p] = b.patientIndexOf(`P${p}`);
    const at = rnd() < 0.85 ? homeOf[p] : Math.floor(rnd() * UNITS);
    const d = rnd() < 0.6 ? named[p] : at * DOCTORS_PER_UNIT + Math.floor(rnd() * DOCTORS_PER_UNIT);
    const type = [0, 0, 0, 1, 2, 2, 3, 4][Math.floor(rnd() * 8)] as ContactTypeCode;
    b.add(pIndex[p], doctors[d], start + Math.floor(rnd() * 731), type, units[at]);
  }
  for (let p = 0; p < patients; p++) {
    if (pIndex[p] < 0 || rnd() >= 0.92) continue;
    b.setListedUnit(pIndex[p], units[homeOf[p]]);
    if (rnd() < 0.85) b.setNamed(pIndex[p], doctors[named[p]], 0);
  }
  return b.build();
}

function runEngine(n: number): { buildMs: number; standardMs: number; skrMs: number; units: number } {
  const t = performance.now();
  const log = engineLog(n);
  const buildMs = performance.now() - t;
  const time = (id: 'standard' | 'skr') => {
    const o = optionsOfDefinition(CONTINUITY_DEFINITIONS[id], END);
    computeContinuity(log, o); // warm-up (JIT)
    const t0 = performance.now();
    computeContinuity(log, o);
    const units = continuityByUnit(log, o);
    return { ms: performance.now() - t0, units: units.length };
  };
  const standard = time('standard');
  const skr = time('skr');
  return { buildMs, standardMs: standard.ms, skrMs: skr.ms, units: standard.units };
}

export default async function continuitySqlBench(): Promise<void> {
  console.log(`kontinuitet i SQL (DuckDB) och i appens motor; belastning (load average) ${load()} på ${cpus().length} kärnor`);
  const e = runEngine(ENGINE_CONTACTS);
  console.log(
    `  motorn (TypeScript, Node), ${ENGINE_CONTACTS.toLocaleString('sv-SE')} kontakter: Standard ${s(e.standardMs)}, SKR ${s(e.skrMs)} (hela loggen + per enhet, ${e.units} grupper; loggen byggd på ${s(e.buildMs)}); belastning ${load()}`,
  );
  for (const n of [ENGINE_CONTACTS, SQL_CONTACTS]) {
    const r = await runSql(n);
    console.log(
      `  sql/continuity.sql i DuckDB, ${n.toLocaleString('sv-SE')} kontakter: Standard ${s(r.standardMs)}, SKR ${s(r.skrMs)} (per enhet, ${r.units} rader, ${r.patients.toLocaleString('sv-SE')} patienter räknas; data genererad på ${s(r.genMs)}); belastning ${load()}`,
    );
  }
}

// Run directly: `npx tsx bench/continuity-sql.bench.ts`
if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'bench/continuity-sql.bench.ts')) {
  await continuitySqlBench();
}

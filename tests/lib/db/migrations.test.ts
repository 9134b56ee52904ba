import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KapacitetDb, LATEST_VERSION, SCHEMA_VERSIONS, declareVersions, readPlan } from '../../../src/lib/db/index';
import { parsePlan, serializePlan, type Plan } from '../../../src/lib/engine/index';
import { uniqueDbName } from './helpers';

interface Fixture {
  version: number;
  tables: Record<string, unknown[]>;
  expected: Record<string, Plan>;
}

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Builds a database exactly as the app of that version left it. */
async function databaseAt(fixture: Fixture): Promise<string> {
  const name = uniqueDbName(`v${fixture.version}`);
  const old = new Dexie(name);
  declareVersions(old, fixture.version);
  await old.open();
  expect(old.verno).toBe(fixture.version);
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe('schema versions', () => {
  it('has one fixture per schema version', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it('declares the tables other owners write (brief: workshops, snapshots) with their indexes', async () => {
    const db = new KapacitetDb(uniqueDbName('tables'));
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const schema = (t: string) => db.table(t).schema;
    expect(schema('workshops').primKey.keyPath).toBe('id');
    expect(schema('workshops').indexes.map((i) => i.name).sort()).toEqual(['meetingDate', 'unitId']);
    expect(schema('snapshots').indexes.map((i) => i.name).sort()).toEqual(['[unitId+month]', 'month', 'unitId']);
    expect(schema('doctors').primKey.name).toBe('[planId+id]');
    expect(schema('listingMappings').primKey.keyPath).toBe('signature');
  });
});

describe.each(fixtures.map((f) => [f.version, f] as const))('upgrade from the v%i fixture', (_v, fixture) => {
  it('opens with the current schema, every plan intact (unknown fields kept) and valid', async () => {
    const name = await databaseAt(fixture);
    const db = new KapacitetDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    for (const [planId, expected] of Object.entries(fixture.expected)) {
      const plan = await readPlan(db, planId);
      // Compared as the plan file it gives (unknown fields where the file has them), whatever the
      // in-memory shape keeps them in.
      expect(JSON.parse(serializePlan(plan!))).toEqual(expected);
      expect(parsePlan(plan).ok).toBe(true);
    }
    // Plan rows no longer carry doctors: they are rows of their own.
    for (const row of await db.plans.toArray()) expect(row.body).not.toHaveProperty('doctors');
    const perPlan = await db.doctors.where('planId').equals('plan-a2').toArray();
    expect(perPlan.map((d) => d.order)).toEqual(perPlan.map((_d, i) => i));
    expect(await db.units.count()).toBe(fixture.tables.units.length);
    expect((await db.settings.get('lastUnitId'))?.value).toBe('unit-a');
  });

  it('keeps rows of tables the version already had', async () => {
    const name = await databaseAt(fixture);
    const db = new KapacitetDb(name);
    opened.push(db);
    await db.open();
    for (const [table, rows] of Object.entries(fixture.tables)) {
      if (table === 'plans') continue; // reshaped by v2 (checked above)
      expect(await db.table(table).count(), table).toBe(rows.length);
    }
  });
});

/**
 * One migration chain for plans, in files and in the store (issue 17.6).
 * - The chain starts at 0 and steps by one to CURRENT_PLAN_VERSION.
 * - Every migration ran against a fixture (as tldraw's migration tests require): one plan fixture per
 *   version in fixtures/plans/, each upgraded to the current version, and a test fails when a step of
 *   the chain was not exercised.
 * - Stored plans go through the same chain in the Dexie upgrade that raises the plan version, and the
 *   latest schema version stores plans at the current version.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_PLAN_VERSION, MIGRATIONS, migratePlanObject, parsePlan, planFromStored, type Migration, type Plan } from '../../../src/lib/engine/index';
import {
  LATEST_VERSION,
  NOTICES_KEY,
  SCHEMA_VERSIONS,
  assemblePlan,
  declareVersions,
  doctorRows,
  planBody,
  planChainProblems,
  readNotices,
  storedPlan,
  type DoctorRecord,
  type PlanRecord,
  type SchemaVersion,
} from '../../../src/lib/db/index';
import { uniqueDbName } from './helpers';

interface PlanFixture {
  version: number;
  plan: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const dir = join(import.meta.dirname, 'fixtures', 'plans');
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as PlanFixture)
  .sort((a, b) => a.version - b.version);

/** The chain with each step recording that it ran. */
function recording(chain: readonly Migration[], ran: Set<string>): Migration[] {
  return chain.map((m) => ({ ...m, migrate: (p) => (ran.add(`${m.from}→${m.to}`), m.migrate(p)) }));
}

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database at today's schema holding `plans` (stored as they are, as an older build may have left them). */
async function storedAtLatest(tag: string, plans: { id: string; name: string; body: Record<string, unknown>; doctors?: Plan['doctors'] }[]): Promise<string> {
  const name = uniqueDbName(tag);
  names.push(name);
  const db = new Dexie(name);
  declareVersions(db);
  await db.open();
  for (const p of plans) {
    await db.table('plans').add({ id: p.id, unitId: 'unit-a', name: p.name, kind: 'scenario', createdAt: 1, updatedAt: 1, body: p.body });
    if (p.doctors) await db.table('doctors').bulkAdd(doctorRows(p.id, { doctors: p.doctors } as Plan));
  }
  db.close();
  return name;
}

const asStored = (id: string, name: string, plan: Plan) => ({ id, name, body: planBody(plan) as Record<string, unknown>, doctors: plan.doctors });

describe('the plan migration chain', () => {
  it('starts at 0 and steps by one to the current plan version', () => {
    expect(planChainProblems(MIGRATIONS, CURRENT_PLAN_VERSION)).toEqual([]);
  });

  it('the check itself refuses a gap, a skip, a duplicate, a wrong start and a wrong end', () => {
    const step = (from: number, to: number): Migration => ({ from, to, migrate: (p) => p });
    expect(planChainProblems([step(0, 1), step(2, 3)], 3)).toEqual(['no step from 1 (next step starts at 2)']);
    expect(planChainProblems([step(0, 2)], 2)).toEqual(['step 0 → 2 does not step by one']);
    expect(planChainProblems([step(0, 1), step(0, 1)], 1)).toContain('two steps from version 0');
    expect(planChainProblems([step(1, 2)], 2)).toEqual(['the chain must start at version 0, not 1']);
    expect(planChainProblems([step(0, 1)], 2)).toEqual(['the chain ends at 1, the current plan version is 2']);
    expect(planChainProblems([], 0)).toEqual([]);
  });

  it('has one fixture per plan version, 0 to the current one', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: CURRENT_PLAN_VERSION + 1 }, (_v, i) => i));
  });

  it('every migration ran against a fixture, and each fixture reaches its expected current form', () => {
    const ran = new Set<string>();
    const chain = recording(MIGRATIONS, ran);
    for (const f of fixtures) {
      const migrated = migratePlanObject(f.plan, chain);
      expect(migrated.ok, `v${f.version}`).toBe(true);
      if (!migrated.ok) continue;
      expect(migrated.value, `v${f.version}`).toEqual(f.expected);
      // The result is a valid plan of the current version (unknown fields kept).
      const parsed = parsePlan(migrated.value);
      expect(parsed.ok, `v${f.version}`).toBe(true);
    }
    expect([...ran].sort()).toEqual(MIGRATIONS.map((m) => `${m.from}→${m.to}`).sort());
  });
});

describe('stored plans and the chain', () => {
  it('the latest schema version stores plans at the current plan version (raising it needs a schema version)', () => {
    expect(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].planVersion).toBe(CURRENT_PLAN_VERSION);
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) expect(SCHEMA_VERSIONS[i].planVersion).toBeGreaterThanOrEqual(SCHEMA_VERSIONS[i - 1].planVersion);
  });

  it('a schema version that raises the plan version runs every stored plan through the whole chain', async () => {
    // A future plan version 2 (test-only step) and a schema version that stores plans at it.
    const NEXT = CURRENT_PLAN_VERSION + 1;
    const ran = new Set<string>();
    const chain = recording(
      [...MIGRATIONS, { from: CURRENT_PLAN_VERSION, to: NEXT, migrate: (p) => ({ ...p, version: NEXT, migratedTo: NEXT }) }],
      ran,
    );
    const versions: SchemaVersion[] = [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {}, planVersion: NEXT }];

    // Today's store, with one plan per fixture version stored as it was (a v0 draft stored by an old build).
    const name = await storedAtLatest('chain', fixtures.map((f) => asStored(`plan-v${f.version}`, `Plan v${f.version}`, f.plan as unknown as Plan)));

    const next = new Dexie(name);
    declareVersions(next, LATEST_VERSION + 1, versions, chain);
    await next.open();
    for (const f of fixtures) {
      const id = `plan-v${f.version}`;
      const row = (await next.table('plans').get(id)) as PlanRecord;
      const doctors = (await next.table('doctors').where('planId').equals(id).toArray()) as DoctorRecord[];
      const { doctors: expectedDoctors, ...expectedBody } = { ...f.expected, version: NEXT, migratedTo: NEXT } as Record<string, unknown>;
      expect(row.body, id).toEqual(expectedBody);
      expect(doctors.sort((a, b) => a.order - b.order).map((d) => d.data), id).toEqual(expectedDoctors);
    }
    expect([...ran].sort()).toEqual(chain.map((m) => `${m.from}→${m.to}`).sort());
    expect(readNotices((await next.table('settings').get(NOTICES_KEY))?.value)).toEqual([]);
    next.close();
  });

  it('a stored plan the chain cannot read stops the upgrade: nothing changes, the old version stays', async () => {
    const good = fixtures[fixtures.length - 1].plan as unknown as Plan;
    const name = await storedAtLatest('chain-bad', [asStored('p-good', 'Bra', good), { id: 'p-bad', name: 'Trasig', body: { version: 'x' } }]);

    const versions: SchemaVersion[] = [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {}, planVersion: CURRENT_PLAN_VERSION + 1 }];
    const chain = [...MIGRATIONS, { from: CURRENT_PLAN_VERSION, to: CURRENT_PLAN_VERSION + 1, migrate: (p: Record<string, unknown>) => ({ ...p, version: CURRENT_PLAN_VERSION + 1 }) }];
    const next = new Dexie(name);
    declareVersions(next, LATEST_VERSION + 1, versions, chain);
    await expect(next.open()).rejects.toThrow(/”Trasig” kunde inte uppgraderas/);
    next.close();

    const after = new Dexie(name);
    declareVersions(after);
    await after.open();
    expect(after.verno).toBe(LATEST_VERSION);
    expect(((await after.table('plans').get('p-good')) as PlanRecord).body).toEqual(planBody(good));
    after.close();
  });

  it('a plan read from the store is never in an old shape', () => {
    const v0 = fixtures[0];
    const row = { id: 'p', unitId: 'u', name: 'x', kind: 'current', createdAt: 1, updatedAt: 1, body: planBody(v0.plan as unknown as Plan) } as PlanRecord;
    const rows = doctorRows('p', v0.plan as unknown as Plan);
    // In the exact in-memory shape: a file's unknown fields in the objects' `extra` bags.
    const memory = (file: unknown) => {
      const r = planFromStored(file);
      if (!r.ok) throw new Error('fixture not readable');
      return r.plan;
    };
    expect(assemblePlan(row, rows)).toEqual(memory(v0.expected));
    expect(JSON.stringify(assemblePlan(row, rows))).toContain('"extra":{"draftNote"');
    // A row written before the bags (unknown fields flat, current version) reads in the same shape.
    const current = fixtures[fixtures.length - 1].expected as unknown as Plan;
    expect(storedPlan(current)).toEqual(memory(current));
    expect(storedPlan(storedPlan(current))).toEqual(storedPlan(current));
  });
});

describe('a schema version that rewrites every stored plan (a new in-memory shape)', () => {
  it('runs each stored plan through the rewrite once, keeping every doctor, in one upgrade', async () => {
    const plan = fixtures[fixtures.length - 1].expected as unknown as Plan;
    const name = await storedAtLatest('rewrite', [asStored('p1', 'Nuläge', plan)]);

    // E.g. a file's unknown top-level fields moving into one `extra` bag; and a rewrite that (wrongly)
    // gives two doctors one id: both are kept.
    const rewritePlans = (p: Record<string, unknown>) => {
      const { regionNote, doctors, ...rest } = p;
      const list = (doctors as { id: string }[]).map((d) => ({ ...d, id: 'same' }));
      return { ok: true as const, value: { ...rest, extra: { regionNote }, doctors: list } };
    };
    const next = new Dexie(name);
    declareVersions(next, LATEST_VERSION + 1, [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {}, planVersion: CURRENT_PLAN_VERSION, rewritePlans }]);
    await next.open();
    const row = (await next.table('plans').get('p1')) as PlanRecord;
    expect(row.body).toMatchObject({ extra: { regionNote: 'okänt fält på toppnivå' } });
    expect(row.body).not.toHaveProperty('regionNote');
    const doctors = (await next.table('doctors').where('planId').equals('p1').toArray()) as DoctorRecord[];
    expect(doctors.map((d) => d.id).sort()).toEqual(['same', 'same-2']);
    expect(readNotices((await next.table('settings').get(NOTICES_KEY))?.value)).toHaveLength(1);
    next.close();
  });
});

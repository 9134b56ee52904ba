/** Builds parts of the app state on a fresh database, without the facade (tests of one part). */
import 'fake-indexeddb/auto';
import { createDemoPlan, parsePlan, type Plan } from '../../../src/lib/engine/index';
import { KapacitetDb, insertUnitWithPlan } from '../../../src/lib/db/index';
import { AppCore, type AppOptions } from '../../../src/lib/state/core.svelte';
import { drop, uniqueDbName } from '../db/helpers';
import { TODAY, clock } from './helpers';

/** The demo in parsePlan's normal form (as the store keeps it). */
export function demoPlan(): Plan {
  const parsed = parsePlan(createDemoPlan());
  if (!parsed.ok) throw new Error('demo invalid');
  return parsed.plan;
}

const dbs: KapacitetDb[] = [];

/** A core on an open database holding one unit with the demo as its current plan. */
export async function coreWithPlan(options: AppOptions = {}) {
  const time = clock();
  const core = new AppCore({ dbName: uniqueDbName('part'), today: TODAY, now: time.now, ...options });
  const db = new KapacitetDb(core.dbName);
  await db.open();
  dbs.push(db);
  core.attach(db);
  const { unitId, planId } = await db.transaction('rw', [db.units, db.plans, db.doctors], () =>
    insertUnitWithPlan(db, { name: 'Vårdcentralen Exempel', plan: demoPlan(), planName: 'Nuläge', now: time.now() }),
  );
  return { core, db, unitId, planId, time };
}

export async function dropParts(): Promise<void> {
  await drop(...dbs.splice(0));
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KapacitetDb,
  PersonnummerRefusedError,
  saveListingMapping,
  storageErrorMessage,
  type KapacitetDb as Db,
} from '../../../src/lib/db/index';
import { drop, dumpDatabase, uniqueDbName } from './helpers';

const PNR = ['19121212-1212', '121212\u20131212', '121212 - 1212', '121212.1212', '１２１２１２-１２１２', '19121212-1213'];
const dbs: Db[] = [];
afterEach(async () => {
  await drop(...dbs.splice(0));
});

async function open(): Promise<Db> {
  const db = new KapacitetDb(uniqueDbName('pnr'));
  dbs.push(db);
  await db.open();
  return db;
}

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { [`level${i}`]: v };
  return v;
}

async function storedText(db: Db): Promise<string> {
  return JSON.stringify(await dumpDatabase(db.name));
}

describe('the personnummer guard below every table API (issue 12.1)', () => {
  it.each(PNR)('refuses %s in a unit name on add, put, update and modify', async (pnr) => {
    const db = await open();
    const now = 1;
    await expect(db.units.add({ id: 'u1', name: `Vårdcentral ${pnr}`, createdAt: now, updatedAt: now })).rejects.toBeInstanceOf(PersonnummerRefusedError);
    await db.units.add({ id: 'u1', name: 'Vårdcentral', createdAt: now, updatedAt: now });
    await expect(db.units.put({ id: 'u1', name: pnr, createdAt: now, updatedAt: now })).rejects.toThrow(/personnummer/);
    await expect(db.units.update('u1', { name: `x ${pnr}` })).rejects.toThrow(/namnet innehåller/);
    await expect(db.units.where('id').equals('u1').modify({ name: pnr })).rejects.toThrow(/personnummer/);
    await expect(db.units.bulkPut([{ id: 'u2', name: 'ok', createdAt: now, updatedAt: now }, { id: 'u3', name: pnr, createdAt: now, updatedAt: now }])).rejects.toThrow();
    expect(await db.units.toArray()).toEqual([{ id: 'u1', name: 'Vårdcentral', createdAt: now, updatedAt: now }]);
    expect(await storedText(db)).not.toMatch(/1212|１２/);
  });

  it('refuses a value nested nine (and 500) levels deep in an unknown field, and a number in a property name', async () => {
    const db = await open();
    for (const depth of [9, 500]) {
      await expect(db.settings.put({ key: 'x', value: nested(depth, 'anteckning 121212-1212') })).rejects.toBeInstanceOf(PersonnummerRefusedError);
    }
    await expect(db.settings.put({ key: 'x', value: { extra: { '19121212-1212': true } } })).rejects.toThrow(/ett fältnamn/);
    await expect(db.settings.put({ key: 'lastPlan:121212-1212', value: 1 })).rejects.toThrow(/personnummer/);
    await db.settings.put({ key: 'x', value: nested(20, 'Anna Berg') });
    expect((await db.settings.get('x'))?.value).toEqual(nested(20, 'Anna Berg'));
  });

  it("keeps a listing report's sheet name out of listingMappings", async () => {
    const db = await open();
    const err = await saveListingMapping(db, 'Läkare|Listade', { sheet: 'Lista 121212-1212', columns: { doctor: 0 } }, 1).catch((e) => e);
    expect(err).toBeInstanceOf(PersonnummerRefusedError);
    expect(String(err.message)).toMatch(/\(kolumnval för en listningsrapport\): bladets namn/);
    expect(String(err.message)).not.toMatch(/1212/);
    expect(await db.listingMappings.count()).toBe(0);
  });

  it('rolls back the whole transaction, and the storage message says why in Swedish', async () => {
    const db = await open();
    const e = await db
      .transaction('rw', db.units, db.plans, async () => {
        await db.units.add({ id: 'u1', name: 'Ok', createdAt: 1, updatedAt: 1 });
        await db.plans.add({ id: 'p1', unitId: 'u1', name: 'Nuläge', kind: 'current', createdAt: 1, updatedAt: 1, body: { unit: { name: 'x' }, extra: { a: ['Bo 701063-2391'] } } } as never);
      })
      .catch((x) => x);
    expect(storageErrorMessage(e)).toMatch(/^Inget sparades \(plan\): en text innehåller något som ser ut som ett personnummer \(ÅÅMMDD-XXXX\)/);
    expect(await db.units.count()).toBe(0);
  });

  it('lets ordinary data through: ids, time stamps, shares', async () => {
    const db = await open();
    await db.units.add({ id: 'unit-3f2a1b12-0512-4c3d-8e9f-901011234567', name: 'Vårdcentralen 9 800', createdAt: 1764627319000, updatedAt: 1764627319000 });
    await db.settings.put({ key: 's', value: { share: 0.6220481927710844, when: '2026-12-01T22:15:19.123Z' } });
    expect(await db.units.count()).toBe(1);
  });

  it('an English IndexedDB message never reaches the user', () => {
    const big = { name: 'AbortError', inner: { name: 'UnknownError', message: 'The serialized keys and/or value are too large (size=209715200 bytes, max=133169152 bytes).' } };
    expect(storageErrorMessage(big)).toMatch(/för stort för att sparas/);
    expect(storageErrorMessage(new Error('Internal error opening backing store'))).not.toMatch(/Internal|backing/);
  });
});

/**
 * The one place where nothing holding a personnummer gets into IndexedDB (issue 12.1): a DBCore
 * middleware below every table API (add, put, update, modify, bulk writes, upgrades), installed where
 * the database is created (schema.ts). Every value written is read deeply — any depth, any field,
 * property names and keys too — by the engine's one detector. A write that holds one is refused with a
 * Swedish message naming the field (PersonnummerRefusedError), and nothing of its transaction is kept.
 * An upgrade (versionchange) is not refused, so a database from before this guard still opens: it
 * masks what it rewrites instead (ÅÅMMDD-XXXX), so old data loses its numbers on the way.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { findPersonnummerDeep, maskPersonnummerDeep, type PersonnummerLocation } from '../engine/personnummer';
import { PERSONNUMMER_MASK, PRIVACY_SV } from '../strings/privacy.sv';

export class PersonnummerRefusedError extends Error {
  constructor(
    readonly table: string,
    readonly location: PersonnummerLocation,
  ) {
    const field = [...location.path].reverse().find((p): p is string => typeof p === 'string' && !/^\d+$/.test(p)) ?? null;
    super(PRIVACY_SV.refused(table, field, location.inKey));
    this.name = 'PersonnummerRefusedError';
  }
}

/** The first personnummer in what a mutation would write (values, keys, change specs), or null. */
export function personnummerInMutation(req: DBCoreMutateRequest): PersonnummerLocation | null {
  if (req.type === 'deleteRange' || req.type === 'delete') return null;
  const parts: unknown[] = [req.values, req.keys];
  if (req.type === 'put') parts.push(req.changeSpec, req.updates?.changeSpecs, req.updates?.keys);
  for (const part of parts) {
    if (part === undefined) continue;
    const hit = findPersonnummerDeep(part);
    // The first step is the part's own index (which value of a bulk write): not a field.
    if (hit) return { path: hit.path.slice(1), inKey: hit.inKey };
  }
  return null;
}

function masked(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type === 'deleteRange' || req.type === 'delete') return req;
  const m = <T>(v: T): T => (v === undefined ? v : maskPersonnummerDeep(v, PERSONNUMMER_MASK));
  if (req.type === 'add') return { ...req, values: m(req.values), keys: m(req.keys) };
  return {
    ...req,
    values: m(req.values),
    keys: m(req.keys),
    changeSpec: m(req.changeSpec),
    updates: req.updates && { keys: m(req.updates.keys), changeSpecs: m(req.updates.changeSpecs) },
  };
}

export const personnummerGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'kapacitet-personnummer',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req) => {
          const hit = personnummerInMutation(req);
          if (!hit) return table.mutate(req);
          if ((req.trans as IDBTransaction).mode === 'versionchange') return table.mutate(masked(req));
          return Promise.reject(new PersonnummerRefusedError(name, hit));
        },
      };
    },
  }),
};

/**
 * Field-level changes between two versions of a plan (pure; no Dexie).
 *
 * Why: a tab must never write back a whole (possibly stale) copy of a plan — another tab may have
 * changed other fields meanwhile. Every edit is turned into the smallest set of field writes
 * (`diffPlans(before, after)`), and undo is the reverse diff (`diffPlans(after, before)`), applied the
 * same way. `applyOpsToPlan` applies such a change to an in-memory plan (the optimistic copy).
 */
import type { Doctor, Plan } from '../engine/index';

/** A value of `undefined` removes the field. */
export type FieldSets = Record<string, unknown>;

export interface DoctorPatch {
  id: string;
  /** Top-level doctor fields to set (undefined = remove). */
  set?: FieldSets;
  /** The whole doctor (used when a field name cannot be a key path, e.g. contains a dot). */
  whole?: Doctor;
}

export interface PlanOps {
  /** Key paths inside the plan body (everything but doctors), e.g. "unit.listed", "profile". */
  body: FieldSets;
  add: { doctor: Doctor; order: number }[];
  remove: string[];
  patch: DoctorPatch[];
  /** New positions (index in the plan's doctor list). */
  order: { id: string; order: number }[];
}

export function emptyOps(): PlanOps {
  return { body: {}, add: [], remove: [], patch: [], order: [] };
}

export function opsAreEmpty(ops: PlanOps): boolean {
  return (
    Object.keys(ops.body).length === 0 &&
    ops.add.length === 0 &&
    ops.remove.length === 0 &&
    ops.patch.length === 0 &&
    ops.order.length === 0
  );
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** Deep copy of JSON-like data (plans are JSON). */
export function clone<T>(v: T): T {
  try {
    return structuredClone(v);
  } catch {
    // A reactive proxy (Svelte $state) cannot be structured-cloned; plans are JSON, so this is exact.
    return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
  }
}

/** Collect key-path sets that turn `a` into `b`; nested plain objects are descended `depth` levels. */
function diffObject(a: Record<string, unknown>, b: Record<string, unknown>, prefix: string, depth: number, out: FieldSets): void {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const av = a[k];
    const bv = b[k];
    if (deepEqual(av, bv)) continue;
    const path = prefix + k;
    if (depth > 0 && isPlainObject(av) && isPlainObject(bv) && !k.includes('.')) {
      diffObject(av, bv, path + '.', depth - 1, out);
    } else {
      out[path] = bv === undefined ? undefined : clone(bv);
    }
  }
}

/** Removes the doctors from a plan (the plan row's body). */
export function planBody(plan: Plan): Omit<Plan, 'doctors'> {
  const { doctors: _doctors, ...body } = plan;
  return body;
}

/**
 * The field-level change from `a` to `b`. Keys containing a dot cannot be Dexie key paths; such a body
 * field is written with its parent object, such a doctor field by replacing the doctor.
 */
export function diffPlans(a: Plan, b: Plan): PlanOps {
  const ops = emptyOps();
  const bodyA = planBody(a) as Record<string, unknown>;
  const bodyB = planBody(b) as Record<string, unknown>;
  const dotted = [...Object.keys(bodyA), ...Object.keys(bodyB)].some((k) => k.includes('.'));
  if (dotted) {
    // Rare (an unknown top-level field with a dot): write each changed top-level field whole.
    for (const k of new Set([...Object.keys(bodyA), ...Object.keys(bodyB)])) {
      if (!deepEqual(bodyA[k], bodyB[k])) ops.body[k] = bodyB[k] === undefined ? undefined : clone(bodyB[k]);
    }
    if (Object.keys(ops.body).some((k) => k.includes('.'))) ops.body = { '': clone(bodyB) };
  } else {
    diffObject(bodyA, bodyB, '', 3, ops.body);
  }

  const indexA = new Map(a.doctors.map((d, i) => [d.id, i] as const));
  const byIdA = new Map(a.doctors.map((d) => [d.id, d] as const));
  const idsB = new Set(b.doctors.map((d) => d.id));
  for (const d of a.doctors) if (!idsB.has(d.id)) ops.remove.push(d.id);
  b.doctors.forEach((d, i) => {
    const old = byIdA.get(d.id);
    if (!old) {
      ops.add.push({ doctor: clone(d), order: i });
      return;
    }
    if (indexA.get(d.id) !== i) ops.order.push({ id: d.id, order: i });
    if (deepEqual(old, d)) return;
    const keys = new Set([...Object.keys(old), ...Object.keys(d)]);
    if ([...keys].some((k) => k.includes('.'))) {
      ops.patch.push({ id: d.id, whole: clone(d) });
      return;
    }
    const set: FieldSets = {};
    for (const k of keys) {
      const [ov, nv] = [(old as unknown as FieldSets)[k], (d as unknown as FieldSets)[k]];
      if (!deepEqual(ov, nv)) set[k] = nv === undefined ? undefined : clone(nv);
    }
    ops.patch.push({ id: d.id, set });
  });
  return ops;
}

/** Sets (or removes, for undefined) a value at a dotted key path, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = obj[parts[i]];
    if (!isPlainObject(next)) {
      if (value === undefined) return;
      obj[parts[i]] = {};
    }
    obj = obj[parts[i]] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete obj[last];
  else obj[last] = clone(value);
}

/**
 * Applies a change to a plan and returns a new plan (the input is not mutated). Doctors keep their
 * relative order unless the change moves them; doctors the change refers to but the plan lacks (removed
 * meanwhile in another tab) are skipped.
 */
export function applyOpsToPlan(plan: Plan, ops: PlanOps): Plan {
  let body = clone(planBody(plan)) as Record<string, unknown>;
  if ('' in ops.body) body = clone(ops.body[''] as Record<string, unknown>);
  else for (const [path, value] of Object.entries(ops.body)) setPath(body, path, value);

  const removed = new Set(ops.remove);
  const patches = new Map(ops.patch.map((p) => [p.id, p] as const));
  const orders = new Map(ops.order.map((o) => [o.id, o.order] as const));
  type Slot = { doctor: Doctor; order: number; tie: number };
  const slots: Slot[] = [];
  plan.doctors.forEach((d, i) => {
    if (removed.has(d.id)) return;
    const p = patches.get(d.id);
    let doctor = d;
    if (p?.whole) doctor = clone(p.whole);
    else if (p?.set) {
      const fields: FieldSets = { ...d };
      for (const [k, v] of Object.entries(p.set)) {
        if (v === undefined) delete fields[k];
        else fields[k] = clone(v);
      }
      doctor = fields as unknown as Doctor;
    }
    slots.push({ doctor, order: orders.get(d.id) ?? i, tie: 1 });
  });
  const present = new Set(slots.map((s) => s.doctor.id));
  for (const a of ops.add) {
    if (present.has(a.doctor.id)) continue;
    // An added doctor takes its slot ahead of an existing doctor at the same position.
    slots.push({ doctor: clone(a.doctor), order: a.order, tie: 0 });
  }
  slots.sort((x, y) => x.order - y.order || x.tie - y.tie);
  return { ...(body as Omit<Plan, 'doctors'>), doctors: slots.map((s) => s.doctor) } as Plan;
}

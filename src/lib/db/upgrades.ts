/**
 * The data steps of the schema versions (schema.ts). Each runs inside Dexie's upgrade transaction: it
 * keeps everything or, when it cannot, throws, so the whole upgrade rolls back and the database stays
 * at its old version, untouched (issue 12.6: migrations refuse what they cannot keep, never drop).
 */
import type { Transaction } from 'dexie';
import type { Doctor } from '../engine/index';
import { DATA_SV } from '../strings/data.sv';
import { addNotices, type DataNotice } from './notices';
import type { DoctorRecord } from './records';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Doctor ids that are unique within the plan: a missing or repeated id gets a new one ("d3" → "d3-2",
 * never one another doctor of the plan already has), in list order, so the first doctor keeps its id.
 * Returns the doctors (renamed ones copied) and who was renamed.
 */
export function uniqueDoctorIds(list: Obj[]): { doctors: Obj[]; renamed: { name: string; from: string; to: string }[] } {
  const own = (d: Obj) => (typeof d.id === 'string' ? d.id : d.id === undefined || d.id === null ? '' : String(d.id));
  const taken = new Set(list.map(own).filter(Boolean));
  const used = new Set<string>();
  const renamed: { name: string; from: string; to: string }[] = [];
  const doctors = list.map((d) => {
    const id = own(d);
    if (id && !used.has(id)) {
      used.add(id);
      return id === d.id ? d : { ...d, id };
    }
    const base = id || 'd';
    let k = 2;
    while (taken.has(`${base}-${k}`) || used.has(`${base}-${k}`)) k++;
    const next = `${base}-${k}`;
    used.add(next);
    renamed.push({ name: typeof d.name === 'string' ? d.name : '', from: id, to: next });
    return { ...d, id: next };
  });
  return { doctors, renamed };
}

/**
 * v1 → v2: each plan's doctors move out of the plan row into the doctors table (keyed [planId+id]).
 * Two doctors of one plan with the same id would be one row, so the later one gets a new id and the
 * user is told once (a notice naming the plan and the doctors, no internal ids). A doctors entry that is
 * not a doctor at all is kept in the plan under `unreadableDoctors` (written back with the plan file).
 */
export async function splitDoctors(tx: Transaction): Promise<void> {
  type V1PlanRow = { id: string; unitId?: string; name?: string; body: Obj };
  const plans = (await tx.table('plans').toArray()) as V1PlanRow[];
  const units = new Map(((await tx.table('units').toArray()) as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  const rows: DoctorRecord[] = [];
  const notices: DataNotice[] = [];
  for (const plan of plans) {
    const list: unknown[] = Array.isArray(plan.body.doctors) ? plan.body.doctors : [];
    const unreadable = list.filter((d) => !isObj(d));
    const { doctors, renamed } = uniqueDoctorIds(list.filter(isObj));
    doctors.forEach((d, i) => rows.push({ planId: plan.id, id: String(d.id), order: i, data: d as unknown as Doctor }));
    delete plan.body.doctors;
    if (unreadable.length) plan.body.unreadableDoctors = unreadable;
    if (renamed.length || unreadable.length) {
      notices.push({
        id: `upgrade-2-${plan.id}`,
        message: DATA_SV.notices.doctorsKept(plan.name ?? '', units.get(plan.unitId ?? '') ?? '', renamed, unreadable.length),
        createdAt: Date.now(),
      });
    }
  }
  await tx.table('doctors').bulkAdd(rows); // bulkAdd, not bulkPut: a clash now fails the upgrade instead of overwriting
  await tx.table('plans').bulkPut(plans);
  await addNotices(tx.table('settings'), notices);
}

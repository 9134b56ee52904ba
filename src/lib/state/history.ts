/**
 * Undo/redo history per plan. An entry holds the field-level change and its inverse (db/planOps.ts),
 * so undo writes back only the fields the step changed. Kept in IndexedDB (table `history`, one
 * record per plan, written in the same transaction as the step itself), so a reload keeps Ångra/Gör om
 * (issue 11.5); at most HISTORY_LIMIT steps each way.
 *
 * Two tabs: a step is undone only when every field it wrote still holds what it wrote (`staleFields`);
 * when another tab has changed one of them since, the step is refused with a message instead of
 * silently writing the older value over the other tab's (issue 11.7).
 */
import { deepEqual, planBody, type HistoryRecord, type HistoryStep, type PlanOps } from '../db/index';
import type { Plan } from '../engine/index';

export type HistoryEntry = HistoryStep;

export const HISTORY_LIMIT = 200;

export class PlanHistory {
  readonly undoStack: HistoryEntry[] = [];
  readonly redoStack: HistoryEntry[] = [];

  push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  /** Removes an entry whose write failed (it never happened). */
  drop(entry: HistoryEntry): void {
    const i = this.undoStack.lastIndexOf(entry);
    if (i >= 0) this.undoStack.splice(i, 1);
  }

  /** The record stored for this history (a copy of both stacks). */
  record(planId: string, now: number): HistoryRecord {
    return { planId, undo: this.undoStack.slice(-HISTORY_LIMIT), redo: this.redoStack.slice(-HISTORY_LIMIT), updatedAt: now };
  }

  /** Takes the stacks of a stored record (a reload); only while this tab has made no step of its own. */
  load(record: HistoryRecord): boolean {
    if (this.undoStack.length || this.redoStack.length) return false;
    this.undoStack.push(...record.undo.slice(-HISTORY_LIMIT));
    this.redoStack.push(...record.redo.slice(-HISTORY_LIMIT));
    return true;
  }
}

export class Histories {
  #byPlan = new Map<string, PlanHistory>();

  of(planId: string): PlanHistory {
    let h = this.#byPlan.get(planId);
    if (!h) {
      h = new PlanHistory();
      this.#byPlan.set(planId, h);
    }
    return h;
  }

  peek(planId: string | null): PlanHistory | undefined {
    return planId ? this.#byPlan.get(planId) : undefined;
  }

  forget(planId: string): void {
    this.#byPlan.delete(planId);
  }

  clear(): void {
    this.#byPlan.clear();
  }
}

function valueAt(obj: unknown, path: string): unknown {
  let v = obj;
  for (const part of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * The fields `wrote` set that hold something else in `plan` now (another tab wrote them later), as
 * Swedish-free descriptions for the message: body paths and "<doctor name>" for a doctor's fields.
 * Doctors the plan no longer has are not counted (applying skips them anyway). A doctor the step added
 * counts when it is no longer exactly as added (undoing would remove another tab's later edits of it).
 */
export function staleFields(plan: Plan, wrote: PlanOps): { body: string[]; doctors: string[] } {
  const body: string[] = [];
  const doctors: string[] = [];
  const b = planBody(plan);
  for (const [path, value] of Object.entries(wrote.body)) {
    const now = path === '' ? b : valueAt(b, path);
    if (!deepEqual(now, value)) body.push(path);
  }
  const byId = new Map(plan.doctors.map((d) => [d.id, d] as const));
  // A doctor the step added (or its undo brought back): taking it away again would also take away
  // what another tab has written into that doctor since.
  for (const a of wrote.add) {
    const d = byId.get(a.doctor.id);
    if (d && !deepEqual(d, a.doctor)) doctors.push(d.name);
  }
  for (const p of wrote.patch) {
    const d = byId.get(p.id);
    if (!d) continue;
    const changed = p.whole
      ? !deepEqual(d, p.whole)
      : Object.entries(p.set ?? {}).some(([k, v]) => !deepEqual((d as unknown as Record<string, unknown>)[k], v));
    if (changed) doctors.push(d.name);
  }
  return { body, doctors };
}

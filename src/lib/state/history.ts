/**
 * Undo/redo history per plan (in memory, per tab). An entry holds the field-level change and its
 * inverse (db/planOps.ts), so undo writes back only the fields the step changed.
 */
import type { PlanOps } from '../db/index';

export interface HistoryEntry {
  label: string;
  redo: PlanOps;
  undo: PlanOps;
}

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

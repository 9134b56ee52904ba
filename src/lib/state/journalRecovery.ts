/**
 * At app start, before anything can be backed up or shown: the APT edits a closed tab left in its
 * localStorage journal (workshopJournal.ts) are stored in IndexedDB, so a backup taken before the APT
 * view was ever opened never misses a closed tab's last notes. The workshop writer's own recovery
 * (on first opening the APT view) then finds nothing left to do.
 */
import type { KapacitetDb } from '../db/schema';
import type { WorkshopEdit } from '../engine/workshop';
import { UnsavedJournal, pageStorage, type JournalStorage } from './workshopJournal';

/** Replays every journal of `scope` (the database name) into the database; returns how many edits. */
export async function recoverAptJournal(db: KapacitetDb, scope: string, now: number, storage: JournalStorage | null = pageStorage()): Promise<number> {
  if (!storage) return 0;
  // A fresh id: every journal found belongs to another (closed, or still writing) tab.
  const journal = new UnsavedJournal(storage, scope, `start-${now}-${Math.random().toString(36).slice(2)}`);
  const byMeeting: Record<string, WorkshopEdit[]> = {};
  let n = 0;
  for (const e of journal.takeOthers()) {
    (byMeeting[e.meetingId] ??= []).push(e.edit);
    n++;
  }
  if (n === 0) return 0;
  // The APT's repository (and the engine's workshop rules with it) only when there is something to
  // bring back: not part of the first view otherwise (issue 13.6).
  const { applyWorkshopEdits, WorkshopRejected } = await import('../db/workshopRepo');
  for (const [meetingId, edits] of Object.entries(byMeeting)) {
    try {
      await applyWorkshopEdits(db, meetingId, edits, now);
    } catch (e) {
      // A meeting removed since, or an edit refused: nothing to bring back.
      if (!(e instanceof WorkshopRejected)) console.warn('workshop journal', e);
    }
  }
  return n;
}

/**
 * The APT's write pipeline: saved as typed, nothing lost on close.
 *
 * Every edit is queued and its write starts in the same task (a microtask: the edits of one event go
 * into one transaction), with no debounce window. One transaction per meeting is in flight at a time;
 * edits typed meanwhile go into the next, so the tail after the last keystroke is at most two short
 * transactions. `flushNow()` (the page is hidden or closing) starts everything at once and, while
 * anything is not yet committed, writes it synchronously to the localStorage journal that the next
 * start replays (workshopJournal.ts). Writes are edits applied to the stored record
 * (db/workshopRepo.ts), never a copy, so another tab's changes survive.
 */
import { applyWorkshopEdits, WorkshopRejected } from '../db/workshopRepo';
import type { KapacitetDb } from '../db/schema';
import type { Meeting, WorkshopEdit } from '../engine/workshop';
import { UnsavedJournal, type JournalEntry, type JournalStorage } from './workshopJournal';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface PendingEdit {
  seq: number;
  meetingId: string;
  edit: WorkshopEdit;
  started: boolean;
}

export interface WriterHost {
  db: () => KapacitetDb | null;
  clock: () => number;
  /** How long to wait before writing again after a failed write (default 2 s). */
  retryMs?: number;
  /** A write committed: the meeting as stored now. */
  onStored: (m: Meeting) => void;
  /** A write was refused or failed (nothing of its batch was stored). */
  onFailed: (e: unknown) => void;
}

export class WorkshopWriter {
  /** This tab's edits not yet committed, in order (the state shows them on top of the stored copy). */
  pending = $state.raw<PendingEdit[]>([]);
  status = $state<SaveStatus>('idle');
  #seq = 0;
  #scheduled = false;
  #inflight: Promise<void>[] = [];
  /** Meetings with a write in flight (the next batch waits for it). */
  #writing: Record<string, true> = {};
  #journal: UnsavedJournal | null;
  #journaled = false;
  #recovered: Promise<void> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  readonly #host: WriterHost;

  /** `journal`: where unsaved edits go when the page closes (null: nowhere). */
  constructor(host: WriterHost, storage: JournalStorage | null, scope: string) {
    this.#host = host;
    this.#journal = storage ? new UnsavedJournal(storage, scope, randomId()) : null;
  }

  queue(meetingId: string, edit: WorkshopEdit): void {
    this.pending = [...this.pending, { seq: ++this.#seq, meetingId, edit, started: false }];
    this.status = 'saving';
    if (this.#scheduled) return;
    this.#scheduled = true;
    // One transaction for the edits of one event (e.g. creating an item and its first letter).
    queueMicrotask(() => this.#start());
  }

  /** Drops what is queued for a meeting that is going away. */
  forget(meetingId: string): void {
    this.pending = this.pending.filter((p) => p.meetingId !== meetingId || p.started);
  }

  /**
   * Starts the queued edits' writes: one transaction per meeting, unless one is in flight (its
   * completion starts the next). `force` starts them at once regardless: IndexedDB runs them in order.
   */
  #start(force = false): void {
    this.#scheduled = false;
    const db = this.#host.db();
    if (!db) return;
    const byMeeting: Record<string, PendingEdit[]> = {};
    for (const p of this.pending) if (!p.started && (force || !this.#writing[p.meetingId])) (byMeeting[p.meetingId] ??= []).push(p);
    for (const [meetingId, batch] of Object.entries(byMeeting)) {
      for (const p of batch) p.started = true;
      const seqs = batch.map((p) => p.seq);
      this.#writing[meetingId] = true;
      const done = applyWorkshopEdits(db, meetingId, batch.map((p) => p.edit), this.#host.clock()).then(
        (stored) => {
          this.#host.onStored(stored);
          this.#settle(meetingId, seqs, null);
        },
        (e: unknown) => this.#settle(meetingId, seqs, e),
      );
      this.#inflight.push(done);
      void done.finally(() => (this.#inflight = this.#inflight.filter((x) => x !== done)));
    }
  }

  #settle(meetingId: string, seqs: number[], failure: unknown): void {
    // Refused (a personnummer, a bad date, a meeting another tab removed): dropped, nothing of it was
    // stored. Failed otherwise (storage full, database closing): kept, shown, and written again later.
    const keep = Boolean(failure) && !(failure instanceof WorkshopRejected);
    if (keep) {
      for (const p of this.pending) if (seqs.includes(p.seq)) p.started = false;
    } else {
      this.pending = this.pending.filter((p) => !seqs.includes(p.seq));
    }
    if (!this.pending.some((p) => p.meetingId === meetingId && p.started)) delete this.#writing[meetingId];
    if (failure) {
      this.status = 'error';
      this.#host.onFailed(failure);
    } else if (this.pending.length === 0) {
      this.status = 'saved';
    }
    if (this.pending.length === 0 && this.#journaled) {
      this.#journal?.clear();
      this.#journaled = false;
    }
    if (keep) {
      this.#retry ??= setTimeout(() => {
        this.#retry = null;
        this.#start();
      }, this.#host.retryMs ?? 2000);
    } else if (this.pending.some((p) => !p.started)) {
      // Edits typed while this write was in flight.
      this.#start();
    }
  }

  /** The page is being hidden or closed: start every write now and keep what is not yet committed. */
  flushNow(): void {
    this.#start(true);
    if (this.pending.length > 0 && this.#journal) {
      const entries: JournalEntry[] = this.pending.map((p) => ({ meetingId: p.meetingId, edit: p.edit }));
      this.#journaled = this.#journal.write(entries, this.#host.clock());
    }
  }

  /** Resolves when every edit made so far has been tried once; false when one failed or is kept to retry. */
  async flush(): Promise<boolean> {
    this.#start(true);
    while (this.#inflight.length) await Promise.all(this.#inflight);
    return this.status !== 'error';
  }

  dispose(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }

  /** Once per tab, before the first read: store the edits a closed tab left in the journal. */
  recover(db: KapacitetDb): Promise<void> {
    this.#recovered ??= (async () => {
      const byMeeting: Record<string, WorkshopEdit[]> = {};
      for (const e of this.#journal?.takeOthers() ?? []) (byMeeting[e.meetingId] ??= []).push(e.edit);
      for (const [meetingId, edits] of Object.entries(byMeeting)) {
        try {
          await applyWorkshopEdits(db, meetingId, edits, this.#host.clock());
        } catch (e) {
          // A meeting removed since, or an edit refused: nothing to bring back.
          if (!(e instanceof WorkshopRejected)) console.warn('workshop journal', e);
        }
      }
    })();
    return this.#recovered;
  }
}

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

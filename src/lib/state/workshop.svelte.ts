/**
 * Workshop (APT) state: the meetings of the current unit, the open meeting, what is captured in it,
 * the timers, the presenter and the minutes.
 *
 * Saved as typed (workshopWriter.svelte.ts): every edit is shown at once, its write starts in the
 * same task, and a page closed right after the last keystroke loses nothing. Writes are edits, not
 * copies, so a second tab on the same meeting keeps its own notes. What this tab shows is the newest
 * stored copy of each meeting (live from every tab, the higher `rev` wins) with this tab's not yet
 * committed edits on top.
 */
import { deleteWorkshop, listWorkshops, openWorkshop, WorkshopRejected } from '../db/workshopRepo';
import {
  applyWorkshopEdit,
  carriedActions,
  clampTimerMinutes,
  endsInPossiblePersonnummer,
  findPersonnummerIn,
  meetingMinutes,
  parseDueDate,
  TIMER_DEFAULT_MINUTES,
  type CarriedAction,
  type Meeting,
  type MeetingMinutes,
  type WorkshopAreaId,
  type WorkshopEdit,
  type WorkshopItem,
  type WorkshopItemKind,
  type WorkshopItemPatch,
} from '../engine/workshop';
import { WORKSHOP as W } from '../strings/workshop.sv';
import { app, type AppState } from './app.svelte';
import { LiveValue } from './live.svelte';
import { downloadBytes } from './download';
import { pageStorage, type JournalStorage } from './workshopJournal';
import { Presenter } from './workshopPresenter.svelte';
import { AreaTimers } from './workshopTimers.svelte';
import { WorkshopWriter, type SaveStatus } from './workshopWriter.svelte';

export type { SaveStatus };

/** What can be typed into a captured item. */
export type CapturePatch = Pick<WorkshopItemPatch, 'text' | 'owner' | 'due'>;

/** Key of a typed field (for unsaved text): an item's field, or a capture field before its item exists. */
export const itemFieldKey = (itemId: string, field: keyof CapturePatch): string => `${itemId}:${field}`;
export const draftFieldKey = (prefix: string, kind: WorkshopItemKind, areaId: WorkshopAreaId): string => `${prefix}:${kind}:${areaId}`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class WorkshopState {
  /** The open meeting's id (of the current unit). */
  meetingId = $state<string | null>(null);
  error = $state<string | null>(null);
  activeArea = $state<WorkshopAreaId>('routines');
  projector = $state(false);
  /** Polite announcement for screen readers (timer, presenter step, exports). */
  announcement = $state('');
  /**
   * Typed text not stored, by field key, shown in its field: `refused` when it holds a personnummer
   * (marked, with an error, until corrected); otherwise it ends in digits that may still become one,
   * and waits until the field is finished (Enter or leaving it) or typing moves on.
   */
  unsaved = $state<Record<string, { text: string; refused: boolean }>>({});

  /** Newest stored copy of each meeting of the unit, by id. */
  #stored = $state.raw<Record<string, Meeting>>({});
  #live: LiveValue<Meeting[]> | null = null;
  #liveUnit: string | null = null;
  #host: AppState;
  #clock: () => number;
  #removeListeners: () => void = () => undefined;

  readonly timers: AreaTimers;
  readonly presenter: Presenter;
  readonly #writer: WorkshopWriter;

  /** Every meeting of the unit as this tab shows it, newest meeting date first. */
  meetings = $derived.by((): Meeting[] => {
    const views: Meeting[] = [];
    for (const base of Object.values(this.#stored)) {
      let m = base;
      for (const p of this.#writer.pending) if (p.meetingId === base.id) m = applyWorkshopEdit(m, p.edit);
      views.push(m);
    }
    return views.sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.createdAt - a.createdAt);
  });

  /** The open meeting. */
  workshop = $derived.by((): Meeting | null => this.meetings.find((m) => m.id === this.meetingId) ?? null);

  /** Actions of earlier meetings still open on the open meeting's date (they stay in their own meeting). */
  carried = $derived.by((): CarriedAction[] => (this.workshop ? carriedActions(this.meetings, this.workshop) : []));

  /** The meetings before the open one, newest first. */
  earlier = $derived.by((): Meeting[] => {
    const w = this.workshop;
    return w ? this.meetings.filter((m) => m.id !== w.id && m.meetingDate < w.meetingDate) : [];
  });

  get status(): SaveStatus {
    return this.#writer.status;
  }

  /** The open meeting's date (a primitive: it changes only when another meeting is opened). */
  meetingDate = $derived.by((): string => this.workshop?.meetingDate ?? '');

  /**
   * `clock`: milliseconds (tests pass their own); `storage`: where unsaved edits go when the page
   * closes (default localStorage; null: none).
   */
  constructor(host: AppState, clock: () => number = () => Date.now(), storage?: JournalStorage | null) {
    this.#host = host;
    this.#clock = clock;
    this.#writer = new WorkshopWriter(
      {
        db: () => this.#host.dbIfReady,
        clock,
        onStored: (m) => {
          this.#receive([m], false);
          if (this.error === W.saveRetrying) this.error = null;
        },
        onFailed: (e) => this.#failed(e),
      },
      storage === undefined ? pageStorage() : storage,
      host.dbName,
    );
    this.timers = new AreaTimers(
      (id) => this.workshop?.areas.find((a) => a.areaId === id)?.timerMinutes ?? TIMER_DEFAULT_MINUTES,
      (text) => (this.announcement = text),
      clock,
    );
    this.presenter = new Presenter((id) => (this.activeArea = id));
    if (typeof window !== 'undefined' && typeof document !== 'undefined') {
      // Nothing typed may be lost when the page closes or goes to the background.
      const flushNow = () => this.#writer.flushNow();
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') this.#writer.flushNow();
      };
      window.addEventListener('pagehide', flushNow);
      document.addEventListener('visibilitychange', onVisibility);
      this.#removeListeners = () => {
        window.removeEventListener('pagehide', flushNow);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    }
  }

  // --- Opening meetings ---------------------------------------------------------------------------

  #ensureLive(unitId: string, db: NonNullable<AppState['dbIfReady']>): void {
    if (this.#liveUnit === unitId && this.#live) return;
    this.#live?.dispose();
    this.#stored = {};
    this.#liveUnit = unitId;
    this.#live = new LiveValue(
      () => listWorkshops(db, unitId),
      (list) => this.#receive(list, true),
    );
  }

  /**
   * Newer copies replace older ones. A meeting missing from a complete list stays until the database
   * confirms it is gone (this tab may have written it after the list's query ran).
   */
  #receive(list: Meeting[], complete: boolean): void {
    const next: Record<string, Meeting> = { ...this.#stored };
    const seen: Record<string, true> = {};
    for (const m of list) {
      if (m.unitId !== this.#liveUnit) continue;
      seen[m.id] = true;
      const old = this.#stored[m.id];
      next[m.id] = old && old.rev > m.rev ? old : m;
    }
    this.#stored = next;
    if (complete) for (const id of Object.keys(next)) if (!seen[id]) void this.#confirmGone(id);
  }

  async #confirmGone(id: string): Promise<void> {
    const db = this.#host.dbIfReady;
    if (!db || (await db.workshops.get(id))) return;
    if (!this.#stored[id]) return;
    const rest = { ...this.#stored };
    delete rest[id];
    this.#stored = rest;
    if (this.meetingId === id) {
      this.meetingId = null;
      this.error = W.meetingRemovedElsewhere;
    }
  }

  /** Open (or create) the current unit's meeting of a date. */
  async open(meetingDate: string): Promise<boolean> {
    const unitId = this.#host.unitId;
    const db = this.#host.dbIfReady;
    if (!unitId || !db) {
      this.error = W.noUnit;
      return false;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) {
      this.error = W.dateInvalid;
      return false;
    }
    try {
      await this.#writer.recover(db);
      this.#ensureLive(unitId, db);
      const m = await openWorkshop(db, unitId, meetingDate, this.#clock());
      this.#receive([m], false);
      if (this.meetingId !== m.id) {
        this.meetingId = m.id;
        this.timers.resetAll();
        this.unsaved = {};
      }
      this.error = null;
      return true;
    } catch (e) {
      this.error = `${W.saveFailed}: ${e instanceof Error ? e.message : String(e)}`;
      return false;
    }
  }

  /** On entering the view: the unit's most recent meeting, or a new one dated today. */
  async openLatestOrToday(): Promise<boolean> {
    const unitId = this.#host.unitId;
    const db = this.#host.dbIfReady;
    if (!unitId || !db) {
      this.error = W.noUnit;
      return false;
    }
    if (this.workshop && this.workshop.unitId === unitId) return true;
    await this.#writer.recover(db);
    const latest = (await listWorkshops(db, unitId))[0];
    return this.open(latest?.meetingDate ?? this.#host.today);
  }

  item(itemId: string, meetingId = this.meetingId): WorkshopItem | undefined {
    return this.meetings.find((m) => m.id === meetingId)?.items[itemId];
  }

  // --- Edits (each shown at once and written in the same task) -----------------------------------

  #queue(meetingId: string, edit: WorkshopEdit): void {
    this.#writer.queue(meetingId, edit);
  }

  #failed(failure: unknown): void {
    if (!(failure instanceof WorkshopRejected)) console.warn('workshop save', failure);
    this.error = !(failure instanceof WorkshopRejected)
      ? W.saveRetrying
      : failure.reason === 'personnummer'
        ? W.personnummerFound
        : failure.reason === 'missing'
          ? W.meetingRemovedElsewhere
          : `${W.saveFailed}: ${failure.message}`;
  }

  /** Resolves when every edit made so far is stored; false when one failed. */
  flush(): Promise<boolean> {
    return this.#writer.flush();
  }

  /** The page is being hidden or closed (also called by the page's own handlers). */
  flushNow(): void {
    this.#writer.flushNow();
  }

  /**
   * Checks typed text for a personnummer (never stored) and, unless `final`, for a tail that may
   * still become one (stored once the field is finished). False: not stored now.
   */
  #accept(key: string, text: string, final: boolean): boolean {
    const refused = findPersonnummerIn(text).length > 0;
    if (refused || (!final && endsInPossiblePersonnummer(text))) {
      this.unsaved = { ...this.unsaved, [key]: { text, refused } };
      if (refused) this.error = W.personnummerFound;
      return false;
    }
    if (key in this.unsaved) {
      const rest = { ...this.unsaved };
      delete rest[key];
      this.unsaved = rest;
      if (!Object.values(rest).some((u) => u.refused) && this.error === W.personnummerFound) this.error = null;
    }
    return true;
  }

  /** `final`: the field is finished (Enter, or focus left it). */
  setTitle(text: string, final = false): boolean {
    if (!this.meetingId || !this.#accept('title', text, final)) return false;
    this.#queue(this.meetingId, { op: 'title', text });
    return true;
  }

  setParticipants(text: string, final = false): boolean {
    if (!this.meetingId || !this.#accept('participants', text, final)) return false;
    this.#queue(this.meetingId, { op: 'participants', text });
    return true;
  }

  setTimerMinutes(areaId: WorkshopAreaId, minutes: number): boolean {
    const m = clampTimerMinutes(minutes);
    if (!this.meetingId || m == null || m !== Math.round(minutes)) {
      this.error = W.timerInvalid;
      return false;
    }
    this.#queue(this.meetingId, { op: 'timer', areaId, minutes: m });
    return true;
  }

  /**
   * Typing into a capture field. `itemId` null: the item does not exist yet and is created with the
   * first character typed (so even a half-typed item survives a closed page); returns its id, or
   * null when nothing was stored (empty, or refused).
   */
  capture(areaId: WorkshopAreaId, kind: WorkshopItemKind, itemId: string | null, patch: CapturePatch, fieldKey = 'draft', final = false): string | null {
    const meetingId = this.meetingId;
    if (!meetingId) return null;
    const field = (Object.keys(patch)[0] ?? 'text') as keyof CapturePatch;
    const key = itemId ? itemFieldKey(itemId, field) : draftFieldKey(fieldKey, kind, areaId);
    if (!this.#accept(key, patch.text ?? patch.owner ?? '', final)) return null;
    if (itemId) {
      this.#queue(meetingId, { op: 'set', itemId, patch });
      return itemId;
    }
    const empty = !patch.text?.trim() && !patch.owner?.trim() && !patch.due;
    if (empty) return null;
    const id = crypto.randomUUID();
    const item: WorkshopItem = { id, areaId, kind, text: patch.text ?? '', createdAt: this.#clock() };
    if (kind === 'action') Object.assign(item, { owner: patch.owner ?? '', due: patch.due ?? '', done: false });
    this.#queue(meetingId, { op: 'add', item });
    return id;
  }

  /** Change a captured item's text or owner (`final`: the field is finished). */
  setItem(itemId: string, patch: CapturePatch, final = false): boolean {
    const meetingId = this.meetingId;
    if (!meetingId) return false;
    const field = (Object.keys(patch)[0] ?? 'text') as keyof CapturePatch;
    if (!this.#accept(itemFieldKey(itemId, field), patch.text ?? patch.owner ?? '', final)) return false;
    this.#queue(meetingId, { op: 'set', itemId, patch });
    return true;
  }

  /** A due date as typed; stored once it is a real date (or empty). False while it is not (yet) one. */
  setDue(itemId: string, typed: string, meetingId = this.meetingId): boolean {
    const iso = parseDueDate(typed);
    if (iso === null || !meetingId) return false;
    if (this.item(itemId, meetingId)?.due !== iso) this.#queue(meetingId, { op: 'set', itemId, patch: { due: iso } });
    return true;
  }

  /**
   * Open or done, in whichever meeting it is shown: always written to the meeting that decided it.
   * Done "on" today, or on the open meeting's date when that is later (ticked at a meeting prepared
   * ahead), so every meeting it was open at keeps showing it.
   */
  setActionDone(meetingId: string, itemId: string, done: boolean): void {
    const at = this.workshop?.meetingDate ?? '';
    const doneOn = at > this.#host.today ? at : this.#host.today;
    this.#queue(meetingId, { op: 'set', itemId, patch: done ? { done, doneOn } : { done } });
  }

  removeItem(itemId: string, meetingId = this.meetingId): void {
    if (!meetingId) return;
    for (const k of Object.keys(this.unsaved)) if (k.startsWith(`${itemId}:`)) this.#accept(k, '', true);
    this.#queue(meetingId, { op: 'remove', itemId });
  }

  /** Drop an item left empty (a capture field opened and closed without text). */
  removeIfBlank(itemId: string): void {
    const i = this.item(itemId);
    if (i && !i.text.trim() && !(i.owner ?? '').trim() && !i.due) this.removeItem(itemId);
  }

  async remove(): Promise<void> {
    const db = this.#host.dbIfReady;
    const id = this.meetingId;
    if (!id || !db) return;
    await this.flush();
    this.#writer.forget(id);
    const rest = { ...this.#stored };
    delete rest[id];
    this.#stored = rest;
    this.meetingId = null;
    await deleteWorkshop(db, id);
  }

  // --- Presenter -------------------------------------------------------------------------------------

  enterProjector(): void {
    this.presenter.enterArea(this.activeArea);
    this.presenter.blank = false;
    this.presenter.help = false;
    this.projector = true;
  }

  leaveProjector(): void {
    this.presenter.blank = false;
    this.presenter.help = false;
    this.projector = false;
  }

  // --- Minutes -----------------------------------------------------------------------------------

  minutes(): MeetingMinutes | null {
    const w = this.workshop;
    return w ? meetingMinutes(w, this.carried, this.#host.unit?.name ?? this.#host.plan?.unit.name ?? '') : null;
  }

  /** The minutes as a workbook of their own (no plan data: minutes go to the whole staff). */
  async exportMinutes(): Promise<boolean> {
    const minutes = this.minutes();
    if (!minutes) return false;
    try {
      const { minutesWorkbook, minutesFileName } = await import('../io/workshopMinutes');
      downloadBytes(minutesWorkbook(minutes), minutesFileName(minutes), XLSX_TYPE);
      this.announcement = W.exported;
      return true;
    } catch (e) {
      this.error = `${W.exportFailed}: ${e instanceof Error ? e.message : String(e)}`;
      return false;
    }
  }

  dispose(): void {
    this.#removeListeners();
    this.#writer.dispose();
    this.timers.dispose();
    this.#live?.dispose();
    this.#live = null;
    this.#liveUnit = null;
  }
}

export const workshop = new WorkshopState(app);

/**
 * Workshop (APT) state: the notes of one meeting of the current unit, edited in memory and
 * saved shortly after each change (debounced) through workshopRepo; per-area timers with
 * polite announcements; the projector (large type) mode; export of the APT sheet.
 */
import {
  deleteWorkshop,
  listWorkshops,
  openWorkshop,
  saveWorkshop,
  WorkshopRejected,
} from '../db/workshopRepo';
import type { WorkshopRecord } from '../db/records';
import {
  APT_COL_WIDTHS,
  clampTimerMinutes,
  findPersonnummerIn,
  nextActionId,
  workshopToSheetRows,
  type Workshop,
  type WorkshopArea,
  type WorkshopAreaId,
} from '../engine/workshop';
import { APT_SHEET, WORKSHOP as W, WORKSHOP_AREAS } from '../strings/workshop.sv';
import type { Plan } from '../engine/index';
import { app, type AppState } from './app.svelte';
import { io } from './io.svelte';
import { LiveValue } from './live.svelte';
import { downloadBytes } from './download';

const SAVE_DELAY_MS = 600;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** One area's countdown. Time is kept as timestamps so a sleeping tab does not drift. */
export interface TimerState {
  running: boolean;
  /** Milliseconds already used before the current run started. */
  usedMs: number;
  /** Date.now() when the current run started; null when paused. */
  startedAt: number | null;
  /** Which announcements have been made in this countdown. */
  announced: { half: boolean; twoLeft: boolean; ended: boolean };
}

function freshTimer(): TimerState {
  return { running: false, usedMs: 0, startedAt: null, announced: { half: false, twoLeft: false, ended: false } };
}

export class WorkshopState {
  meetingDate = $state('');
  /** The working copy being edited (saved after a short pause). */
  workshop = $state<Workshop | null>(null);
  status = $state<SaveStatus>('idle');
  error = $state<string | null>(null);
  activeArea = $state<WorkshopAreaId>('routines');
  projector = $state(false);
  /** Polite announcement for screen readers (timer end, saved exports). */
  announcement = $state('');
  timers = $state<Record<WorkshopAreaId, TimerState>>({
    routines: freshTimer(),
    staff: freshTimer(),
    communication: freshTimer(),
  });
  /** Clock for the timers; ticks once a second while a timer runs. */
  now = $state(Date.now());

  #host: AppState;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #tick: ReturnType<typeof setInterval> | null = null;
  #clock: () => number;
  #meetings: LiveValue<WorkshopRecord[]> | null = null;
  #meetingsUnit: string | null = null;

  constructor(host: AppState, clock: () => number = () => Date.now()) {
    this.#host = host;
    this.#clock = clock;
  }

  /** Earlier meetings of the current unit, newest first (live). */
  get meetings(): WorkshopRecord[] {
    const unitId = this.#host.unitId;
    const db = this.#host.dbIfReady;
    if (!unitId || !db) return [];
    if (this.#meetingsUnit !== unitId || !this.#meetings) {
      this.#meetings?.dispose();
      this.#meetings = new LiveValue(() => listWorkshops(db, unitId));
      this.#meetingsUnit = unitId;
    }
    return this.#meetings.current ?? [];
  }

  /** Open (or create) the current unit's notes of a meeting date. */
  async open(meetingDate: string): Promise<boolean> {
    await this.flush();
    const unitId = this.#host.unitId;
    const db = this.#host.dbIfReady;
    if (!unitId || !db) {
      this.error = W.noUnit;
      return false;
    }
    try {
      const w = await openWorkshop(db, unitId, meetingDate, this.#clock());
      this.workshop = w;
      this.meetingDate = meetingDate;
      this.status = 'idle';
      this.error = null;
      this.resetAllTimers();
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
    const latest = (await listWorkshops(db, unitId))[0];
    return this.open(latest?.meetingDate ?? this.#host.today);
  }

  area(id: WorkshopAreaId): WorkshopArea | undefined {
    return this.workshop?.areas.find((a) => a.areaId === id);
  }

  /** Apply an edit to the working copy and schedule a save. */
  edit(mutate: (w: Workshop) => void): void {
    if (!this.workshop) return;
    mutate(this.workshop);
    this.#scheduleSave();
  }

  editArea(id: WorkshopAreaId, mutate: (a: WorkshopArea) => void): void {
    this.edit((w) => {
      const a = w.areas.find((x) => x.areaId === id);
      if (a) mutate(a);
    });
  }

  setNotes(id: WorkshopAreaId, notes: string): void {
    this.editArea(id, (a) => (a.notes = notes));
  }

  addItem(id: WorkshopAreaId, list: 'obstacles' | 'opportunities', text: string): boolean {
    const t = text.trim();
    if (!t) return false;
    if (findPersonnummerIn(t).length) {
      this.error = W.personnummerFound;
      return false;
    }
    this.editArea(id, (a) => a[list].push(t));
    return true;
  }

  removeItem(id: WorkshopAreaId, list: 'obstacles' | 'opportunities', index: number): void {
    this.editArea(id, (a) => a[list].splice(index, 1));
  }

  addAction(id: WorkshopAreaId): string | null {
    let newId: string | null = null;
    this.editArea(id, (a) => {
      newId = nextActionId(a.actions);
      a.actions.push({ id: newId, what: '', who: '', due: '', done: false });
    });
    return newId;
  }

  updateAction(id: WorkshopAreaId, actionId: string, patch: Partial<{ what: string; who: string; due: string; done: boolean }>): void {
    this.editArea(id, (a) => {
      const act = a.actions.find((x) => x.id === actionId);
      if (act) Object.assign(act, patch);
    });
  }

  removeAction(id: WorkshopAreaId, actionId: string): void {
    this.editArea(id, (a) => {
      const i = a.actions.findIndex((x) => x.id === actionId);
      if (i >= 0) a.actions.splice(i, 1);
    });
  }

  setTitle(title: string): void {
    this.edit((w) => (w.title = title));
  }

  #scheduleSave(): void {
    this.status = 'pending';
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Save the working copy now (also called before switching meeting). */
  async flush(): Promise<boolean> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
    }
    const db = this.#host.dbIfReady;
    if (!this.workshop || !db || this.status !== 'pending') return true;
    this.status = 'saving';
    try {
      const snapshot = $state.snapshot(this.workshop) as Workshop;
      const stored = await saveWorkshop(db, snapshot, this.#clock());
      if (this.workshop && this.workshop.id === stored.id) this.workshop.updatedAt = stored.updatedAt;
      if (this.status === 'saving') this.status = 'saved';
      this.error = null;
      return true;
    } catch (e) {
      this.status = 'error';
      this.error =
        e instanceof WorkshopRejected && e.reason === 'personnummer'
          ? W.personnummerFound
          : `${W.saveFailed}: ${e instanceof Error ? e.message : String(e)}`;
      return false;
    }
  }

  async remove(): Promise<void> {
    const db = this.#host.dbIfReady;
    if (!this.workshop || !db) return;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    await deleteWorkshop(db, this.workshop.id);
    this.workshop = null;
    this.status = 'idle';
  }

  // --- Timers (seed 003: 30–60 minutes per area) ---

  setTimerMinutes(id: WorkshopAreaId, minutes: number): boolean {
    const m = clampTimerMinutes(minutes);
    if (m == null || m !== Math.round(minutes)) {
      this.error = W.timerInvalid;
      return false;
    }
    this.editArea(id, (a) => (a.timerMinutes = m));
    return true;
  }

  durationMs(id: WorkshopAreaId): number {
    return (this.area(id)?.timerMinutes ?? 45) * 60_000;
  }

  remainingMs(id: WorkshopAreaId): number {
    const t = this.timers[id];
    const used = t.usedMs + (t.running && t.startedAt != null ? this.now - t.startedAt : 0);
    return Math.max(0, this.durationMs(id) - used);
  }

  startTimer(id: WorkshopAreaId): void {
    const t = this.timers[id];
    if (t.running || this.remainingMs(id) <= 0) return;
    this.now = this.#clock();
    t.running = true;
    t.startedAt = this.now;
    this.#ensureTick();
  }

  pauseTimer(id: WorkshopAreaId): void {
    const t = this.timers[id];
    if (!t.running || t.startedAt == null) return;
    const now = this.#clock();
    t.usedMs += now - t.startedAt;
    t.running = false;
    t.startedAt = null;
    this.now = now;
    this.#stopTickIfIdle();
  }

  resetTimer(id: WorkshopAreaId): void {
    this.timers[id] = freshTimer();
    this.#stopTickIfIdle();
  }

  resetAllTimers(): void {
    for (const a of WORKSHOP_AREAS) this.timers[a.id] = freshTimer();
    this.#stopTickIfIdle();
  }

  /** Advance the clock (called every second while a timer runs; tests call it directly). */
  tick(): void {
    this.now = this.#clock();
    for (const a of WORKSHOP_AREAS) {
      const t = this.timers[a.id];
      if (!t.running) continue;
      const left = this.remainingMs(a.id);
      const total = this.durationMs(a.id);
      const name = a.title;
      // Announce three times per countdown, never every second (WCAG 2.2.2 / polite live region).
      if (left <= 0) {
        this.pauseTimer(a.id);
        t.usedMs = total;
        if (!t.announced.ended) {
          t.announced.ended = true;
          this.announcement = W.timerEnded(name);
        }
      } else if (left <= 120_000 && !t.announced.twoLeft && total > 240_000) {
        t.announced.twoLeft = true;
        t.announced.half = true;
        this.announcement = W.timerTwoLeft(name);
      } else if (left <= total / 2 && !t.announced.half) {
        t.announced.half = true;
        this.announcement = W.timerHalf(name, Math.round(left / 60_000));
      }
    }
    this.#stopTickIfIdle();
  }

  #ensureTick(): void {
    if (this.#tick || typeof setInterval === 'undefined') return;
    this.#tick = setInterval(() => this.tick(), 1000);
  }

  #stopTickIfIdle(): void {
    const anyRunning = WORKSHOP_AREAS.some((a) => this.timers[a.id].running);
    if (!anyRunning && this.#tick) {
      clearInterval(this.#tick);
      this.#tick = null;
    }
  }

  // --- Export ---

  /** Rows of the APT sheet for the open meeting (pure engine function). */
  sheetRows() {
    if (!this.workshop) return [];
    return workshopToSheetRows($state.snapshot(this.workshop) as Workshop, { unitName: this.#host.plan?.unit.name });
  }

  /** The selected plan's workbook with an extra `APT` sheet (IO's exportWorkbook). */
  async exportWorkbook(): Promise<boolean> {
    const plan = this.#host.plan;
    if (!plan || !this.workshop) return false;
    await this.flush();
    try {
      // Through IO's worker client, so a large plan never blocks the page.
      const snapshot = $state.snapshot(plan) as Plan;
      const bytes = await io.client.run('exportWorkbook', [
        snapshot,
        { today: this.#host.today, extraSheets: [{ name: APT_SHEET.name, rows: this.sheetRows(), colWidths: APT_COL_WIDTHS }] },
      ]);
      const safe = plan.unit.name.replace(/[\\/:*?"<>|]+/g, '-');
      downloadBytes(bytes, `${safe} – APT ${this.workshop.meetingDate}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      this.announcement = W.exported;
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  dispose(): void {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
    this.#meetings?.dispose();
    this.#meetings = null;
  }
}

export const workshop = new WorkshopState(app);

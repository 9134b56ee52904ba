/**
 * The APT's countdown per area (seed 003: 30–60 minutes each). Time is kept as timestamps so a
 * sleeping tab does not drift; the half-way point, two minutes left and the end are announced once
 * each (WCAG 2.2.2: a polite live region, never every second).
 */
import { WORKSHOP_AREA_IDS, type WorkshopAreaId } from '../engine/workshop';
import { WORKSHOP as W, WORKSHOP_AREAS } from '../strings/workshop.sv';

export interface TimerState {
  running: boolean;
  /** Milliseconds already used before the current run started. */
  usedMs: number;
  /** Clock time when the current run started; null when paused. */
  startedAt: number | null;
  /** Which announcements have been made in this countdown. */
  announced: { half: boolean; twoLeft: boolean; ended: boolean };
}

function freshTimer(): TimerState {
  return { running: false, usedMs: 0, startedAt: null, announced: { half: false, twoLeft: false, ended: false } };
}

export class AreaTimers {
  state = $state<Record<WorkshopAreaId, TimerState>>({ routines: freshTimer(), staff: freshTimer(), communication: freshTimer() });
  /** Clock for the timers; ticks once a second while a timer runs. */
  now = $state(0);
  #tick: ReturnType<typeof setInterval> | null = null;
  readonly minutesOf: (id: WorkshopAreaId) => number;
  readonly announce: (text: string) => void;
  readonly clock: () => number;

  /**
   * `minutesOf`: the area's length (the meeting's setting); `announce`: polite announcement (the
   * view's live region); `clock`: milliseconds (tests pass their own).
   */
  constructor(minutesOf: (id: WorkshopAreaId) => number, announce: (text: string) => void, clock: () => number = () => Date.now()) {
    this.minutesOf = minutesOf;
    this.announce = announce;
    this.clock = clock;
    this.now = clock();
  }

  running(id: WorkshopAreaId): boolean {
    return this.state[id].running;
  }

  durationMs(id: WorkshopAreaId): number {
    return this.minutesOf(id) * 60_000;
  }

  remainingMs(id: WorkshopAreaId): number {
    const t = this.state[id];
    const used = t.usedMs + (t.running && t.startedAt != null ? this.now - t.startedAt : 0);
    return Math.max(0, this.durationMs(id) - used);
  }

  start(id: WorkshopAreaId): void {
    const t = this.state[id];
    if (t.running || this.remainingMs(id) <= 0) return;
    this.now = this.clock();
    t.running = true;
    t.startedAt = this.now;
    if (!this.#tick && typeof setInterval !== 'undefined') this.#tick = setInterval(() => this.tick(), 1000);
  }

  pause(id: WorkshopAreaId): void {
    const t = this.state[id];
    if (!t.running || t.startedAt == null) return;
    const now = this.clock();
    t.usedMs += now - t.startedAt;
    t.running = false;
    t.startedAt = null;
    this.now = now;
    this.#stopIfIdle();
  }

  toggle(id: WorkshopAreaId): void {
    if (this.state[id].running) this.pause(id);
    else this.start(id);
  }

  reset(id: WorkshopAreaId): void {
    this.state[id] = freshTimer();
    this.#stopIfIdle();
  }

  resetAll(): void {
    for (const id of WORKSHOP_AREA_IDS) this.state[id] = freshTimer();
    this.#stopIfIdle();
  }

  /** Advance the clock (every second while a timer runs; tests call it directly). */
  tick(): void {
    this.now = this.clock();
    for (const a of WORKSHOP_AREAS) {
      const t = this.state[a.id];
      if (!t.running) continue;
      const left = this.remainingMs(a.id);
      const total = this.durationMs(a.id);
      if (left <= 0) {
        this.pause(a.id);
        t.usedMs = total;
        if (!t.announced.ended) {
          t.announced.ended = true;
          this.announce(W.timerEnded(a.title));
        }
      } else if (left <= 120_000 && !t.announced.twoLeft && total > 240_000) {
        t.announced.twoLeft = true;
        t.announced.half = true;
        this.announce(W.timerTwoLeft(a.title));
      } else if (left <= total / 2 && !t.announced.half) {
        t.announced.half = true;
        this.announce(W.timerHalf(a.title, Math.round(left / 60_000)));
      }
    }
    this.#stopIfIdle();
  }

  #stopIfIdle(): void {
    if (this.#tick && !WORKSHOP_AREA_IDS.some((id) => this.state[id].running)) {
      clearInterval(this.#tick);
      this.#tick = null;
    }
  }

  dispose(): void {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
  }
}

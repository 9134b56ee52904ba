/**
 * Workshop (APT) notes: the record stored per unit and meeting date (BRIEF.md, table
 * `workshops`), its creation and its export to the `APT` sheet (domain.md §7).
 * Pure: no DOM, no Dexie; the Swedish texts come from the strings leaf.
 */
import { APT_SHEET, WORKSHOP, WORKSHOP_AREAS, type WorkshopAreaId } from '../strings/workshop.sv';
import { looksLikePersonnummer } from './personnummer';
import type { IsoDate } from './types';

export type { WorkshopAreaId };
export const WORKSHOP_AREA_IDS: readonly WorkshopAreaId[] = ['routines', 'staff', 'communication'];

/** Seed 003: each area takes about 30–60 minutes of shared dialogue. */
export const TIMER_MIN_MINUTES = 30;
export const TIMER_MAX_MINUTES = 60;
export const TIMER_DEFAULT_MINUTES = 45;

export interface WorkshopAction {
  id: string;
  what: string;
  who: string;
  due: IsoDate | '';
  done: boolean;
}

export interface WorkshopArea {
  areaId: WorkshopAreaId;
  notes: string;
  obstacles: string[];
  opportunities: string[];
  actions: WorkshopAction[];
  timerMinutes: number;
}

export interface Workshop {
  id: string;
  unitId: string;
  meetingDate: IsoDate;
  title: string;
  areas: WorkshopArea[];
  /** Milliseconds since the epoch (as every record in the database). */
  createdAt: number;
  updatedAt: number;
}

export function createWorkshopArea(areaId: WorkshopAreaId): WorkshopArea {
  return { areaId, notes: '', obstacles: [], opportunities: [], actions: [], timerMinutes: TIMER_DEFAULT_MINUTES };
}

export function createWorkshop(init: { id: string; unitId: string; meetingDate: IsoDate; now: number; title?: string }): Workshop {
  return {
    id: init.id,
    unitId: init.unitId,
    meetingDate: init.meetingDate,
    title: init.title ?? WORKSHOP.defaultTitle,
    areas: WORKSHOP_AREA_IDS.map(createWorkshopArea),
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/** Clamp a timer length to the 30–60 minutes the material suggests; null for non-numbers. */
export function clampTimerMinutes(minutes: number): number | null {
  if (!Number.isFinite(minutes)) return null;
  return Math.min(TIMER_MAX_MINUTES, Math.max(TIMER_MIN_MINUTES, Math.round(minutes)));
}

/**
 * A due date as typed in a meeting: "2027-03-15", "20270315" or "2027-3-5". Returns the ISO date,
 * '' for an empty field, or null when it is not a real calendar date.
 */
export function parseDueDate(text: string): IsoDate | '' | null {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2}))$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An id for an action that is unique within its area. */
export function nextActionId(actions: readonly WorkshopAction[]): string {
  const used = new Set(actions.map((a) => a.id));
  let n = actions.length + 1;
  while (used.has(`a${n}`)) n++;
  return `a${n}`;
}

/**
 * Candidate personal identity numbers inside free text (notes are free text, and
 * personnummer are never stored: BRIEF.md). A token counts when the strict test of
 * personnummer.ts accepts it.
 */
export function findPersonnummerIn(text: string): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(/(?<![\d])(\d{6}(?:\d{2})?[-+ ]?\d{4})(?![\d])/g)) {
    if (looksLikePersonnummer(m[1])) hits.push(m[1]);
  }
  return hits;
}

/** Every free-text field of a workshop, to check before saving. */
export function workshopTexts(w: Workshop): string[] {
  const out = [w.title];
  for (const a of w.areas) {
    out.push(a.notes, ...a.obstacles, ...a.opportunities);
    for (const act of a.actions) out.push(act.what, act.who);
  }
  return out;
}

export function workshopHasPersonnummer(w: Workshop): boolean {
  return workshopTexts(w).some((t) => findPersonnummerIn(t).length > 0);
}

/** The local calendar date of a timestamp, YYYY-MM-DD. */
export function localIsoDate(ms: number): IsoDate {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type SheetCell = string | number | boolean | null;

/**
 * Rows of the `APT` sheet for IO's exportWorkbook(plan, { extraSheets }). One block per
 * area: heading, goal, time, the questions, the notes (one row per paragraph so Excel
 * shows them readably), obstacles, opportunities and an action table.
 */
export function workshopToSheetRows(w: Workshop, context: { unitName?: string } = {}): SheetCell[][] {
  const rows: SheetCell[][] = [[APT_SHEET.heading]];
  if (context.unitName) rows.push([APT_SHEET.unit, context.unitName]);
  rows.push([APT_SHEET.title, w.title]);
  rows.push([APT_SHEET.meetingDate, w.meetingDate]);
  rows.push([APT_SHEET.updated, localIsoDate(w.updatedAt)]);
  for (const id of WORKSHOP_AREA_IDS) {
    const text = WORKSHOP_AREAS.find((a) => a.id === id);
    const area = w.areas.find((a) => a.areaId === id) ?? createWorkshopArea(id);
    if (!text) continue;
    rows.push([]);
    rows.push([APT_SHEET.area, text.title]);
    rows.push([APT_SHEET.goal, text.goal]);
    rows.push([APT_SHEET.minutes, area.timerMinutes]);
    rows.push([APT_SHEET.questions]);
    text.questions.forEach((q, i) => rows.push([`${i + 1}.`, q]));
    rows.push([APT_SHEET.notes]);
    const paragraphs = area.notes.split(/\r?\n/).filter((p) => p.trim() !== '');
    if (paragraphs.length === 0) rows.push(['', APT_SHEET.none]);
    for (const p of paragraphs) rows.push(['', p]);
    rows.push([APT_SHEET.obstacles]);
    if (area.obstacles.length === 0) rows.push(['', APT_SHEET.none]);
    for (const o of area.obstacles) rows.push(['', o]);
    rows.push([APT_SHEET.opportunities]);
    if (area.opportunities.length === 0) rows.push(['', APT_SHEET.none]);
    for (const o of area.opportunities) rows.push(['', o]);
    rows.push([APT_SHEET.actions]);
    rows.push(['', APT_SHEET.what, APT_SHEET.who, APT_SHEET.due, APT_SHEET.done]);
    if (area.actions.length === 0) rows.push(['', APT_SHEET.none]);
    for (const a of area.actions) rows.push(['', a.what, a.who, a.due, a.done ? APT_SHEET.yes : APT_SHEET.no]);
  }
  return rows;
}

/** Column widths (characters) that keep the APT sheet readable. */
export const APT_COL_WIDTHS = [22, 70, 24, 14, 8];

/**
 * Workshop (APT, domain.md §7; seed 003): the pure model of a staff meeting about fast läkarkontakt.
 * Three areas, each a shared dialogue over questions followed by obstacles and opportunities; what is
 * captured (notes, obstacles, opportunities, actions with owner and due date) is kept per meeting.
 *
 * Storage shape (table `workshops`, one record per unit and meeting date): the captured items live in
 * a map keyed by item id, and every change is an edit (`WorkshopEdit`) applied to the freshest stored
 * record inside one transaction (db/workshopRepo.ts). Two tabs adding or changing different items
 * therefore never overwrite each other, and a change of one field only touches that field.
 * Version 1 records (notes as one text per area, lists inside the area) are read by `upgradeWorkshop`,
 * deterministically, so two tabs upgrading the same record produce the same item ids.
 *
 * Pure: no DOM, no Dexie; the Swedish texts come from the strings leaf. Writers (workbooks) live in io.
 */
import { WORKSHOP, WORKSHOP_AREAS, type WorkshopAreaId, type WorkshopAreaText } from '../strings/workshop.sv';
import { findPersonnummer } from './personnummer';
import type { IsoDate } from './types';

export type { WorkshopAreaId };
export const WORKSHOP_AREA_IDS: readonly WorkshopAreaId[] = ['routines', 'staff', 'communication'];

/** Seed 003: each area takes about 30–60 minutes of shared dialogue. */
export const TIMER_MIN_MINUTES = 30;
export const TIMER_MAX_MINUTES = 60;
export const TIMER_DEFAULT_MINUTES = 45;

/** The shape written by this version of the app. */
export const WORKSHOP_VERSION = 2;

export type WorkshopItemKind = 'note' | 'obstacle' | 'opportunity' | 'action';
export const WORKSHOP_ITEM_KINDS: readonly WorkshopItemKind[] = ['note', 'obstacle', 'opportunity', 'action'];

/** One captured item of a meeting: a note, an obstacle, an opportunity or an action. */
export interface WorkshopItem {
  id: string;
  areaId: WorkshopAreaId;
  kind: WorkshopItemKind;
  /** The note, obstacle or opportunity; for an action, what is to be done. */
  text: string;
  /** Actions: who does it (free text, a name or a role). */
  owner?: string;
  /** Actions: by when ('' = no date). */
  due?: IsoDate | '';
  /** Actions: done, and the day it was marked done (so later meetings know it was open at theirs). */
  done?: boolean;
  doneOn?: IsoDate;
  /** When it was captured (ms); items are listed in this order. */
  createdAt: number;
}

export type WorkshopAction = WorkshopItem & { kind: 'action' };

/** A version 1 action (inside its area). */
export interface LegacyWorkshopAction {
  id: string;
  what: string;
  who: string;
  due: IsoDate | '';
  done: boolean;
}

/** Settings of one area. Version 1 also kept the captured text here (read by upgradeWorkshop). */
export interface WorkshopArea {
  areaId: WorkshopAreaId;
  timerMinutes: number;
  notes?: string;
  obstacles?: string[];
  opportunities?: string[];
  actions?: LegacyWorkshopAction[];
}

/** A meeting as stored: version 2, or version 1 without the optional fields. */
export interface Workshop {
  id: string;
  unitId: string;
  meetingDate: IsoDate;
  title: string;
  areas: WorkshopArea[];
  /** Who took part, as typed (free text). */
  participants?: string;
  /** The captured items by id. */
  items?: Record<string, WorkshopItem>;
  /** Write counter, +1 on every stored change: of two copies the higher is the newer. */
  rev?: number;
  version?: number;
  /** Milliseconds since the epoch (as every record in the database). */
  createdAt: number;
  updatedAt: number;
}

/** A meeting in the current shape, every field present (what the app works with). */
export interface Meeting extends Workshop {
  participants: string;
  items: Record<string, WorkshopItem>;
  rev: number;
  version: typeof WORKSHOP_VERSION;
}

export function createWorkshopArea(areaId: WorkshopAreaId): WorkshopArea {
  return { areaId, timerMinutes: TIMER_DEFAULT_MINUTES };
}

export function createWorkshop(init: { id: string; unitId: string; meetingDate: IsoDate; now: number; title?: string }): Meeting {
  return {
    id: init.id,
    unitId: init.unitId,
    meetingDate: init.meetingDate,
    title: init.title ?? WORKSHOP.defaultTitle,
    participants: '',
    areas: WORKSHOP_AREA_IDS.map(createWorkshopArea),
    items: {},
    rev: 0,
    version: WORKSHOP_VERSION,
    createdAt: init.now,
    updatedAt: init.now,
  };
}

/** Clamp a timer length to the 30–60 minutes the material suggests; null for non-numbers. */
export function clampTimerMinutes(minutes: number): number | null {
  if (!Number.isFinite(minutes)) return null;
  return Math.min(TIMER_MAX_MINUTES, Math.max(TIMER_MIN_MINUTES, Math.round(minutes)));
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const isArea = (v: unknown): v is WorkshopAreaId => WORKSHOP_AREA_IDS.includes(v as WorkshopAreaId);
const isKind = (v: unknown): v is WorkshopItemKind => WORKSHOP_ITEM_KINDS.includes(v as WorkshopItemKind);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One stored item, cleaned; null when it is not an item at all. */
function cleanItem(id: string, raw: unknown): WorkshopItem | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!isArea(r.areaId) || !isKind(r.kind)) return null;
  const item: WorkshopItem = { id, areaId: r.areaId, kind: r.kind, text: str(r.text), createdAt: Number(r.createdAt) || 0 };
  if (r.kind === 'action') {
    item.owner = str(r.owner);
    item.due = typeof r.due === 'string' && ISO_DATE.test(r.due) ? r.due : '';
    item.done = Boolean(r.done);
    if (item.done && typeof r.doneOn === 'string' && ISO_DATE.test(r.doneOn)) item.doneOn = r.doneOn;
  }
  return item;
}

/**
 * Any stored meeting in the current shape. Version 1 text moves into items with ids derived from
 * the area and position (`routines-note`, `staff-obstacle-2`, `communication-action-a1`), so the
 * upgrade gives the same result in every tab; a version 1 area's notes become one note.
 */
export function upgradeWorkshop(w: Workshop): Meeting {
  const items: Record<string, WorkshopItem> = {};
  for (const [id, raw] of Object.entries(w.items ?? {})) {
    const item = cleanItem(id, raw);
    if (item) items[id] = item;
  }
  const areas = WORKSHOP_AREA_IDS.map((areaId): WorkshopArea => {
    const a = (Array.isArray(w.areas) ? w.areas : []).find((x) => x && x.areaId === areaId);
    let t = Number(w.createdAt) || 0;
    const add = (id: string, item: Omit<WorkshopItem, 'id' | 'areaId' | 'createdAt'>) => {
      if (!items[id]) items[id] = { id, areaId, createdAt: t++, ...item };
    };
    if (a && typeof a.notes === 'string' && a.notes.trim() !== '') add(`${areaId}-note`, { kind: 'note', text: a.notes });
    (a?.obstacles ?? []).forEach((text, i) => add(`${areaId}-obstacle-${i + 1}`, { kind: 'obstacle', text: str(text) }));
    (a?.opportunities ?? []).forEach((text, i) => add(`${areaId}-opportunity-${i + 1}`, { kind: 'opportunity', text: str(text) }));
    for (const act of a?.actions ?? []) {
      add(`${areaId}-action-${str(act.id)}`, {
        kind: 'action',
        text: str(act.what),
        owner: str(act.who),
        due: ISO_DATE.test(str(act.due)) ? act.due : '',
        done: Boolean(act.done),
      });
    }
    return { areaId, timerMinutes: clampTimerMinutes(Number(a?.timerMinutes)) ?? TIMER_DEFAULT_MINUTES };
  });
  return {
    id: w.id,
    unitId: w.unitId,
    meetingDate: w.meetingDate,
    title: str(w.title),
    participants: str(w.participants),
    areas,
    items,
    rev: Number(w.rev) || 0,
    version: WORKSHOP_VERSION,
    createdAt: Number(w.createdAt) || 0,
    updatedAt: Number(w.updatedAt) || 0,
  };
}

// --- Edits -------------------------------------------------------------------------------------

export type WorkshopItemPatch = Partial<Pick<WorkshopItem, 'text' | 'owner' | 'due' | 'done'>> & { doneOn?: IsoDate };

/** One change of a meeting. Applying the same edit twice gives the same meeting. */
export type WorkshopEdit =
  | { op: 'title'; text: string }
  | { op: 'participants'; text: string }
  | { op: 'timer'; areaId: WorkshopAreaId; minutes: number }
  | { op: 'add'; item: WorkshopItem }
  | { op: 'set'; itemId: string; patch: WorkshopItemPatch }
  | { op: 'remove'; itemId: string };

/**
 * The meeting after one edit (a new object; the input is not changed). An edit of an item another
 * tab removed does nothing (the removal wins); adding an item that exists already does nothing.
 */
export function applyWorkshopEdit(m: Meeting, e: WorkshopEdit): Meeting {
  switch (e.op) {
    case 'title':
      return { ...m, title: e.text };
    case 'participants':
      return { ...m, participants: e.text };
    case 'timer': {
      const minutes = clampTimerMinutes(e.minutes);
      if (minutes === null) return m;
      return { ...m, areas: m.areas.map((a) => (a.areaId === e.areaId ? { ...a, timerMinutes: minutes } : a)) };
    }
    case 'add': {
      if (m.items[e.item.id]) return m;
      const item = cleanItem(e.item.id, e.item);
      return item ? { ...m, items: { ...m.items, [item.id]: item } } : m;
    }
    case 'set': {
      const old = m.items[e.itemId];
      if (!old) return m;
      const next: WorkshopItem = { ...old };
      if (e.patch.text !== undefined) next.text = e.patch.text;
      if (old.kind === 'action') {
        if (e.patch.owner !== undefined) next.owner = e.patch.owner;
        if (e.patch.due !== undefined && (e.patch.due === '' || ISO_DATE.test(e.patch.due))) next.due = e.patch.due;
        if (e.patch.done !== undefined) {
          next.done = e.patch.done;
          if (e.patch.done && e.patch.doneOn) next.doneOn = e.patch.doneOn;
          if (!e.patch.done) delete next.doneOn;
        }
      }
      return { ...m, items: { ...m.items, [e.itemId]: next } };
    }
    case 'remove': {
      if (!m.items[e.itemId]) return m;
      const items = { ...m.items };
      delete items[e.itemId];
      return { ...m, items };
    }
  }
}

/** The free text an edit would store (checked for personal identity numbers before saving). */
export function editTexts(e: WorkshopEdit): string[] {
  switch (e.op) {
    case 'title':
    case 'participants':
      return [e.text];
    case 'add':
      return [e.item.text, e.item.owner ?? ''];
    case 'set':
      return [e.patch.text ?? '', e.patch.owner ?? ''];
    default:
      return [];
  }
}

// --- Reading ------------------------------------------------------------------------------------

const byCapture = (a: WorkshopItem, b: WorkshopItem) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The items of one area and kind, in the order they were captured. */
export function itemsOf(m: Meeting, areaId: WorkshopAreaId, kind: WorkshopItemKind): WorkshopItem[] {
  return Object.values(m.items)
    .filter((i) => i.areaId === areaId && i.kind === kind)
    .sort(byCapture);
}

const isBlank = (i: WorkshopItem) => i.text.trim() === '' && (i.kind !== 'action' || ((i.owner ?? '').trim() === '' && !i.due));

/** The meeting's actions that are not done (blank rows left out). */
export function openActions(m: Meeting): WorkshopAction[] {
  return (Object.values(m.items).filter((i) => i.kind === 'action' && !i.done && !isBlank(i)) as WorkshopAction[]).sort(byCapture);
}

/** An action of an earlier meeting shown in a later one (one source of truth: it stays in its own). */
export interface CarriedAction {
  meetingId: string;
  meetingDate: IsoDate;
  item: WorkshopAction;
}

/**
 * Actions carried into `current`: those of earlier meetings of the unit that were still open on
 * its date (not done, or marked done on or after that date), earliest due date first.
 */
export function carriedActions(meetings: readonly Meeting[], current: Meeting): CarriedAction[] {
  const out: CarriedAction[] = [];
  for (const m of meetings) {
    if (m.id === current.id || m.unitId !== current.unitId || m.meetingDate >= current.meetingDate) continue;
    for (const i of Object.values(m.items)) {
      if (i.kind !== 'action' || isBlank(i)) continue;
      if (i.done && (i.doneOn ?? '') < current.meetingDate) continue;
      out.push({ meetingId: m.id, meetingDate: m.meetingDate, item: i as WorkshopAction });
    }
  }
  const due = (c: CarriedAction) => c.item.due || '9999-99-99';
  return out.sort((a, b) => due(a).localeCompare(due(b)) || a.meetingDate.localeCompare(b.meetingDate) || byCapture(a.item, b.item));
}

// --- Minutes ------------------------------------------------------------------------------------

export interface MinutesAction {
  what: string;
  owner: string;
  due: IsoDate | '';
  done: boolean;
  doneOn?: IsoDate;
  /** Carried actions: the date of the meeting that decided it. */
  from?: IsoDate;
}

/** The meeting's minutes: one model for the printed page and the workbook sheet. */
export interface MeetingMinutes {
  unitName: string;
  title: string;
  meetingDate: IsoDate;
  participants: string;
  carried: MinutesAction[];
  areas: { areaId: WorkshopAreaId; title: string; notes: string[]; obstacles: string[]; opportunities: string[]; actions: MinutesAction[] }[];
}

const toMinutesAction = (i: WorkshopItem, from?: IsoDate): MinutesAction => ({
  what: i.text,
  owner: i.owner ?? '',
  due: i.due ?? '',
  done: Boolean(i.done),
  ...(i.done && i.doneOn ? { doneOn: i.doneOn } : {}),
  ...(from ? { from } : {}),
});

export function meetingMinutes(m: Meeting, carried: readonly CarriedAction[], unitName = ''): MeetingMinutes {
  const texts = (areaId: WorkshopAreaId, kind: WorkshopItemKind) =>
    itemsOf(m, areaId, kind)
      .filter((i) => !isBlank(i))
      .map((i) => i.text);
  return {
    unitName,
    title: m.title,
    meetingDate: m.meetingDate,
    participants: m.participants,
    carried: carried.map((c) => toMinutesAction(c.item, c.meetingDate)),
    areas: WORKSHOP_AREAS.map((a) => ({
      areaId: a.id,
      title: a.title,
      notes: texts(a.id, 'note'),
      obstacles: texts(a.id, 'obstacle'),
      opportunities: texts(a.id, 'opportunity'),
      actions: itemsOf(m, a.id, 'action')
        .filter((i) => !isBlank(i))
        .map((i) => toMinutesAction(i)),
    })),
  };
}

// --- The meeting run on the projector -----------------------------------------------------------

/**
 * The presenter's steps (seed 003: each area is a shared dialogue over its questions, then a talk
 * about obstacles and opportunities): the opening (actions carried from earlier meetings), then per
 * area its key figures and goal, each question, and obstacles and opportunities.
 */
export type PresenterStep =
  | { kind: 'opening' }
  | { kind: 'intro'; areaId: WorkshopAreaId }
  | { kind: 'question'; areaId: WorkshopAreaId; index: number }
  | { kind: 'reflect'; areaId: WorkshopAreaId };

export function presenterSteps(areas: readonly WorkshopAreaText[] = WORKSHOP_AREAS): PresenterStep[] {
  const steps: PresenterStep[] = [{ kind: 'opening' }];
  for (const a of areas) {
    steps.push({ kind: 'intro', areaId: a.id });
    a.questions.forEach((_, index) => steps.push({ kind: 'question', areaId: a.id, index }));
    steps.push({ kind: 'reflect', areaId: a.id });
  }
  return steps;
}

/** A figure of the unit shown when an area opens. */
export type AreaFigure = 'coverageToday' | 'coveragePossible' | 'gapPatients' | 'fteNeeded' | 'doctorsOverCapacity' | 'capacity';

/**
 * Which of the unit's figures open each area (the paper-list sentence opens all three: it is the
 * distance between the named lists and what the doctors can carry). Routines: how many have a named
 * doctor and could have one; staff: the gap and what it takes in doctors; communication: what the
 * unit can promise its patients.
 */
export const AREA_FIGURES: Readonly<Record<WorkshopAreaId, readonly AreaFigure[]>> = {
  routines: ['coverageToday', 'coveragePossible', 'gapPatients'],
  staff: ['capacity', 'gapPatients', 'doctorsOverCapacity', 'fteNeeded'],
  communication: ['coverageToday', 'coveragePossible', 'doctorsOverCapacity'],
};

// --- Text checks ---------------------------------------------------------------------------------

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

/**
 * Candidate personal identity numbers inside free text (notes are free text, and personnummer are
 * never stored). A token counts when the strict test of personnummer.ts accepts it.
 */
export function findPersonnummerIn(text: string): string[] {
  return findPersonnummer(text).map((m) => text.slice(m.start, m.end));
}

const plausibleDate = (yymmdd: string): boolean => {
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  return mm >= 1 && mm <= 12 && ((dd >= 1 && dd <= 31) || (dd >= 61 && dd <= 91));
};

/**
 * True when the text ends in digits that may still become a personnummer as typing goes on: a date
 * (YYMMDD or YYYYMMDD, day + 60 for samordningsnummer), an optional separator and at most three more
 * digits. Saved as typed, such a tail waits until the text is finished: nine digits already fix the
 * check digit, so storing "19121212-121" would store the number.
 */
export function endsInPossiblePersonnummer(text: string): boolean {
  const m = /(?<!\d)(\d+)(?:([-+ .\u2013])(\d*))?$/.exec(text);
  if (!m) return false;
  const [, head, sep, tail = ''] = m;
  for (const dateLen of [6, 8]) {
    const serial = sep ? tail.length : head.length - dateLen;
    if (sep ? head.length !== dateLen : head.length < dateLen) continue;
    if (serial > 3) continue;
    if (plausibleDate(head.slice(dateLen - 6, dateLen))) return true;
  }
  return false;
}

/** Every free-text field of a meeting, to check before saving. */
export function workshopTexts(m: Meeting): string[] {
  const out = [m.title, m.participants];
  for (const i of Object.values(m.items)) out.push(i.text, i.owner ?? '');
  return out;
}

export function workshopHasPersonnummer(m: Meeting): boolean {
  return workshopTexts(m).some((t) => findPersonnummerIn(t).length > 0);
}

/** The local calendar date of a timestamp, YYYY-MM-DD. */
export function localIsoDate(ms: number): IsoDate {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

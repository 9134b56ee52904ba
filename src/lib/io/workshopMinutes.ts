/**
 * The APT meeting's minutes as a workbook (domain.md §7: "exports the notes"): one sheet with the
 * date, the participants, the actions carried from earlier meetings and, per area, the notes,
 * obstacles, opportunities and actions with owner, due date and status. The rows come from the
 * engine's MeetingMinutes, the same model the printed minutes show.
 *
 * Every cell of user text is written as text (a note "=SUMMA(A1)" stays that text, never a
 * formula: contracts.md); dates are ISO text so Excel never turns them into serial numbers.
 * A workbook of its own, without the plan: minutes go to the whole staff, the doctors' data does not.
 */
import type { MeetingMinutes, MinutesAction } from '../engine/workshop';
import { APT_SHEET as S } from '../strings/workshop.sv';
import { sheetsWorkbook } from './allocationWorkbook';

export type MinutesCell = string | number | null;

/** Column widths (characters) that keep the minutes readable. */
export const MINUTES_COL_WIDTHS = [24, 64, 26, 14, 18, 14];

const status = (a: MinutesAction): string => (a.done ? (a.doneOn ? S.doneOn(a.doneOn) : S.done) : S.open);

/** The rows of the minutes sheet. */
export function minutesSheetRows(m: MeetingMinutes): MinutesCell[][] {
  const rows: MinutesCell[][] = [[S.heading]];
  if (m.unitName) rows.push([S.unit, m.unitName]);
  rows.push([S.title, m.title]);
  rows.push([S.meetingDate, m.meetingDate]);
  const people = m.participants.split(/\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (people.length === 0) rows.push([S.participants, S.none]);
  people.forEach((p, i) => rows.push([i === 0 ? S.participants : '', p]));

  rows.push([]);
  rows.push([S.carried]);
  if (m.carried.length === 0) rows.push(['', S.none]);
  else {
    rows.push(['', S.what, S.who, S.due, S.status, S.from]);
    for (const a of m.carried) rows.push(['', a.what, a.owner, a.due, status(a), a.from ?? '']);
  }

  for (const area of m.areas) {
    rows.push([]);
    rows.push([S.area, area.title]);
    const list = (heading: string, items: string[]) => {
      rows.push([heading]);
      if (items.length === 0) rows.push(['', S.none]);
      for (const t of items) rows.push(['', t]);
    };
    list(S.notes, area.notes);
    list(S.obstacles, area.obstacles);
    list(S.opportunities, area.opportunities);
    rows.push([S.actions]);
    if (area.actions.length === 0) rows.push(['', S.none]);
    else {
      rows.push(['', S.what, S.who, S.due, S.status]);
      for (const a of area.actions) rows.push(['', a.what, a.owner, a.due, status(a)]);
    }
  }
  return rows;
}

/** The minutes as an .xlsx workbook with the one sheet. */
export function minutesWorkbook(m: MeetingMinutes): Uint8Array {
  return sheetsWorkbook([{ name: S.name, rows: minutesSheetRows(m), colWidths: MINUTES_COL_WIDTHS }]);
}

/** A file name for the minutes: "<unit> – APT-protokoll <date>.xlsx", without characters file systems refuse. */
export function minutesFileName(m: MeetingMinutes): string {
  const unit = m.unitName.replace(/[\\/:*?"<>|]+/g, '-').trim();
  return `${unit ? `${unit} – ` : ''}${S.fileName} ${m.meetingDate}.xlsx`;
}

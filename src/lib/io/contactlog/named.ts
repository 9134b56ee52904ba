/**
 * A separate named-doctor file: one row per patient with the patient key and the named doctor
 * (columns found like the contact log's: patient + fast läkarkontakt, else läkare). Read by the one
 * grid reader with the named-mapping limits, so a huge or hostile file is refused like any other
 * (issue 12.2). Personnummer keys are replaced with the same salted pseudonyms as the contact log
 * of the same session; a personnummer as a doctor is refused.
 */
import { formatNumber } from '../../engine/format';
import { pseudonym } from '../../engine/followup/index';
import { looksLikePersonnummer } from '../../engine/personnummer';
import { CONTACTS_IO } from '../../strings/followup.sv';
import { Deadline, limitMessage } from '../limits';
import { readGrid, type GridCell } from '../listing/grid';
import type { IoMessage } from '../messages';
import { guessContactColumns } from './columns';

export type ParseNamedMappingResult =
  | { ok: true; pairs: { patientKey: string; doctorKey: string }[]; pseudonymised: number; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };

export interface NamedMappingOptions {
  salt?: string;
  entries?: ReadonlyMap<string, Uint8Array> | null;
  deadline?: number;
}

const text = (v: GridCell | undefined) => (v === null || v === undefined ? '' : String(v).trim());

export function parseNamedMappingBytes(bytes: Uint8Array, options: NamedMappingOptions = {}): ParseNamedMappingResult {
  const t = CONTACTS_IO;
  const deadline = new Deadline('namedMapping', options.deadline);
  const read = readGrid(bytes, 'namedMapping', { entries: options.entries });
  if (!read.ok) return read;
  const { sheet, rows } = read.grid;
  const headerIdx = rows.findIndex((r) => Array.isArray(r) && r.some((v) => text(v) !== ''));
  if (headerIdx < 0) return { ok: false, errors: [{ sheet, row: null, column: null, message: t.mappingNoRows }] };
  const headers = Array.from(rows[headerIdx], (v) => text(v));
  const g = guessContactColumns(headers);
  const pc = g.patient;
  const dc = g.named ?? g.doctor;
  const errors: IoMessage[] = [];
  if (pc === undefined) errors.push({ sheet, row: headerIdx + 1, column: null, message: t.missingColumn(t.columnNames.patient) });
  if (dc === undefined) errors.push({ sheet, row: headerIdx + 1, column: null, message: t.missingColumn(t.columnNames.named) });
  if (errors.length) return { ok: false, errors };
  const pairs: { patientKey: string; doctorKey: string }[] = [];
  const seenPnr = new Set<string>();
  for (let r = headerIdx + 1; r < rows.length; r++) {
    if ((r & 0x3fff) === 0 && deadline.passed()) return { ok: false, errors: [limitMessage.tooSlow('namedMapping', sheet, r + 1)] };
    const row = rows[r];
    if (!row) continue;
    const p = text(row[pc!]);
    const d = text(row[dc!]);
    if (!p || !d) continue;
    if (looksLikePersonnummer(d)) return { ok: false, errors: [{ sheet, row: r + 1, column: headers[dc!] || null, message: t.doctorPersonnummer }] };
    let key = p;
    if (looksLikePersonnummer(p)) {
      key = pseudonym(p, options.salt ?? '');
      seenPnr.add(key);
    }
    pairs.push({ patientKey: key, doctorKey: d });
  }
  if (!pairs.length) return { ok: false, errors: [{ sheet, row: null, column: null, message: t.mappingNoRows }] };
  const warnings: IoMessage[] = [];
  if (seenPnr.size) warnings.push({ sheet, row: null, column: headers[pc!] || null, message: t.pseudonymised(formatNumber(seenPnr.size)) });
  return { ok: true, pairs, pseudonymised: seenPnr.size, warnings };
}

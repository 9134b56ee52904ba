/**
 * The läkardel file per doctor, from the page's side (issue 13): download one doctor's part, read one
 * or several filled-in files back (in the io worker), show each file's changes per field against the
 * plan, and apply them all on confirmation as ONE undo step — or none of them: a file that cannot be
 * read, a doctor who is not in the plan, or two files for one doctor stop the whole import. Also the
 * empty template ("Hämta tom mall").
 */
import { diffLakardel, planWithDiffs, type IoMessage, type LakardelDiff } from '../io/index';
export type { LakardelChange } from '../io/index';
import type { Doctor, Plan } from '../engine/types';
import { IO_STRINGS, fill } from '../strings/io.sv';
import { LAKARDEL, LAKARDEL_UI as T, TEMPLATE } from '../strings/lakardel.sv';
import { app } from './app.svelte';
import { downloadBytes } from './download';
import { io, safeFileName } from './io.svelte';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A problem with one of the chosen files, as a person reads it: file, sheet, row, column, message. */
export interface FileMessage extends IoMessage {
  file: string;
}

export interface PendingLakardel {
  diffs: (LakardelDiff & { file: string })[];
}

export class LakardelState {
  busy = $state(false);
  errors = $state<FileMessage[]>([]);
  /** Changes read from files, waiting for "För in" or "Avbryt". */
  pending = $state<PendingLakardel | null>(null);
  /** Last outcome, for a live region. */
  status = $state('');

  /** Downloads one doctor's läkardel; returns the file name (null when nothing was written). */
  async exportDoctor(doctorId: string): Promise<string | null> {
    const plan = app.plan;
    const d = plan?.doctors.find((x) => x.id === doctorId);
    if (!plan || !d) return null;
    this.errors = [];
    this.busy = true;
    try {
      const snapshot = $state.snapshot(plan) as Plan;
      const bytes = await io.client.run('exportLakardel', [snapshot, doctorId, { today: app.today, planName: app.planSummary?.name ?? '' }]);
      const name = `${safeFileName(`${T.filePrefix} ${d.name}`)} ${app.today}.xlsx`;
      downloadBytes(bytes, name, XLSX_MIME);
      this.status = T.exported(d.name, name);
      return name;
    } catch (e) {
      this.status = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  async downloadTemplate(): Promise<string | null> {
    this.busy = true;
    try {
      const bytes = await io.client.run('exportTemplate', [{ today: app.today }]);
      downloadBytes(bytes, TEMPLATE.fileName, XLSX_MIME);
      this.status = T.templateSaved(TEMPLATE.fileName);
      return TEMPLATE.fileName;
    } catch (e) {
      this.status = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Reads the files and, when every one of them is good, holds their changes for confirmation. */
  async readFiles(files: readonly File[]): Promise<boolean> {
    this.errors = [];
    this.pending = null;
    this.status = '';
    const plan = app.plan;
    if (!plan) return false;
    if (files.length === 0) {
      this.status = LAKARDEL.empty;
      return false;
    }
    this.busy = true;
    const errors: FileMessage[] = [];
    const diffs: PendingLakardel['diffs'] = [];
    const whole = (file: string, message: string): FileMessage => ({ file, sheet: '', row: null, column: null, message });
    try {
      for (const file of files) {
        // The size is checked against the workbook limits before the file is read (io's runFile).
        const r = await io.client.runFile('importLakardel', file, []);
        if (!r.ok) {
          errors.push(...r.errors.map((e) => ({ ...e, file: file.name })));
          continue;
        }
        const diff = diffLakardel(plan, r.values);
        if (!diff) {
          errors.push(whole(file.name, LAKARDEL.unknownDoctor(r.values.name ?? r.values.doctorId)));
          continue;
        }
        if (diffs.some((x) => x.doctorId === diff.doctorId)) {
          errors.push(whole(file.name, LAKARDEL.sameDoctorTwice(diff.doctorName)));
          continue;
        }
        diffs.push({ ...diff, file: file.name });
      }
      if (errors.length === 0) {
        // The plan the changes would make must pass the same validation as any edit.
        const check = planWithDiffs(plan, diffs);
        if (!check.ok) errors.push(...check.errors.map((m) => whole(files.map((f) => f.name).join(', '), m)));
      }
    } catch (e) {
      errors.push(whole(files.map((f) => f.name).join(', '), fill(IO_STRINGS.ui.workerFailed, { message: e instanceof Error ? e.message : String(e) })));
    } finally {
      this.busy = false;
    }
    if (errors.length > 0) {
      this.errors = errors;
      this.status = T.nothingApplied;
      return false;
    }
    this.pending = { diffs };
    this.status = diffs.every((d) => d.changes.length === 0) ? T.noChanges : T.review(diffs.length);
    return true;
  }

  /** Applies every pending change as one undo step. */
  async apply(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    const patches = p.diffs.filter((d) => d.changes.length > 0).map((d) => ({ doctorId: d.doctorId, patch: $state.snapshot(d.patch) as Partial<Doctor> }));
    if (patches.length === 0) {
      this.pending = null;
      return true;
    }
    const ok = await app.updateDoctors(patches);
    if (!ok) {
      this.errors = [{ file: '', sheet: '', row: null, column: null, message: app.lastError?.message ?? IO_STRINGS.ui.applyFailed }];
      return false;
    }
    this.status = T.applied(p.diffs.filter((d) => d.changes.length > 0).map((d) => d.doctorName));
    this.pending = null;
    return true;
  }

  cancel(): void {
    this.pending = null;
    this.status = T.cancelled;
  }
}

/** The page's läkardel state. */
export const lakardel = new LakardelState();

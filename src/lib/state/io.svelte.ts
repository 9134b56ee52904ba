/**
 * Import/export state and the io worker client (brief: parsing in a Web Worker so the page stays
 * responsive; SheetJS only loaded when used — the worker chunk holds it, and the in-process
 * fallback is a dynamic import of the same dispatch table). An imported plan is brought in through
 * importChoice (a new unit, or the plan in view replaced through `app.replacePlan`: one undoable
 * step), all-or-nothing.
 */
import { createDoctor, formatNumber } from '../engine/index';
import type { Plan } from '../engine/types';
import type { ExtraSheet, ImportListingResult, IoMessage, ListingMapping, ListingPreviewResult } from '../io/index';
import { FILE_LIMITS, checkSize } from '../io/limits';
import { OP_FILE_KIND, type IoOpName, type IoOps, type ProgressInfo, type WorkerToPage } from '../io/protocol';
import { isWorkerToPage } from '../io/protocol';
import { withListingAges } from './listingAges';
import { isSpreadsheet } from '../io/sniff';
import { getListingMapping, saveListingMapping } from '../db/settingsRepo';
import { IMPORT_SV, IO_STRINGS, fill } from '../strings/io.sv';
import { importChoice, waitForPlanInView } from './importChoice.svelte';
import { app } from './app.svelte';
import { downloadBytes } from './download';

const S = IO_STRINGS.ui;

/** Beyond its kind's parse time (limits.ts), how long a request may take before the worker is stopped. */
const TIMEOUT_MARGIN_MS = 30_000;
/** Writers (no user file): a 2 000-doctor workbook takes a few seconds. */
const WRITER_TIMEOUT_MS = 120_000;

function timeoutOf(op: IoOpName): number {
  const kind = OP_FILE_KIND[op];
  return kind ? FILE_LIMITS[kind].timeMs + TIMEOUT_MARGIN_MS : WRITER_TIMEOUT_MS;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ProgressInfo) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A failed read or parse in the shape every parse result has. */
export type Refusal = { ok: false; errors: IoMessage[] };

const refusal = (message: string): Refusal => ({ ok: false, errors: [{ sheet: '', row: null, column: null, message }] });

/**
 * Talks to src/lib/io/worker.ts; where there is no Worker (tests, old browsers) it runs the same
 * dispatch table (src/lib/io/dispatch.ts) in-process, preflight and limits included.
 */
export class IoClient {
  #worker: Worker | null = null;
  // Not UI state: bookkeeping of in-flight requests, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Map<number, Pending>();
  #nextId = 1;

  #ensureWorker(): Worker | null {
    if (this.#worker) return this.#worker;
    if (typeof Worker === 'undefined') return null;
    try {
      // The exact `new Worker(new URL(…, import.meta.url))` form is what Vite bundles as a worker chunk.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const w = new Worker(new URL('../io/worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<WorkerToPage>) => this.#onMessage(e.data);
      w.onerror = () => this.#failAll(S.workerFailed);
      this.#worker = w;
      return w;
    } catch {
      return null;
    }
  }

  #onMessage(msg: unknown): void {
    if (!isWorkerToPage(msg)) return;
    const p = this.#pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.({ phase: msg.phase, done: msg.done, total: msg.total });
      return;
    }
    clearTimeout(p.timer);
    this.#pending.delete(msg.id);
    if (msg.kind === 'result') p.resolve(msg.value);
    else p.reject(new Error(msg.message));
  }

  /** Rejects every request with a Swedish message and stops the worker (a fresh one starts next time). */
  #failAll(message: string): void {
    for (const [, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(new Error(message));
    }
    this.#pending.clear();
    this.#worker?.terminate();
    this.#worker = null;
  }

  /** Runs one op. ArrayBuffer arguments are transferred to the worker (the caller's copy becomes unusable). */
  async run<K extends IoOpName>(op: K, args: IoOps[K]['args'], onProgress?: (p: ProgressInfo) => void): Promise<IoOps[K]['result']> {
    const worker = this.#ensureWorker();
    if (!worker) {
      const { runOp } = await import('../io/dispatch');
      return runOp(op, args, onProgress);
    }
    const id = this.#nextId++;
    const ms = timeoutOf(op);
    return new Promise<IoOps[K]['result']>((resolve, reject) => {
      const timer = setTimeout(() => this.#failAll(fill(S.timeout, { seconds: formatNumber(ms / 1000) })), ms);
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, timer });
      const transfer = (args as unknown[]).filter((a): a is ArrayBuffer => a instanceof ArrayBuffer);
      worker.postMessage({ kind: 'request', id, op, args }, transfer);
    });
  }

  /**
   * Reads a user's file for an op that parses one: its size is checked against the op's kind of
   * file first (limits.ts, the same message as from Node), then it is read and parsed in the worker.
   * A failure to read, a refusal or an unexpected error all come back as `{ ok: false, errors }`.
   */
  async runFile<K extends FileOp>(op: K, file: Blob, rest: RestArgs<K>, onProgress?: (p: ProgressInfo) => void): Promise<IoOps[K]['result'] | Refusal> {
    const bytes = await readFileChecked(op, file);
    if (!(bytes instanceof ArrayBuffer)) return bytes;
    try {
      return await this.run(op, [bytes, ...rest] as unknown as IoOps[K]['args'], onProgress);
    } catch (e) {
      return refusal(e instanceof Error ? e.message : S.workerFailed);
    }
  }

  /** Stops whatever runs (a very large file): the worker is terminated and started afresh next time. */
  cancelAll(): void {
    this.#failAll(S.cancelled);
  }
}

/** Ops whose first argument is a user's file. */
export type FileOp = { [K in IoOpName]: IoOps[K]['args'] extends [ArrayBuffer, ...unknown[]] ? K : never }[IoOpName];
/** The arguments of a file op after the bytes. */
export type RestArgs<K extends FileOp> = IoOps[K]['args'] extends [ArrayBuffer, ...infer R] ? R : never;

/** The bytes of a file an op will parse, after the size check of its kind; or the refusal. */
export async function readFileChecked(op: FileOp, file: Blob): Promise<ArrayBuffer | Refusal> {
  const kind = OP_FILE_KIND[op];
  const tooLarge = kind ? checkSize(kind, file.size) : null;
  if (tooLarge) return { ok: false, errors: tooLarge };
  try {
    return await file.arrayBuffer();
  } catch {
    return refusal(S.readFailed);
  }
}

export interface ListingSession {
  file: File;
  preview: ListingPreviewResult & { ok: true };
  mapping: ListingMapping;
  /** The mapping came from an earlier import with the same headers. */
  remembered: boolean;
  result: (ImportListingResult & { ok: true }) | null;
  addNewDoctors: boolean;
}

export function safeFileName(name: string): string {
  return (name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Kapacitet').slice(0, 80);
}

export class IoState {
  busy = $state(false);
  progress = $state<ProgressInfo | null>(null);
  /** What runs, in Swedish ("Importerar plan.xlsx"). */
  activity = $state<string | null>(null);
  errors = $state<IoMessage[]>([]);
  warnings = $state<IoMessage[]>([]);
  /** A short status line for a live region ("Planen … importerades"). */
  status = $state<string | null>(null);
  listing = $state<ListingSession | null>(null);

  readonly client = new IoClient();

  /** Progress as 0–1, or null when unknown (indeterminate bar). */
  fraction = $derived(this.progress && this.progress.total > 0 ? Math.min(1, this.progress.done / this.progress.total) : null);
  phaseLabel = $derived(this.progress ? IO_STRINGS.phase[this.progress.phase] : null);

  clearMessages(): void {
    this.errors = [];
    this.warnings = [];
    this.status = null;
  }

  /** The file's bytes after the size check of what `op` reads it as; null (errors shown) when refused. */
  async #readFile(op: FileOp, file: File): Promise<ArrayBuffer | null> {
    const r = await readFileChecked(op, file);
    if (r instanceof ArrayBuffer) return r;
    this.errors = r.errors;
    return null;
  }

  async #task<T>(activity: string, work: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.activity = activity;
    this.progress = { phase: 'read', done: 0, total: 0 };
    try {
      return await work();
    } catch (e) {
      this.errors = [{ sheet: '', row: null, column: null, message: e instanceof Error ? e.message : String(e) }];
      return null;
    } finally {
      this.busy = false;
      this.progress = null;
      this.activity = null;
    }
  }

  #onProgress = (p: ProgressInfo) => {
    this.progress = p;
  };

  /**
   * A dropped or chosen file: a plan workbook, else a listing report. Decided by the content, not
   * the name: text (CSV in any encoding, also a UTF-16 "Unicode text" saved as .xls) is a listing.
   */
  async openFile(file: File, opts: { asNewUnit?: boolean } = {}): Promise<void> {
    let head: Uint8Array;
    try {
      head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    } catch {
      this.errors = [{ sheet: '', row: null, column: null, message: S.readFailed }];
      return;
    }
    if (!isSpreadsheet(head)) return this.startListing(file);
    const missingSheetsOnly = await this.importWorkbookFile(file, { quietIfNotPlan: true, ...opts });
    if (missingSheetsOnly) await this.startListing(file);
  }

  /**
   * Imports a plan workbook into the current plan (one undo step). Returns true when the file is a
   * readable workbook without the plan sheets and `quietIfNotPlan` was asked (the caller tries it as a listing).
   */
  async importWorkbookFile(file: File, opts: { quietIfNotPlan?: boolean; asNewUnit?: boolean } = {}): Promise<boolean> {
    this.clearMessages();
    const outcome = await this.#task(fill(S.importing, { file: file.name }), async () => {
      const bytes = await this.#readFile('importWorkbook', file);
      if (!bytes) return false;
      // A plan still loading is waited for: the base and the question need it (never a silent new unit).
      if (!(await waitForPlanInView())) {
        this.errors = [{ sheet: '', row: null, column: null, message: IMPORT_SV.stillLoading }];
        return false;
      }
      // The current plan as the base: a workbook with only a Läkare sheet keeps the unit as it is.
      const base = app.plan ? ($state.snapshot(app.plan) as Plan) : undefined;
      const r = await this.client.run('importWorkbook', [bytes, base ? { base } : undefined], this.#onProgress);
      if (!r.ok) {
        const notPlan = r.errors.length > 0 && r.errors.every((e) => e.message.startsWith('Bladet "') && e.row === null);
        if (notPlan && opts.quietIfNotPlan) return true;
        this.errors = r.errors;
        return false;
      }
      // Never over the open unit without asking (issue 11.2): as a new unit, or replace with a preview.
      const applied = await importChoice.apply({ plan: r.plan, source: file.name }, { asNewUnit: opts.asNewUnit });
      if (applied === null) {
        this.status = IMPORT_SV.cancelled;
        return false;
      }
      if (!applied) {
        this.errors = [{ sheet: '', row: null, column: null, message: app.lastError?.message ?? S.applyFailed }];
        return false;
      }
      this.warnings = r.warnings;
      this.status = fill(S.imported, { name: r.plan.unit.name, count: r.plan.doctors.length });
      return false;
    });
    return outcome === true;
  }

  /** Exports the current plan as .xlsx and triggers a download; returns the file name. */
  async exportCurrent(extraSheets?: ExtraSheet[]): Promise<string | null> {
    const plan = app.plan;
    if (!plan) return null;
    this.clearMessages();
    return this.#task(S.exporting, async () => {
      const snapshot = $state.snapshot(plan) as Plan;
      const bytes = await this.client.run('exportWorkbook', [snapshot, { today: app.today, ...(extraSheets ? { extraSheets } : {}) }], this.#onProgress);
      const filename = `${safeFileName(String(snapshot.unit.name ?? 'Kapacitet'))} ${app.today}.xlsx`;
      downloadBytes(bytes, filename, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      this.status = fill(S.exported, { file: filename });
      return filename;
    });
  }

  /** Step 1 of a listing import: preview, and the remembered mapping for these headers if any. */
  async startListing(file: File, sheet?: string): Promise<void> {
    this.clearMessages();
    await this.#task(fill(S.importing, { file: file.name }), async () => {
      const bytes = await this.#readFile('previewListing', file);
      if (!bytes) return;
      const preview = await this.client.run('previewListing', [bytes, sheet ? { sheet, sampleRows: 8 } : { sampleRows: 8 }], this.#onProgress);
      if (!preview.ok) {
        this.errors = preview.errors;
        this.listing = null;
        return;
      }
      let remembered: ListingMapping | undefined;
      try {
        remembered = await getListingMapping<ListingMapping>(app.db, preview.signature);
      } catch {
        remembered = undefined;
      }
      const usable = remembered && (!remembered.sheet || remembered.sheet === preview.sheet) && Object.values(remembered.columns).every((c) => c === undefined || (c < preview.columns.length && !preview.columns[c].personnummer));
      this.warnings = preview.warnings;
      this.listing = { file, preview, mapping: usable ? remembered! : preview.suggested, remembered: Boolean(usable), result: null, addNewDoctors: false };
    });
  }

  setListingMapping(mapping: ListingMapping): void {
    if (!this.listing) return;
    this.listing.mapping = mapping;
    this.listing.result = null;
  }

  /** Step 2: aggregate with the chosen mapping (nothing is applied yet). */
  async runListing(): Promise<void> {
    const session = this.listing;
    if (!session) return;
    this.errors = [];
    await this.#task(fill(S.importing, { file: session.file.name }), async () => {
      const bytes = await this.#readFile('importListing', session.file);
      if (!bytes) return;
      const plan = app.plan ? ($state.snapshot(app.plan) as Plan) : undefined;
      const r = await this.client.run('importListing', [bytes, $state.snapshot(session.mapping) as ListingMapping, plan, { today: app.today }], this.#onProgress);
      if (!r.ok) {
        this.errors = r.errors;
        return;
      }
      if (this.listing) {
        this.listing.result = r;
        this.warnings = r.warnings;
      }
    });
  }

  /** Step 3: apply the listed counts to the plan (one undo step) and remember the mapping. */
  async applyListing(): Promise<boolean> {
    const session = this.listing;
    const result = session?.result;
    if (!session || !result?.plan) return false;
    let plan = $state.snapshot(result.plan) as Plan;
    if (session.addNewDoctors && result.newDoctorNames.length > 0) {
      const doctors = [...plan.doctors];
      for (const ld of result.doctors.filter((d) => d.match.kind === 'new')) {
        const d = createDoctor('specialist', doctors.map((x) => x.id));
        d.name = ld.name.trim();
        d.listed = ld.listed;
        if (ld.careWeight !== null) d.careWeight = ld.careWeight;
        if (ld.listPoints !== null) d.listPoints = ld.listPoints;
        doctors.push(d);
      }
      plan = { ...plan, doctors };
    }
    // A per-patient listing's ages per list (aggregates only) for the age index (domain.md §9).
    plan = withListingAges(plan, result, app.today);
    const ok = await app.replacePlan(plan, 'import');
    if (!ok) {
      this.errors = [{ sheet: '', row: null, column: null, message: app.lastError?.message ?? S.applyFailed }];
      return false;
    }
    try {
      await saveListingMapping(app.db, session.preview.signature, $state.snapshot(session.mapping), Date.now());
    } catch {
      /* remembering is a convenience; the import itself succeeded */
    }
    const count = result.doctors.filter((d) => d.match.kind !== 'new').length + (session.addNewDoctors ? result.newDoctorNames.length : 0);
    this.status = fill(S.listingApplied, { count });
    this.listing = null;
    return true;
  }

  closeListing(): void {
    this.listing = null;
  }

  cancel(): void {
    this.client.cancelAll();
  }
}

/** Types the UI may use without importing src/lib/io. */
export type { ExtraSheet, IoMessage, ListingMapping, ListingPreviewResult, ImportListingResult };
export type { ListingField, ListingDoctor } from '../io/index';

/** The app's io state (one per page). */
export const io = new IoState();

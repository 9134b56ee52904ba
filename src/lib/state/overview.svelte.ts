/**
 * Översikt state (issue 15): every unit in this browser (its current plan, read-only) and plan files
 * or unit workbooks opened into the overview without importing them; rows, totals, sorting, the
 * trend across units, import of one file as a new unit on request, and the workbook export.
 *
 * Speed: the catalog (units, plan change stamps, latest snapshot months) is one live query; only the
 * plans whose stamp moved are read again, so an edit in one unit (here or in another tab) costs one
 * plan read and one computePlan. The selected unit's row comes straight from `app.plan`/`app.result`,
 * so an edit reaches the overview in the same frame as the unit view.
 */
import { computePlan, parsePlan, planErrorText, type Plan, type PlanResult } from '../engine/index';
import {
  filterOverview,
  overviewRow,
  overviewTotals,
  sortOverview,
  type OverviewRow,
  type OverviewTotals,
  type SortDirection,
} from '../engine/overview';
import { readOverviewCatalog, readPlans, readSnapshotSeries, type OverviewCatalogEntry, type SnapshotPoint } from '../db/overviewRepo';
import { fmt } from '../engine/quantity';
import { OVERVIEW as T, type OverviewColumnKey } from '../strings/overview.sv';
import { app, type AppState } from './app.svelte';
import { IoClient, io } from './io.svelte';
import { FILE_LIMITS } from '../io/limits';
import { LiveValue } from './live.svelte';
import { downloadBytes } from './download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest file read into the overview: io's limit for a plan workbook (the one limits table, io/limits.ts). */
const MAX_FILE_BYTES = FILE_LIMITS.workbook.bytes;

export interface OverviewFile {
  id: string;
  fileName: string;
  plan: Plan;
  result: PlanResult;
  warnings: string[];
}

type ParsedFile = { ok: true; plan: Plan; warnings: string[] } | { ok: false; message: string };

/**
 * The one place the overview reaches the io layer: a plan file is parsed with the engine's parsePlan
 * (what opening a plan file does), a unit workbook with io's importWorkbook in its Web Worker. When
 * the io worker's dispatch changes, only this function follows.
 */
export async function parseUnitFile(file: File, client: IoClient, read?: Promise<ArrayBuffer | null>): Promise<ParsedFile> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: T.unreadable };
  const name = file.name.toLowerCase();
  const isJson = name.endsWith('.json');
  if (!isJson && !name.endsWith('.xlsx') && !name.endsWith('.xls')) return { ok: false, message: T.notAPlan };
  const bytes = await (read ?? readBytes(file));
  if (!bytes) return { ok: false, message: T.unreadable };
  if (isJson) {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { ok: false, message: T.badJson };
    }
    // A backup of all plans carries scenarios: the overview shows the unit's current plan only.
    const { scenarios: _scenarios, ...main } = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const parsed = parsePlan(main);
    if (!parsed.ok) return { ok: false, message: parsed.errors.map(planErrorText).join(' ') };
    return { ok: true, plan: parsed.plan, warnings: parsed.warnings.map((w) => w.message) };
  }
  try {
    const r = await client.run('importWorkbook', [bytes]);
    if (!r.ok) return { ok: false, message: r.errors.map((e) => [e.sheet, e.row ? `rad ${e.row}` : '', e.column ?? '', e.message].filter(Boolean).join(', ')).join(' ') };
    return { ok: true, plan: r.plan, warnings: r.warnings.map((w) => w.message) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

async function readBytes(file: File): Promise<ArrayBuffer | null> {
  try {
    return await file.arrayBuffer();
  } catch {
    return null;
  }
}

interface StoredPlan {
  planId: string;
  updatedAt: number;
  plan: Plan;
  result: PlanResult;
}

export class OverviewState {
  #host: AppState;
  /** A second io worker, so two cores read workbooks at once (the first is the app's). */
  #extraClient: IoClient | null = null;
  #catalogLive: LiveValue<{ catalog: OverviewCatalogEntry[]; fresh: Map<string, Plan> }> | null = null;
  #users = 0;
  #fileSeq = 0;

  catalog = $state.raw<OverviewCatalogEntry[]>([]);
  /** Current plans of the units, by unit id (read only when their change stamp moved). */
  // Replaced whole on every change ($state.raw), never mutated: a plain Map is what is wanted.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  stored = $state.raw<ReadonlyMap<string, StoredPlan>>(new Map());
  /** True once the catalog and its plans have been read. */
  loaded = $state(false);
  files = $state.raw<OverviewFile[]>([]);
  problems = $state.raw<string[]>([]);
  reading = $state<{ done: number; total: number } | null>(null);
  status = $state('');
  sortColumn = $state<OverviewColumnKey>('name');
  sortDirection = $state<SortDirection>('ascending');
  query = $state('');
  trend = $state.raw<SnapshotPoint[] | null>(null);
  exporting = $state(false);

  constructor(host: AppState) {
    this.#host = host;
  }

  // ---------------------------------------------------------------- rows

  #rowCache = new WeakMap<PlanResult, { name: string; snap: string | null; row: OverviewRow }>();

  #row(key: string, name: string, source: 'browser' | 'file', plan: Plan, result: PlanResult, snap: string | null, fileName?: string): OverviewRow {
    const hit = this.#rowCache.get(result);
    if (hit && hit.name === name && hit.snap === snap) return hit.row;
    const row = overviewRow({ key, name, source, plan, result, latestSnapshot: snap, ...(fileName ? { fileName } : {}) });
    this.#rowCache.set(result, { name, snap, row });
    return row;
  }

  /** Every row: units in this browser (current plans), then opened files. */
  rows: OverviewRow[] = $derived.by(() => {
    const out: OverviewRow[] = [];
    const host = this.#host;
    for (const c of this.catalog) {
      if (!c.planId) continue;
      // The selected unit's current plan in memory: edits show here in the same frame.
      const live = host.planId === c.planId && host.plan && host.result ? { plan: host.plan, result: host.result } : null;
      const s = live ?? this.stored.get(c.unitId);
      if (!s) continue;
      out.push(this.#row(`unit:${c.unitId}`, c.name, 'browser', s.plan, s.result, c.latestSnapshot));
    }
    for (const f of this.files) out.push(this.#row(`file:${f.id}`, String(f.plan.unit?.name ?? f.fileName), 'file', f.plan, f.result, null, f.fileName));
    return out;
  });

  /** The rows after the search, in the chosen order: what the table, the charts and the totals show. */
  visible: OverviewRow[] = $derived(sortOverview(filterOverview(this.rows, this.query), this.sortColumn, this.sortDirection));

  totals: OverviewTotals = $derived(overviewTotals(this.visible));

  sortBy(column: OverviewColumnKey): void {
    if (this.sortColumn === column) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortColumn = column;
      // Names A→Ö; numbers largest first (where the problems are), the threshold furthest below first.
      this.sortDirection = column === 'name' || column === 'threshold' ? 'ascending' : 'descending';
    }
  }

  // ---------------------------------------------------------------- reading the browser's units

  /** Starts the live catalog (the view calls it on mount; paired with stop()). */
  start(): void {
    this.#users++;
    if (this.#catalogLive) return;
    const db = this.#host.dbIfReady;
    if (!db) {
      this.#users--;
      return;
    }
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('overview-start');
    // One live query reads the catalog and, in the same run, the plans whose stamp moved: an edit
    // elsewhere costs one round trip to the database, not two.
    this.#catalogLive = new LiveValue(
      async () => {
        const catalog = await readOverviewCatalog(db);
        const old = this.stored;
        const changed = catalog.filter((c) => c.planId && (old.get(c.unitId)?.planId !== c.planId || old.get(c.unitId)?.updatedAt !== c.planUpdatedAt));
        return { catalog, fresh: await readPlans(db, changed.map((c) => c.planId!)) };
      },
      ({ catalog, fresh }) => this.#publish(catalog, fresh),
    );
  }

  stop(): void {
    this.#users = Math.max(0, this.#users - 1);
    if (this.#users > 0) return;
    this.#catalogLive?.dispose();
    this.#catalogLive = null;
  }

  /** Publishes catalog and plans together; results are computed for the plans just read only. */
  #publish(catalog: OverviewCatalogEntry[], fresh: Map<string, Plan>): void {
    const old = this.stored;
    const today = this.#host.today;
    // Built here, then published whole as `stored` (not reactive while it is built).
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const next = new Map<string, StoredPlan>();
    for (const c of catalog) {
      if (!c.planId) continue;
      const plan = fresh.get(c.planId);
      if (plan) next.set(c.unitId, { planId: c.planId, updatedAt: c.planUpdatedAt ?? 0, plan, result: computePlan(plan, { today }) });
      else {
        const had = old.get(c.unitId);
        if (had && had.planId === c.planId) next.set(c.unitId, had);
      }
    }
    this.stored = next;
    this.catalog = catalog;
    if (!this.loaded && typeof performance !== 'undefined' && typeof performance.measure === 'function') {
      // For bench/overview.bench.ts: the view asked → every unit of this browser read and computed.
      try {
        performance.measure('overview-units', 'overview-start');
      } catch {
        // no start mark
      }
    }
    this.loaded = true;
  }

  // ---------------------------------------------------------------- files

  /**
   * Opens files into the overview without importing them: each is parsed (workbooks in io's worker,
   * two at a time), computed and shown as a row. Files that cannot be read are listed with why.
   */
  async openFiles(list: FileList | readonly File[]): Promise<void> {
    const files = Array.from(list);
    if (!files.length) return;
    this.status = '';
    this.problems = [];
    this.reading = { done: 0, total: files.length };
    const clients = [io.client, (this.#extraClient ??= new IoClient())];
    const today = this.#host.today;
    const results: (OverviewFile | string)[] = new Array(files.length);
    // Reading from disk overlaps with parsing: every file's bytes are asked for at once (small
    // files; a read waits on the browser process, not on this thread).
    const reads = files.map((f) => (f.size <= MAX_FILE_BYTES ? readBytes(f) : Promise.resolve(null)));
    let next = 0;
    let done = 0;
    const worker = async (client: IoClient) => {
      while (next < files.length) {
        const i = next++;
        const f = files[i];
        const r = await parseUnitFile(f, client, reads[i]);
        results[i] = r.ok
          ? { id: `f${++this.#fileSeq}`, fileName: f.name, plan: r.plan, result: computePlan(r.plan, { today }), warnings: r.warnings }
          : T.fileProblem(f.name, r.message);
        done++;
        if (this.reading && (done === files.length || done % 10 === 0)) this.reading = { done, total: files.length };
      }
    };
    try {
      // Two requests in flight per worker: while one workbook's parts inflate natively (the
      // preflight awaits the platform's inflater), the worker parses the other.
      await Promise.all([...clients, ...clients].map(worker));
    } finally {
      this.reading = null;
    }
    const opened = results.filter((r): r is OverviewFile => typeof r !== 'string');
    // For bench/overview.bench.ts: files read, parsed and computed (the rest is showing them).
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('overview-parsed');
    this.files = [...this.files, ...opened];
    this.problems = results.filter((r): r is string => typeof r === 'string');
    this.status = T.readDone(fmt.count(opened.length));
  }

  closeFile(id: string): void {
    this.files = this.files.filter((f) => f.id !== id);
  }

  closeFiles(): void {
    this.files = [];
    this.problems = [];
    this.status = '';
  }

  /** A name not taken by a unit in this browser: "Namn", else "Namn (2)", "Namn (3)" … */
  importName(id: string): string | null {
    const f = this.files.find((x) => x.id === id);
    if (!f) return null;
    const base = String(f.plan.unit?.name ?? '').trim() || f.fileName;
    // A local lookup, never rendered.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const taken = new Set(this.#host.units.map((u) => u.name));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
  }

  /** Imports one opened file as a new unit (app.createUnitFromPlan); existing units are not touched. */
  async importFile(id: string): Promise<boolean> {
    const f = this.files.find((x) => x.id === id);
    const name = this.importName(id);
    if (!f || !name) return false;
    try {
      await this.#host.createUnitFromPlan(f.plan, name);
    } catch {
      this.status = T.importFailed(name);
      return false;
    }
    this.files = this.files.filter((x) => x.id !== id);
    this.status = T.imported(name);
    return true;
  }

  /** Selects a unit of this browser (the view then shows it). */
  async openUnit(unitId: string): Promise<void> {
    await this.#host.selectUnit(unitId);
    const name = this.#host.units.find((u) => u.id === unitId)?.name ?? '';
    this.status = T.openedUnit(name);
  }

  // ---------------------------------------------------------------- trend and export

  /** Reads every unit's monthly snapshots (on demand: the trend section asks for it). */
  async loadTrend(): Promise<void> {
    const db = this.#host.dbIfReady;
    if (!db) return;
    this.trend = await readSnapshotSeries(db);
  }

  /** The overview as a workbook (units, all doctors, the region's report sheet); returns the file name. */
  async exportWorkbook(): Promise<string | null> {
    const rows = this.visible;
    if (!rows.length) return null;
    this.exporting = true;
    try {
      const { overviewWorkbook } = await import('../io/overviewWorkbook');
      // Let "Exporterar …" paint before the workbook is written (on this thread: see the report).
      await new Promise((r) => setTimeout(r, 0));
      const bytes = overviewWorkbook(rows, { today: this.#host.today });
      const filename = `Översikt ${this.#host.today}.xlsx`;
      downloadBytes(bytes, filename, XLSX_TYPE);
      this.status = T.exported(filename);
      return filename;
    } catch (e) {
      console.error(e);
      this.status = T.exportFailed;
      return null;
    } finally {
      this.exporting = false;
    }
  }
}

export const overview = new OverviewState(app);

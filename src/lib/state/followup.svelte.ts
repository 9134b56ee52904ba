/**
 * Follow-up state (domain.md §6) over the core `app` state: the current unit's monthly snapshots
 * and their trend, continuity from a contact log (parsed in a Web Worker with progress; computed
 * here from the columnar log, ~0,1–0,3 s for a million contacts), and the allocation suggestion.
 * The log is parsed by IO's worker (op `parseContacts`), which runs `parseContactLog` from
 * src/lib/io/contacts.ts with IO's size preflight.
 *
 * Nothing of the contact log or the patient list is stored: they live in memory for the session.
 * Personal identity numbers used as patient keys in a contact log are replaced by salted pseudonyms
 * inside the parser; the salt below is random per page load and never leaves memory.
 */
import {
  deleteSnapshot,
  listSnapshots,
  saveSnapshot,
  snapshotData,
  SnapshotRejected,
} from '../db/snapshotsRepo';
import type { SnapshotRecord } from '../db/records';
import {
  ALLOCATION_PRIORITIES,
  CONTINUITY_DEFINITIONS,
  DEFAULT_CONTACT_TYPES,
  DEFAULT_MIN_CONTACTS,
  allocate,
  allocationDoctors,
  unitPriorityShare,
  computeContinuity,
  continuityRows,
  goalProgress,
  caregiverSplit,
  continuityGoalLines,
  onlyCaregivers,
  onlyPatients,
  ownReferenceOf,
  visitsByAgeBand,
  type AgeVisits,
  type CaregiverSplit,
  type CaregiverCount,
  type GoalLine,
  type ContinuityBaseline,
  type GoalProgress,
  dayOfIso,
  defaultPeriod,
  definitionOf,
  groupPatients,
  optionsOfDefinition,
  unitCounts,
  withHomeUnit,
  type ContinuityDefinitionId,
  type ContinuityOptions,
  isoOfDay,
  logSpan,
  snapshotFromPlan,
  snapshotTrend,
  trendRows,
  withNamedMapping,
  type AllocationGroup,
  type AllocationResult,
  type ContactLog,
  type ContactType,
  type ContinuityResult,
  type SnapshotData,
  type Trend,
} from '../engine/followup/index';
import type { AgeReference, IsoDate, Plan } from '../engine/types';
import { formatNumber } from '../engine/format';
import { foldText, nameKey } from '../engine/text';
import type { IoMessage } from '../io/messages';
import type { ContactColumn, ParseContactsResult } from '../io/contacts';
import type { IoOps, ProgressInfo } from '../io/protocol';
import { trendCsv } from '../io/trendCsv';
import { CONTACT_TYPE_LABELS, FOLLOWUP as T } from '../strings/followup.sv';
import { app, type AppState } from './app.svelte';
import { io } from './io.svelte';
import { LiveValue } from './live.svelte';
import { downloadBytes } from './download';

export type FollowUpTab = 'snapshots' | 'continuity' | 'allocation';

/** The contact-log fields (io/contactlog/columns.ts), listed here so this module never pulls SheetJS in statically. */
export const CONTACT_COLUMNS: readonly ContactColumn[] = ['patient', 'date', 'doctor', 'type', 'named', 'unit', 'age', 'nursingHome'];
export type { ContactColumn };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim() || 'enhet';
}

function randomSalt(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function messageText(m: IoMessage): string {
  const where = [m.sheet && m.sheet !== 'CSV' ? `blad ${m.sheet}` : '', m.row ? `rad ${m.row}` : '', m.column ? `kolumn ”${m.column}”` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${m.message}` : m.message;
}

/**
 * Parses a contact log in IO's Web Worker (op `parseContacts`, src/lib/io/dispatch.ts; the log's typed
 * arrays are transferred back), after the size check of a contact log. IO's client runs the same
 * dispatch table on the page where there is no Worker (tests).
 */
async function parseInWorker(
  file: File,
  options: { salt: string; columns?: Partial<Record<ContactColumn, number>> },
  onProgress: (p: ProgressInfo) => void,
): Promise<ParseContactsResult> {
  return io.client.runFile('parseContacts', file, [options], onProgress);
}

export class FollowUpState {
  tab = $state<FollowUpTab>('snapshots');
  /** Polite status line for screen readers and sighted users. */
  status = $state('');
  error = $state<string | null>(null);
  errorDetails = $state<string[]>([]);

  // --- snapshots -----------------------------------------------------------------------------
  #snapshots: LiveValue<SnapshotRecord[]> | null = null;
  #snapshotsUnit: string | null = null;
  #host: AppState;
  #clock: () => number;
  readonly #salt = randomSalt();

  constructor(host: AppState, clock: () => number = () => Date.now()) {
    this.#host = host;
    this.#clock = clock;
  }

  #fail(message: string, details: string[] = []): false {
    this.error = message;
    this.errorDetails = details;
    this.status = '';
    return false;
  }

  /** A workbook written in IO's worker; null (the Swedish reason shown) when that failed. */
  async #workbook<K extends 'sheetsWorkbook' | 'allocationWorkbook'>(op: K, args: IoOps[K]['args']): Promise<Uint8Array | null> {
    try {
      return await io.client.run(op, args);
    } catch (e) {
      this.#fail(e instanceof Error ? e.message : T.continuity.workerFailed);
      return null;
    }
  }

  #ok(status: string): true {
    this.error = null;
    this.errorDetails = [];
    this.status = status;
    return true;
  }

  /** Ends the live query (tests; the app's singleton lives as long as the page). */
  dispose(): void {
    this.#snapshots?.dispose();
    this.#snapshots = null;
    this.#snapshotsUnit = null;
  }

  clearMessages(): void {
    this.error = null;
    this.errorDetails = [];
    this.status = '';
  }

  get currentMonth(): string {
    return this.#host.today.slice(0, 7);
  }

  /** The current unit's snapshots, oldest first (live). */
  get snapshots(): SnapshotRecord[] {
    const unitId = this.#host.unitId;
    const db = this.#host.dbIfReady;
    if (!unitId || !db) return [];
    if (this.#snapshotsUnit !== unitId || !this.#snapshots) {
      this.#snapshots?.dispose();
      this.#snapshots = new LiveValue(() => listSnapshots(db, unitId));
      this.#snapshotsUnit = unitId;
    }
    return this.#snapshots.current ?? [];
  }

  get snapshotsLoaded(): boolean {
    void this.snapshots;
    return this.#snapshots?.loaded ?? false;
  }

  get trend(): Trend {
    return snapshotTrend(this.snapshots.map(snapshotData), this.#host.result?.profile ?? null);
  }

  /** Months a new snapshot would overwrite. */
  hasMonth(month: string): boolean {
    return this.snapshots.some((s) => s.month === month);
  }

  async #save(data: SnapshotData, okText: string): Promise<boolean> {
    const db = this.#host.dbIfReady;
    const unitId = this.#host.unitId;
    if (!db || !unitId) return this.#fail(T.noUnit);
    try {
      await saveSnapshot(db, unitId, data, this.#clock());
      return this.#ok(okText);
    } catch (e) {
      if (e instanceof SnapshotRejected) return this.#fail(T.snapshots.rejected, e.problems.map((p) => p.message));
      return this.#fail(T.saveFailed, [e instanceof Error ? e.message : String(e)]);
    }
  }

  /** A snapshot of the current plan for `month` (replaces that month if present). */
  async takeFromPlan(month: string): Promise<boolean> {
    const plan = this.#host.plan;
    if (!plan) return this.#fail(T.noUnit);
    return this.#save(snapshotFromPlan(plan, month), T.snapshots.savedFromPlan(month));
  }

  /** A snapshot typed by the user. */
  async saveManual(data: SnapshotData): Promise<boolean> {
    return this.#save({ ...data, source: 'manual' }, T.snapshots.saved(data.month));
  }

  /**
   * A snapshot from a listing report (IO's importListing, aggregated per doctor): listed = all rows;
   * with a named doctor = rows on real doctors' lists (fictive locum lists are not a named doctor,
   * domain.md §1).
   */
  async importListingSnapshot(file: File, month: string): Promise<boolean> {
    this.status = T.snapshots.reading(file.name);
    try {
      // In IO's worker with the listing limits (a 49 MB listing blocked the page 2,7 s when read here).
      const snapshot = this.#host.plan ? ($state.snapshot(this.#host.plan) as Plan) : undefined;
      const r = await io.client.runFile('importListing', file, [undefined, snapshot]);
      if (!r.ok) return this.#fail(T.snapshots.importFailed(file.name), r.errors.map(messageText));
      // Rows that are not a named doctor's list: fictive locum lists (domain.md §1), the unit's own
      // list of patients without a doctor, and plan doctors who cannot be named doctors.
      const plan = this.#host.plan;
      const unitKey = nameKey(plan?.unit.name ?? '');
      const notNamed = (d: (typeof r.doctors)[number]): string | null => {
        if (d.match.kind === 'fictive') return T.snapshots.excludedFictive;
        if ((unitKey && nameKey(d.name) === unitKey) || /utan (fast )?lakare|ej namngiven|ingen lakare|vakant|ospecificerad/.test(foldText(d.name))) return T.snapshots.excludedUnitList;
        if (d.match.kind === 'doctor') {
          const id = d.match.doctorId;
          const cat = plan?.doctors.find((x) => x.id === id)?.category;
          if (cat === 'locum' || cat === 'junior') return T.snapshots.excludedNoList;
        }
        return null;
      };
      const named = r.doctors.filter((d) => notNamed(d) === null);
      const excluded = r.doctors.filter((d) => notNamed(d) !== null).map((d) => `${d.name} (${notNamed(d)})`);
      const data: SnapshotData = {
        month,
        listed: Math.max(r.totalListed, named.reduce((s, d) => s + d.listed, 0)),
        withNamedDoctor: named.reduce((s, d) => s + d.listed, 0),
        doctors: named.map((d) => {
          const row: SnapshotData['doctors'][number] = { name: d.name, listed: d.listed };
          if (d.match.kind === 'doctor') row.doctorId = d.match.doctorId;
          if (d.listPoints !== null) row.listPoints = d.listPoints;
          return row;
        }),
        source: 'import',
      };
      if (excluded.length) {
        const ok = await this.#save(data, T.snapshots.savedFromImport(month, file.name) + ' ' + T.snapshots.excluded(excluded.join(', ')));
        return ok;
      }
      return this.#save(data, T.snapshots.savedFromImport(month, file.name));
    } catch (e) {
      return this.#fail(T.snapshots.importFailed(file.name), [e instanceof Error ? e.message : String(e)]);
    }
  }

  async removeSnapshot(id: string): Promise<boolean> {
    const db = this.#host.dbIfReady;
    if (!db) return this.#fail(T.noUnit);
    const month = this.snapshots.find((s) => s.id === id)?.month ?? '';
    await deleteSnapshot(db, id);
    return this.#ok(T.snapshots.deleted(month));
  }

  #unitFileName(): string {
    return fileSafe(this.#host.plan?.unit.name ?? this.#host.unit?.name ?? 'enhet');
  }

  async exportTrend(format: 'xlsx' | 'csv'): Promise<boolean> {
    const trend = this.trend;
    if (!trend.points.length) return this.#fail(T.snapshots.nothingToExport);
    const base = `${this.#unitFileName()} uppföljning ${this.#host.today}`;
    if (format === 'csv') {
      downloadBytes(trendCsv(trend), `${base}.csv`, 'text/csv;charset=utf-8');
    } else {
      const rows = trendRows(trend);
      const bytes = await this.#workbook('sheetsWorkbook', [[{ name: T.snapshots.sheetName, rows, colWidths: rows[0].map((_, i) => (i === 0 ? 10 : 16)) }]]);
      if (!bytes) return false;
      downloadBytes(bytes, `${base}.xlsx`, XLSX_TYPE);
    }
    return this.#ok(T.exported(format === 'csv' ? 'CSV' : 'Excel'));
  }

  // --- continuity ----------------------------------------------------------------------------
  log = $state.raw<ContactLog | null>(null);
  logFileName = $state('');
  logWarnings = $state<string[]>([]);
  pseudonymised = $state(0);
  loading = $state(false);
  progress = $state<{ done: number; total: number } | null>(null);
  fromIso = $state<IsoDate>('');
  toIso = $state<IsoDate>('');
  types = $state<ContactType[]>([...DEFAULT_CONTACT_TYPES]);
  minContacts = $state(DEFAULT_MIN_CONTACTS);
  namedMappingFile = $state('');
  /** When the columns could not be found: the file's headers and the current choice (0-based; -1 none). */
  columnChoice = $state<{ file: File; headers: string[]; columns: Record<ContactColumn, number> } | null>(null);

  get span(): { first: IsoDate; last: IsoDate } | null {
    const s = this.log ? logSpan(this.log) : null;
    return s ? { first: isoOfDay(s.first), last: isoOfDay(s.last) } : null;
  }

  /** Problems with the chosen options (Swedish), or null when they are usable. */
  get optionsProblem(): string | null {
    const from = dayOfIso(this.fromIso);
    const to = dayOfIso(this.toIso);
    if (from === null || to === null) return T.continuity.badPeriod;
    if (from > to) return T.continuity.periodReversed;
    if (!this.types.length) return T.continuity.noTypes;
    if (!(Number.isInteger(this.minContacts) && this.minContacts >= 1 && this.minContacts <= 100)) return T.continuity.badMin;
    return null;
  }

  /** Count only contacts at the unit (SKR's definition; domain.md §6). */
  ownUnitOnly = $state(false);
  /** Only listed patients (SKR); in a unit's own log every patient counts as listed at the unit. */
  listedOnly = $state(false);
  /** The unit's value in the log's unit column ('' when the log has none). */
  homeUnit = $state('');

  /** Values of the log's unit column with their contacts, most first (empty without a unit column). */
  get logUnits(): { unit: string; contacts: number }[] {
    return this.log ? unitCounts(this.log) : [];
  }

  /** The options as chosen, or null while they are unusable. */
  get options(): ContinuityOptions | null {
    if (this.optionsProblem) return null;
    return {
      fromDay: dayOfIso(this.fromIso)!,
      toDay: dayOfIso(this.toIso)!,
      types: [...this.types],
      minContacts: this.minContacts,
      ownUnitOnly: this.ownUnitOnly,
      listedOnly: this.listedOnly,
    };
  }

  /** Which named definition the chosen options are (domain.md §6 presets), or 'custom'. */
  get definition(): ContinuityDefinitionId | 'custom' {
    const o = this.options;
    return o ? definitionOf(o) : 'custom';
  }

  /** The definition in words, as every continuity figure states it. */
  get definitionLabel(): string {
    const C = T.continuity;
    const d = this.definition;
    if (d !== 'custom') return C.definitions[d];
    return C.customText(this.fromIso, this.toIso, String(this.minContacts), this.types.map((t) => CONTACT_TYPE_LABELS[t]).join(', '), this.ownUnitOnly);
  }

  /** Sets every option of a preset; the period keeps its end and gets the preset's length. */
  applyDefinition(id: ContinuityDefinitionId): void {
    const def = CONTINUITY_DEFINITIONS[id];
    const end = dayOfIso(this.toIso) ?? (this.log ? defaultPeriod(this.log)?.toDay : null) ?? null;
    if (end === null) return;
    const o = optionsOfDefinition(def, end);
    this.fromIso = isoOfDay(o.fromDay);
    this.toIso = isoOfDay(o.toDay);
    this.types = [...def.types];
    this.minContacts = def.minContacts;
    this.ownUnitOnly = def.ownUnitOnly;
    this.listedOnly = def.listedOnly;
  }

  continuity: ContinuityResult | null = $derived.by(() => {
    const log = this.log;
    const options = this.options;
    if (!log || !options) return null;
    // A unit's own log: its patients are listed at the unit, and the unit column (if any) says where.
    const scoped = options.ownUnitOnly || options.listedOnly ? withHomeUnit(log, this.homeUnit) : log;
    return computeContinuity(scoped, options);
  });

  /** Whether the log's caregivers are the plan's doctors, others too, or cannot be told apart (national goal lines). */
  caregivers: CaregiverCount | null = $derived.by(() => {
    const log = this.log;
    return log ? caregiverSplit(log, (k) => this.doctorName(log.doctorKeys[k]) !== null) : null;
  });
  get split(): CaregiverSplit | null {
    return this.caregivers?.split ?? null;
  }

  /** Continuity over the plan doctors' contacts only, when the log holds other professions' too. */
  doctorsOnlyContinuity: ContinuityResult | null = $derived.by(() => {
    const log = this.log;
    const options = this.options;
    if (!log || !options || this.split !== 'mixed') return null;
    const doctors = onlyCaregivers(log, (k) => this.doctorName(log.doctorKeys[k]) !== null);
    return computeContinuity(options.ownUnitOnly || options.listedOnly ? withHomeUnit(doctors, this.homeUnit) : doctors, options);
  });

  /** The log's contacts of the chosen period and types per age band (when the log has an age column; issue 16.1). */
  ageVisits: AgeVisits | null = $derived.by(() => {
    const log = this.log;
    const options = this.options;
    return log && options ? visitsByAgeBand(log, options) : null;
  });

  /** The unit's own visits per listed person and age band (needs the listing's ages too), for the age index. */
  get ownAgeReference(): AgeReference | null {
    return ownReferenceOf(this.ageVisits, this.#host.plan?.unit.listAges?.counts);
  }

  /** Doctor continuity of the log's SÄBO residents (a SÄBO column), the doctors' contacts only when the log is mixed. */
  nursingHomeContinuity: ContinuityResult | null | undefined = $derived.by(() => {
    const log = this.log;
    const options = this.options;
    if (!log || !options) return null;
    const nh = log.nursingHome;
    if (!nh) return undefined;
    const base = this.split === 'mixed' ? onlyCaregivers(log, (k) => this.doctorName(log.doctorKeys[k]) !== null) : log;
    const residents = onlyPatients(base, (p) => nh[p] === 1);
    const r = computeContinuity(options.ownUnitOnly || options.listedOnly ? withHomeUnit(residents, this.homeUnit) : residents, options);
    return r.patientsIncluded > 0 ? r : null;
  });

  /** The national goal lines (issue 16.5): doctor contacts, all contacts, SÄBO named doctor, SÄBO continuity. */
  get goalLines(): GoalLine[] {
    const goals = this.#host.result?.profile.goals ?? null;
    const unit = this.#host.plan?.unit;
    return continuityGoalLines({
      goals,
      baseline: this.baseline,
      all: this.continuity,
      doctorsOnly: this.doctorsOnlyContinuity,
      split: this.split,
      nursingHomeResidents: unit?.priority?.nursingHome,
      nursingHomeWithNamed: unit?.withNamedDoctorNursingHome,
      nursingHome: this.nursingHomeContinuity,
    });
  }

  /** Plan doctor name for a log doctor key (matched by id, or by the one name key: case, diacritics, “Dr” ignored). */
  doctorName(key: string): string | null {
    const plan = this.#host.plan;
    if (!plan) return null;
    const k = nameKey(key);
    const d = plan.doctors.find((x) => x.id === key || nameKey(x.name) === k);
    return d ? d.name : null;
  }

  async loadContacts(file: File, columns?: Partial<Record<ContactColumn, number>>): Promise<boolean> {
    this.loading = true;
    this.progress = { done: 0, total: file.size };
    this.status = T.continuity.reading(file.name);
    this.error = null;
    this.errorDetails = [];
    try {
      const r = await parseInWorker(file, { salt: this.#salt, columns }, (p) => (this.progress = { done: p.done, total: p.total }));
      if (!r.ok) {
        this.columnChoice = r.mapping
          ? {
              file,
              headers: r.mapping.headers,
              columns: Object.fromEntries(CONTACT_COLUMNS.map((c) => [c, r.mapping!.columns[c] ?? -1])) as Record<ContactColumn, number>,
            }
          : null;
        return this.#fail(T.continuity.importFailed(file.name), r.errors.map(messageText));
      }
      this.columnChoice = null;
      this.log = r.log;
      this.logFileName = file.name;
      this.logWarnings = r.warnings.map(messageText);
      this.pseudonymised = r.pseudonymised;
      this.namedMappingFile = '';
      const period = defaultPeriod(r.log);
      if (period) {
        this.fromIso = isoOfDay(period.fromDay);
        this.toIso = isoOfDay(period.toDay);
      }
      // The unit's own value in the log's unit column: the plan's unit name if it is there, else the most common.
      const units = unitCounts(r.log);
      const own = nameKey(this.#host.plan?.unit.name ?? '');
      this.homeUnit = (units.find((u) => nameKey(u.unit) === own) ?? units[0])?.unit ?? '';
      return this.#ok(T.continuity.loaded(formatNumber(r.log.count), formatNumber(r.log.patientKeys.length), file.name));
    } catch (e) {
      return this.#fail(T.continuity.importFailed(file.name), [e instanceof Error ? e.message : String(e)]);
    } finally {
      this.loading = false;
      this.progress = null;
    }
  }

  /** Reads the file again with the columns the user chose. */
  async retryWithColumns(): Promise<boolean> {
    const c = this.columnChoice;
    if (!c) return false;
    const columns: Partial<Record<ContactColumn, number>> = {};
    for (const k of CONTACT_COLUMNS) if (c.columns[k] >= 0) columns[k] = c.columns[k];
    return this.loadContacts(c.file, columns);
  }

  /** A separate file with each patient's named doctor (when the log has no such column). */
  async loadNamedMapping(file: File): Promise<boolean> {
    const log = this.log;
    if (!log) return this.#fail(T.continuity.loadLogFirst);
    const r = await io.client.runFile('parseNamedMapping', file, [{ salt: this.#salt }]);
    if (!r.ok) return this.#fail(T.continuity.importFailed(file.name), r.errors.map(messageText));
    const { log: next, unknownPatients, applied } = withNamedMapping(log, r.pairs);
    this.log = next;
    this.namedMappingFile = file.name;
    this.logWarnings = [...this.logWarnings, ...r.warnings.map(messageText), ...(unknownPatients ? [T.continuity.mappingUnknown(formatNumber(unknownPatients))] : [])];
    return this.#ok(T.continuity.mappingLoaded(formatNumber(applied), file.name));
  }

  /** The unit's saved continuity baseline (aggregates only, in settings), for the national goal. */
  baseline = $state<ContinuityBaseline | null>(null);
  #baselineUnit: string | null = null;

  #baselineKey(unitId: string): string {
    return `followup.continuityBaseline:${unitId}`;
  }

  /** Reads the current unit's baseline (once per unit). */
  async loadBaseline(): Promise<void> {
    const unitId = this.#host.unitId;
    if (!unitId || !this.#host.dbIfReady || this.#baselineUnit === unitId) return;
    this.#baselineUnit = unitId;
    this.baseline = await this.#host.getSetting<ContinuityBaseline | null>(this.#baselineKey(unitId), null);
  }

  /** The national goal line: the profile's increase (0,2) applied to the baseline COC and UPC. */
  get goal(): { increase: number; coc: GoalProgress | null; upc: GoalProgress | null } | null {
    const inc = this.#host.result?.profile.goals?.continuityIncrease;
    const r = this.continuity;
    const b = this.baseline;
    if (inc === undefined || inc === null || !b) return null;
    return { increase: inc, coc: goalProgress(b.meanCoc, r?.meanCoc ?? null, inc), upc: goalProgress(b.meanUpc, r?.meanUpc ?? null, inc) };
  }

  /** Saves the figures shown now as the unit's baseline (replacing an earlier one). */
  async saveBaseline(): Promise<boolean> {
    const r = this.continuity;
    const unitId = this.#host.unitId;
    if (!r || !unitId || !this.#host.dbIfReady) return this.#fail(T.continuity.loadLogFirst);
    const b: ContinuityBaseline = {
      meanCoc: r.meanCoc,
      meanUpc: r.meanUpc,
      meanNamedShare: r.meanNamedShare,
      patientsIncluded: r.patientsIncluded,
      from: this.fromIso,
      to: this.toIso,
      minContacts: r.options.minContacts,
      savedAt: this.#host.today,
      definition: this.definitionLabel,
      ...(this.split ? { split: this.split } : {}),
      ...(this.split === 'mixed' ? { doctorMeanCoc: this.doctorsOnlyContinuity?.meanCoc ?? null } : {}),
      ...(this.nursingHomeContinuity !== undefined ? { nursingHomeMeanCoc: this.nursingHomeContinuity?.meanCoc ?? null } : {}),
    };
    await this.#host.setSetting(this.#baselineKey(unitId), b);
    this.baseline = b;
    this.#baselineUnit = unitId;
    return this.#ok(T.continuity.baselineSaved);
  }

  async clearBaseline(): Promise<boolean> {
    const unitId = this.#host.unitId;
    if (!unitId || !this.#host.dbIfReady) return false;
    await this.#host.setSetting(this.#baselineKey(unitId), null);
    this.baseline = null;
    return this.#ok(T.continuity.baselineCleared);
  }

  /** The continuity figures as a workbook: aggregates only, never patient keys. */
  async exportContinuity(): Promise<boolean> {
    const r = this.continuity;
    if (!r) return this.#fail(T.continuity.loadLogFirst);
    const C = T.continuity;
    const E = C.exportRows;
    const rows = continuityRows(
      r,
      {
        unit: {
          heading: C.exportHeading(this.logFileName),
          rows: [
            [E.file, this.logFileName],
            [E.definition, this.definitionLabel],
            [E.from, this.fromIso],
            [E.to, this.toIso],
            [E.types, this.types.map((t) => CONTACT_TYPE_LABELS[t]).join(', ')],
            [E.min, r.options.minContacts],
            [E.inScope, r.contactsInScope],
            [E.outOfScope, r.contactsOutOfScope],
            [E.included, r.patientsIncluded],
            [E.below, r.patientsBelowMin],
            [E.withNamed, r.namedAvailable ? r.patientsWithNamed : null],
            [E.meanNamed, r.meanNamedShare],
            [E.meanUpc, r.meanUpc],
            [E.meanCoc, r.meanCoc],
            [E.pseudonymised, this.pseudonymised],
            [E.formulaNamed, C.formulaNamed],
            [E.formulaUpc, C.formulaUpc],
            [E.formulaCoc, C.formulaCoc],
          ],
        },
        doctorHeaders: C.doctorHeaders,
        histHeaders: C.histHeaders,
        histNames: { upc: C.histUpc, coc: C.histCoc, named: C.histNamed },
      },
      (k) => this.doctorName(k),
    );
    const bytes = await this.#workbook('sheetsWorkbook', [[
      { name: C.sheetUnit, rows: rows.unit, colWidths: [44, 60] },
      { name: C.sheetDoctors, rows: rows.doctors, colWidths: [24, 22, 14, 10, 10, 14, 14, 14, 14, 10] },
      { name: C.sheetHist, rows: rows.histograms, colWidths: [36, 8, 8, 10] },
    ]]);
    if (!bytes) return false;
    downloadBytes(bytes, `${this.#unitFileName()} kontinuitet ${this.#host.today}.xlsx`, XLSX_TYPE);
    return this.#ok(T.exported('Excel'));
  }

  clearContacts(): void {
    this.log = null;
    this.logFileName = '';
    this.logWarnings = [];
    this.pseudonymised = 0;
    this.namedMappingFile = '';
    this.#ok(T.continuity.cleared);
  }

  toggleType(t: ContactType, on: boolean): void {
    const chosen = this.types.filter((x) => x !== t);
    if (on) chosen.push(t);
    this.types = (['visit', 'video', 'phone', 'chat', 'other'] as ContactType[]).filter((x) => chosen.includes(x));
  }

  // --- allocation ----------------------------------------------------------------------------
  groups = $state<AllocationGroup[]>([]);
  /** Where the groups came from: typed, estimated from the plan, or a patient list (row level). */
  groupsSource = $state<'manual' | 'plan' | 'file'>('manual');
  patientFileName = $state('');

  /**
   * A trainee (ST) fills at most this share of their free places with priority patients (issue 16.6); null: the
   * default, the unit's own share of priority patients among the listed ("no more than the unit's share").
   */
  traineeShare = $state<number | null>(null);

  /** The unit's own share of priority patients among the listed (the trainees' default cap). */
  get unitPriorityShare(): number | null {
    const r = this.#host.result;
    return r ? unitPriorityShare(r) : null;
  }

  /** The trainees' cap as used: the typed share, else the unit's; null (no cap) when nobody is listed. */
  get traineeShareUsed(): number | null {
    return this.traineeShare ?? this.unitPriorityShare;
  }

  proposal: AllocationResult | null = $derived.by(() => {
    const plan = this.#host.plan;
    const result = this.#host.result;
    if (!plan || !result || !this.groups.some((g) => g.count > 0)) return null;
    const clean = this.groups.filter((g) => Number.isInteger(g.count) && g.count > 0 && (g.careWeight === null || g.careWeight > 0));
    const share = this.traineeShareUsed;
    return allocate($state.snapshot(clean) as AllocationGroup[], allocationDoctors(plan, result), share === null ? {} : { traineePriorityShare: share });
  });

  addGroup(): void {
    this.groups.push({ priority: 'other', ageBand: '18-64', careWeight: null, count: 0 });
    this.groupsSource = 'manual';
  }

  removeGroup(index: number): void {
    this.groups.splice(index, 1);
  }

  updateGroup(index: number, patch: Partial<AllocationGroup>): void {
    const g = this.groups[index];
    if (!g) return;
    Object.assign(g, patch);
    if (this.groupsSource === 'file') {
      // Editing a row-level group turns it into counts: keys no longer match the count.
      delete g.keys;
      this.groupsSource = 'manual';
    }
  }

  /**
   * An estimate from the plan: each priority group's count as entered in the unit part, and the rest
   * of the listed without a named doctor as "others" — labelled as an estimate for the user to adjust
   * (the plan does not say which priority patients already have a named doctor).
   */
  groupsFromPlan(): void {
    const plan = this.#host.plan;
    if (!plan) return;
    const u = plan.unit;
    const without = Math.max(0, u.listed - u.withNamedDoctor);
    const groups: AllocationGroup[] = [];
    let prioritySum = 0;
    for (const p of ALLOCATION_PRIORITIES) {
      if (p === 'other') continue;
      const n = Math.max(0, Math.floor(Number(u.priority[p]) || 0));
      if (n > 0) {
        const count = Math.min(n, Math.max(0, without - prioritySum));
        prioritySum += count;
        if (count > 0) groups.push({ priority: p, ageBand: p === 'nursingHome' || p === 'palliative' ? '65+' : 'unknown', careWeight: null, count });
      }
    }
    const rest = Math.max(0, without - prioritySum);
    if (rest > 0) groups.push({ priority: 'other', ageBand: 'unknown', careWeight: null, count: rest });
    this.groups = groups;
    this.groupsSource = 'plan';
    this.patientFileName = '';
    this.#ok(T.allocation.fromPlanDone);
  }

  async loadPatientList(file: File): Promise<boolean> {
    // In IO's worker with the patient-list limits (a 3,6 MB file froze the page 35 s when read here).
    const r = await io.client.runFile('parsePatientList', file, [{ year: Number(this.#host.today.slice(0, 4)) }]);
    if (!r.ok) return this.#fail(T.allocation.importFailed(file.name), r.errors.map(messageText));
    this.groups = groupPatients(r.rows);
    this.groupsSource = 'file';
    this.patientFileName = file.name;
    return this.#ok(T.allocation.loaded(formatNumber(r.rows.length), file.name));
  }

  clearGroups(): void {
    this.groups = [];
    this.groupsSource = 'manual';
    this.patientFileName = '';
  }

  async exportProposal(): Promise<boolean> {
    const p = this.proposal;
    if (!p) return this.#fail(T.allocation.nothingToExport);
    const bytes = await this.#workbook('allocationWorkbook', [$state.snapshot(p) as AllocationResult, { unitName: this.#host.plan?.unit.name ?? '', today: this.#host.today }]);
    if (!bytes) return false;
    downloadBytes(bytes, `${this.#unitFileName()} fördelningsförslag ${this.#host.today}.xlsx`, XLSX_TYPE);
    return this.#ok(T.exported('Excel'));
  }
}

export const followup = new FollowUpState(app);

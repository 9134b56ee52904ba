/**
 * What every part of the app state shares (README.md): the options (clock, today, backup rules), the
 * open database and whether it may be written, the one `lastError`, and the write queue that makes
 * writes commit in the order the user made them. The parts (session, catalog, backups, storage,
 * settings) each get the one AppCore of their app; none of them opens its own database.
 */
import { maskPersonnummer, parsePlan, planErrorText, type IsoDate, type Plan, type PlanError } from '../engine/index';
import {
  AUTO_BACKUP_INTERVAL_MS,
  BACKUPS_PER_PLAN,
  DoctorIdTakenError,
  PlanGoneError,
  ReadOnlyDatabaseError,
  isQuotaError,
  storageErrorMessage,
  personnummerRefusal,
  type KapacitetDb,
} from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import { PERSONNUMMER_MASK } from '../strings/privacy.sv';
import { localIsoDate } from './dates';

export type AppErrorKind = 'validation' | 'quota' | 'conflict' | 'storage' | 'file' | 'read-only' | 'unexpected';

export interface AppError {
  kind: AppErrorKind;
  /** Swedish sentence for the user. */
  message: string;
  /** Details, e.g. "doctors[2].employment: …". */
  details: string[];
}

/** The part of navigator.storage we use (tests pass a fake). */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface AppOptions {
  dbName?: string;
  /** Fixes "today" (ISO date) for computePlan and dated names. */
  today?: IsoDate;
  /** Clock for timestamps (ms). */
  now?: () => number;
  /** navigator.storage or a fake; null = not available. Default: navigator.storage when present. */
  storage?: StorageLike | null;
  autoBackupIntervalMs?: number;
  backupsPerPlan?: number;
  /** Ask navigator.storage.persist() at start when not yet persistent (default true). */
  requestPersistOnStart?: boolean;
}

export class AppCore {
  readonly dbName: string;
  readonly today: IsoDate;
  readonly now: () => number;
  readonly autoBackupIntervalMs: number;
  readonly backupsPerPlan: number;

  /** The database is open, seeded, and the first lists are loaded. */
  ready = $state(false);
  startError = $state<string | null>(null);
  /**
   * Why this tab may only read (a database written by a newer version of Kapacitet), in Swedish; null
   * when it may write. Every write is refused with this message and nothing reaches the database.
   */
  readOnly = $state<string | null>(null);
  lastError = $state.raw<AppError | null>(null);

  #db: KapacitetDb | null = null;
  /** Serialises our writes so they commit in the order the user made them. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AppOptions = {}) {
    this.dbName = options.dbName ?? 'kapacitet';
    this.now = options.now ?? (() => Date.now());
    this.today = options.today ?? localIsoDate(this.now());
    this.autoBackupIntervalMs = options.autoBackupIntervalMs ?? AUTO_BACKUP_INTERVAL_MS;
    this.backupsPerPlan = options.backupsPerPlan ?? BACKUPS_PER_PLAN;
  }

  get db(): KapacitetDb {
    if (!this.#db) throw new Error('app.start() has not run');
    return this.#db;
  }

  get dbIfReady(): KapacitetDb | null {
    return this.ready ? this.#db : null;
  }

  attach(db: KapacitetDb): void {
    this.#db = db;
  }

  close(): void {
    this.#db?.close();
  }

  // ------------------------------------------------------------------ errors

  fail(kind: AppErrorKind, message: string, details: string[] = []): false {
    this.lastError = { kind, message, details };
    return false;
  }

  /** A failed write, said in Swedish (the transaction has rolled back: nothing was half-written). */
  failWrite(e: unknown): false {
    if (e instanceof PlanGoneError) return this.fail('conflict', DATA_SV.errors.planGone);
    if (e instanceof DoctorIdTakenError) return this.fail('conflict', DATA_SV.errors.doctorIdTaken);
    if (e instanceof ReadOnlyDatabaseError || this.readOnly) return this.fail('read-only', this.readOnly ?? DATA_SV.errors.readOnly);
    if (isQuotaError(e)) return this.fail('quota', DATA_SV.errors.quota);
    const refusal = personnummerRefusal(e);
    if (refusal) return this.fail('validation', refusal.message);
    console.error(e);
    return this.fail('storage', storageErrorMessage(e));
  }

  /**
   * An error nothing else caught (the global handler, main.ts): said in Swedish, with the browser's
   * own words (personnummer masked) as a detail for whoever troubleshoots. A storage failure that
   * escaped its command is said as one.
   */
  failUnexpected(e: unknown): false {
    const refusal = personnummerRefusal(e);
    if (refusal) return this.fail('validation', refusal.message);
    if (isQuotaError(e)) return this.fail('quota', DATA_SV.errors.quota);
    const raw = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : '';
    const detail = maskPersonnummer(raw.replace(/\s+/g, ' ').trim().slice(0, 300), PERSONNUMMER_MASK);
    return this.fail('unexpected', DATA_SV.errors.unexpected, detail ? [DATA_SV.errors.unexpectedDetail(detail)] : []);
  }

  /** Refuses a command up front in a read-only tab (no optimistic change, no write attempted). */
  refuseIfReadOnly(): boolean {
    if (!this.readOnly) return false;
    this.fail('read-only', this.readOnly);
    return true;
  }

  // ------------------------------------------------------------------ the write queue

  /** Resolves when every write queued so far has finished (committed or failed). */
  async idle(): Promise<void> {
    let q: Promise<unknown>;
    do {
      q = this.#queue;
      await q.catch(() => undefined);
    } while (q !== this.#queue);
  }

  /** Runs `work` after the writes queued before it (writes commit in the user's order). */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => undefined).then(work);
    this.#queue = run;
    return run;
  }
}

// ------------------------------------------------------------------ small shared helpers

/** "Name", or "Name (2)", "Name (3)" … when the unit already has a plan by that name. */
export function uniqueName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} (${i})`)) return `${base} (${i})`;
}

/** A plan-file or backup problem as the user reads it: its place in their words, never the JSON path. */
export function pathMessage(e: PlanError): string {
  return planErrorText(e);
}

/** parsePlan's normal form of a plan the engine made (always valid). */
export function normalized(plan: Plan): Plan {
  const parsed = parsePlan(plan);
  return parsed.ok ? parsed.plan : plan;
}

/** Strings anywhere in a change (for the personnummer guard). */
export function stringsIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out, depth + 1));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out, depth + 1));
  return out;
}

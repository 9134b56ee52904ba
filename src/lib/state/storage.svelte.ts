/**
 * The browser's storage: the database connection (opened read-only when a newer version of Kapacitet
 * wrote it; told when another tab blocks or upgrades it) and its durability — whether the browser keeps
 * our data (navigator.storage.persisted / persist) and how much of the quota is used. When it may
 * evict, the UI shows a warning with a one-click backup.
 */
import { StoredPlanMigrationError, openKapacitetDb, type KapacitetDb } from '../db/index';
import { DATA_SV } from '../strings/data.sv';
import type { AppCore, StorageLike } from './core.svelte';

export interface StorageStatus {
  /** Does the browser offer navigator.storage at all? */
  supported: boolean;
  /** true: the browser will not evict our data; false: it may; null: unknown (not asked yet). */
  persisted: boolean | null;
  estimate?: { usage: number; quota: number };
  /** The browser may clear the data under storage pressure → offer a one-click backup. */
  mayEvict: boolean;
}

/** How often the usage figure is re-read while editing. */
const ESTIMATE_EVERY_MS = 30_000;

export class StorageState {
  readonly #core: AppCore;
  readonly #api: StorageLike | null;
  readonly #askOnStart: boolean;
  #estimateAt = 0;

  status = $state<StorageStatus>({ supported: false, persisted: null, mayEvict: false });

  /**
   * @param api navigator.storage or a fake; `undefined` = navigator.storage when present, null = none.
   * @param askOnStart ask navigator.storage.persist() at start when not yet persistent.
   */
  constructor(core: AppCore, api: StorageLike | null | undefined, askOnStart = true) {
    this.#core = core;
    const nav = (globalThis as { navigator?: { storage?: StorageLike } }).navigator;
    this.#api = api === undefined ? (nav?.storage ?? null) : api;
    this.#askOnStart = askOnStart;
  }

  /**
   * Opens the database for the app and hands it to the core. A database written by a newer version is
   * opened read-only (core.readOnly says so in Swedish); nothing is ever written to it.
   */
  async open(): Promise<KapacitetDb> {
    const core = this.#core;
    const opened = await openKapacitetDb(core.dbName, (db) => {
      db.on('blocked', () => {
        core.startError = DATA_SV.errors.openBlocked;
      });
      // Another tab upgraded the schema: close here so its upgrade can proceed, and say so.
      db.on('versionchange', () => {
        db.close();
        core.startError = DATA_SV.errors.upgradedElsewhere;
        return false;
      });
    });
    // "Blocked" only holds while the open waits: once it went through, the other tab has let go.
    if (core.startError === DATA_SV.errors.openBlocked) core.startError = null;
    if (opened.readOnly) core.readOnly = DATA_SV.errors.readOnly;
    core.attach(opened.db);
    return opened.db;
  }

  /** The Swedish start error for a failed open: an upgrade that refused a stored plan says which. */
  static startErrorOf(e: unknown): string | null {
    for (let err = e as { inner?: unknown; cause?: unknown } | null, depth = 0; err && depth < 5; depth++) {
      if (err instanceof StoredPlanMigrationError) return err.message;
      err = (err.inner ?? err.cause ?? null) as typeof err;
    }
    return null;
  }

  /** Reads the status and, when not yet persistent, asks once (Chromium answers silently). */
  async init(): Promise<void> {
    await this.refresh();
    if (this.#askOnStart && this.status.supported && this.status.persisted === false) await this.requestPersist();
  }

  /** Keeps the usage figure roughly current while editing (at most every 30 s). */
  maybeRefreshEstimate(): void {
    const now = this.#core.now();
    if (!this.#api?.estimate || now - this.#estimateAt < ESTIMATE_EVERY_MS) return;
    this.#estimateAt = now;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const api = this.#api;
    if (!api?.persisted) {
      this.status = { supported: false, persisted: null, mayEvict: false };
      return;
    }
    try {
      const persisted = await api.persisted();
      const est = api.estimate ? await api.estimate() : undefined;
      this.status = {
        supported: true,
        persisted,
        mayEvict: !persisted,
        estimate: est ? { usage: est.usage ?? 0, quota: est.quota ?? 0 } : undefined,
      };
    } catch {
      this.status = { supported: true, persisted: null, mayEvict: true };
    }
  }

  /** Asks the browser to keep our data (navigator.storage.persist()); the answer lands in `status`. */
  async requestPersist(): Promise<boolean | null> {
    const api = this.#api;
    if (!api?.persist) return null;
    let granted: boolean | null = null;
    try {
      granted = await api.persist();
    } catch {
      granted = null;
    }
    await this.refresh();
    if (granted !== null) this.status = { ...this.status, persisted: granted, mayEvict: !granted };
    return granted;
  }
}

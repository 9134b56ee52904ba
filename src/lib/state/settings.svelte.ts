/**
 * Settings and rule profiles: small key/value view preferences shared by every tab (live), and the
 * saved custom rule profiles (domain.md §5 "custom"), and the data layer's notices to the user. Keys in
 * use by the core state: `lastUnitId`, `lastPlan:<unitId>`, `seeded` (catalog.svelte.ts,
 * catalogEdits.svelte.ts), `pendingNotices` (db/notices.ts).
 */
import type { RuleProfile } from '../engine/index';
import {
  NOTICES_KEY,
  deleteRuleProfile,
  dismissNotice,
  readNotices,
  saveRuleProfile,
  setSetting as storeSetting,
  type DataNotice,
} from '../db/index';
import type { AppCore } from './core.svelte';
import { LiveValue } from './live.svelte';

export class SettingsState {
  readonly #core: AppCore;

  settings = $state.raw<Record<string, unknown>>({});
  customProfiles = $state.raw<RuleProfile[]>([]);
  /** What the data layer had to tell the user (e.g. a migration kept two doctors apart), until closed. */
  notices: DataNotice[] = $derived(readNotices(this.settings[NOTICES_KEY]));

  #live: LiveValue<unknown>[] = [];

  constructor(core: AppCore) {
    this.#core = core;
  }

  /** Starts the live lists; resolves with their first values. */
  watch(): Promise<void> {
    const db = this.#core.db;
    this.#live.push(
      new LiveValue(
        async () => (await db.ruleProfiles.toArray()).map((r) => r.profile).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
        (list) => (this.customProfiles = list),
      ),
      new LiveValue(
        async () => Object.fromEntries((await db.settings.toArray()).map((s) => [s.key, s.value])),
        (map) => (this.settings = map),
      ),
    );
    return Promise.all(this.#live.map((l) => l.firstValue)).then(() => undefined);
  }

  dispose(): void {
    for (const l of this.#live) l.dispose();
    this.#live = [];
  }

  async getSetting<T>(key: string, fallback: T): Promise<T> {
    if (this.#core.readOnly && key in this.settings) return this.settings[key] as T;
    const row = await this.#core.db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  }

  /** Stores a setting for every tab; in a read-only tab it holds for this session only. */
  async setSetting(key: string, value: unknown): Promise<void> {
    const clean = $state.snapshot(value);
    if (this.#core.readOnly) {
      this.settings = { ...this.settings, [key]: clean };
      return;
    }
    await storeSetting(this.#core.db, key, clean);
  }

  /**
   * Remembers a selection. A failure here (a full disk, a read-only tab) must not block selecting,
   * so it is only logged.
   */
  async remember(key: string, value: unknown): Promise<void> {
    if (this.#core.readOnly) return;
    try {
      await storeSetting(this.#core.db, key, value);
    } catch (e) {
      console.warn('setting not saved', key, e);
    }
  }

  /** The user has read a notice: it is gone for every tab (kept when this tab may only read). */
  async dismissNotice(id: string): Promise<void> {
    if (this.#core.readOnly) {
      this.settings = { ...this.settings, [NOTICES_KEY]: this.notices.filter((n) => n.id !== id) };
      return;
    }
    await dismissNotice(this.#core.db, id);
  }

  async saveCustomProfile(profile: RuleProfile): Promise<void> {
    await saveRuleProfile(this.#core.db, $state.snapshot(profile) as RuleProfile, this.#core.now());
  }

  async deleteCustomProfile(id: string): Promise<void> {
    await deleteRuleProfile(this.#core.db, id);
  }
}

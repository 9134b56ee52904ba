/**
 * The last line of "nothing typed is lost" for APT notes: when the page is hidden or closed while
 * edits are still on their way to IndexedDB, they are written synchronously to localStorage (one
 * key per tab), and the next start replays them into the database and removes the key. A live tab
 * removes its own key as soon as its writes have committed, so what a new tab finds is what a
 * closed tab could not finish. Only edits that passed the personnummer check are ever queued.
 */
import type { WorkshopEdit } from '../engine/workshop';

export interface JournalEntry {
  meetingId: string;
  edit: WorkshopEdit;
}

/** The part of the Web Storage API used here (tests pass a Map-backed fake). */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null outside a page or where the browser blocks it. */
export function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

const PREFIX = 'kapacitet:apt-unsaved:';

export class UnsavedJournal {
  readonly #storage: JournalStorage;
  readonly #scope: string;
  readonly #key: string;

  /** `scope` separates databases (the app's, each test's); `tabId` this tab. */
  constructor(storage: JournalStorage, scope: string, tabId: string) {
    this.#storage = storage;
    this.#scope = `${PREFIX}${scope}:`;
    this.#key = `${this.#scope}${tabId}`;
  }

  /** Replaces this tab's entries (synchronous: safe inside pagehide). False when storage refused. */
  write(entries: readonly JournalEntry[], now: number): boolean {
    try {
      if (entries.length === 0) this.#storage.removeItem(this.#key);
      else this.#storage.setItem(this.#key, JSON.stringify({ at: now, entries }));
      return true;
    } catch {
      return false; // full or disabled storage: the IndexedDB writes already started are all there is
    }
  }

  clear(): void {
    try {
      this.#storage.removeItem(this.#key);
    } catch {
      // nothing to clear
    }
  }

  /** Every other tab's entries of this scope, oldest tab first; their keys are removed. */
  takeOthers(): JournalEntry[] {
    const found: { at: number; entries: JournalEntry[] }[] = [];
    try {
      const keys: string[] = [];
      for (let i = 0; i < this.#storage.length; i++) {
        const k = this.#storage.key(i);
        if (k && k.startsWith(this.#scope) && k !== this.#key) keys.push(k);
      }
      for (const k of keys) {
        const raw = this.#storage.getItem(k);
        this.#storage.removeItem(k);
        try {
          const parsed = JSON.parse(raw ?? '') as { at?: unknown; entries?: unknown };
          if (Array.isArray(parsed.entries)) found.push({ at: Number(parsed.at) || 0, entries: parsed.entries as JournalEntry[] });
        } catch {
          // a damaged entry is dropped
        }
      }
    } catch {
      return [];
    }
    return found.sort((a, b) => a.at - b.at).flatMap((f) => f.entries.filter((e) => e && typeof e.meetingId === 'string' && e.edit));
  }
}

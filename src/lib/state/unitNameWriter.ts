/**
 * The unit name saved as typed (issue 11.3). Each keystroke's name goes first into a small localStorage
 * journal (synchronous: it survives a page closed a few milliseconds later), then to IndexedDB — one
 * rename in flight at a time with the latest text next, so fast typing queues one write, not one per
 * keystroke. At app start a name the journal still holds (its tab closed before the write finished)
 * is written before anything can be backed up. A name holding a personnummer never enters the journal
 * (renameUnit refuses it anyway).
 */
import { looksLikePersonnummer } from '../engine/index';
import { pageStorage, type JournalStorage } from './workshopJournal';

const PREFIX = 'kapacitet:unit-name-unsaved:';

type Rename = (unitId: string, name: string) => Promise<boolean>;

export class UnitNameWriter {
  #writing = false;
  #next: { unitId: string; name: string } | null = null;

  constructor(
    private readonly rename: Rename,
    private readonly scope: string,
    private readonly storage: JournalStorage | null = pageStorage(),
  ) {}

  #key(unitId: string): string {
    return `${PREFIX}${this.scope}:${unitId}`;
  }

  /** Saves `name` as the unit's name: journalled at once, written as soon as the previous write is done. */
  write(unitId: string, name: string): void {
    if (!looksLikePersonnummer(name)) {
      try {
        this.storage?.setItem(this.#key(unitId), name);
      } catch {
        // A full or blocked localStorage: the IndexedDB write below still runs.
      }
    }
    this.#next = { unitId, name };
    if (this.#writing) return;
    this.#writing = true;
    void (async () => {
      try {
        while (this.#next) {
          const next: { unitId: string; name: string } = this.#next;
          this.#next = null;
          await this.rename(next.unitId, next.name);
          // Only the latest text clears the journal (a newer keystroke keeps its own entry).
          if (!this.#next && this.storage?.getItem(this.#key(next.unitId)) === next.name) this.storage.removeItem(this.#key(next.unitId));
        }
      } finally {
        this.#writing = false;
      }
    })();
  }

  /** At app start: every name a closed tab left unwritten, written now. Returns how many. */
  async recover(): Promise<number> {
    const s = this.storage;
    if (!s) return 0;
    const found: { key: string; unitId: string; name: string }[] = [];
    const prefix = `${PREFIX}${this.scope}:`;
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (!key?.startsWith(prefix)) continue;
      const name = s.getItem(key);
      if (name) found.push({ key, unitId: key.slice(prefix.length), name });
    }
    for (const f of found) {
      // A unit deleted since, or a name refused: nothing to bring back; the entry goes either way.
      await this.rename(f.unitId, f.name).catch(() => false);
      s.removeItem(f.key);
    }
    return found.length;
  }
}

/**
 * Text saved as it is typed (issue 11.3), one mechanism for every field that needs it: the unit name,
 * a doctor's name in the grid, a doctor's duties (their labels) in the duty editor and the note of a
 * doctor's agreement (Läkarsamtal).
 *
 * Each keystroke's text goes first into a small localStorage journal (synchronous: it survives a page
 * closed a few milliseconds later, without waiting for pagehide), then to IndexedDB:
 * - `write` (the unit name): written at once, one write in flight per field with the latest text next,
 *   so fast typing queues one write, not one per keystroke;
 * - `note` (a grid cell or the duty editor while it is open): only journalled, because the edit is
 *   committed as ONE undo step on Enter/blur/Spara as before (a spreadsheet: Escape still cancels, and
 *   `forget` removes the entry then); `committed` removes it once that commit is durable.
 * At app start every entry a closed tab left is written (`recover`), before anything can be backed up.
 * A text that is or may become a personnummer is neither journalled nor written as typed.
 */
import { looksLikePersonnummer, type Duty } from '../engine/index';
import { pageStorage, type JournalStorage } from './workshopJournal';

/** What a journalled text belongs to. */
export type TypedTarget =
  | { kind: 'unitName'; unitId: string }
  | { kind: 'doctorName'; planId: string; doctorId: string }
  | { kind: 'duties'; planId: string; doctorId: string }
  | { kind: 'agreementNote'; planId: string; doctorId: string };

/** The text as typed: a name, or the duty editor's rows as duties. */
export type TypedValue = string | Duty[];

/** Writes a journalled value where it belongs; false when refused (the entry goes either way). */
export type TypedApply = (target: TypedTarget, value: TypedValue) => Promise<boolean>;

const PREFIX = 'kapacitet:typed-unsaved:';
/** The unit-name journal of the release before (one plain name per unit): still read at start. */
const LEGACY_UNIT_NAME = 'kapacitet:unit-name-unsaved:';

function targetKey(t: TypedTarget): string {
  return t.kind === 'unitName' ? `unitName:${t.unitId}` : `${t.kind}:${t.planId}:${t.doctorId}`;
}

/**
 * A text that is, or may still become, a personnummer while it is typed (a run of six digits: a date of
 * birth under way) is neither journalled nor written as typed: it waits for its commit, which refuses a
 * personnummer with the Swedish reason and keeps the text in the field.
 */
function mayBecomePersonnummer(text: string): boolean {
  return looksLikePersonnummer(text) || /\d{6}/.test(text);
}

function holdsPersonnummer(value: TypedValue): boolean {
  if (typeof value === 'string') return mayBecomePersonnummer(value);
  return value.some((d) => typeof d.label === 'string' && mayBecomePersonnummer(d.label));
}

function isTarget(v: unknown): v is TypedTarget {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  if (t.kind === 'unitName') return typeof t.unitId === 'string';
  return (t.kind === 'doctorName' || t.kind === 'duties' || t.kind === 'agreementNote') && typeof t.planId === 'string' && typeof t.doctorId === 'string';
}

export class TypedTextWriter {
  readonly #next = new Map<string, { target: TypedTarget; value: TypedValue }>();
  #writing = false;

  constructor(
    private readonly apply: TypedApply,
    private readonly scope: string,
    private readonly storage: JournalStorage | null = pageStorage(),
  ) {}

  #key(target: TypedTarget): string {
    return `${PREFIX}${this.scope}:${targetKey(target)}`;
  }

  /** Journals the text as typed (synchronous), nothing else. */
  note(target: TypedTarget, value: TypedValue): void {
    const key = this.#key(target);
    try {
      if (holdsPersonnummer(value)) this.storage?.removeItem(key);
      else this.storage?.setItem(key, JSON.stringify({ target, value }));
    } catch {
      // A full or blocked localStorage: the IndexedDB write on commit still runs.
    }
  }

  /** The edit was cancelled (Escape, Avbryt): nothing of it is kept. */
  forget(target: TypedTarget): void {
    try {
      this.storage?.removeItem(this.#key(target));
    } catch {
      // nothing to remove
    }
  }

  /** The edit was committed: its entry goes once `durable` (the write) resolves, if no newer text came. */
  committed(target: TypedTarget, durable: Promise<unknown>): void {
    const key = this.#key(target);
    const at = this.#read(key);
    void durable.then(() => {
      if (this.#read(key) === at) this.forget(target);
    });
  }

  #read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** Saves `value` at once: journalled, written as soon as the previous write of this writer is done. */
  write(target: TypedTarget, value: TypedValue): void {
    this.note(target, value);
    if (holdsPersonnummer(value)) return;
    this.#next.set(targetKey(target), { target, value });
    if (this.#writing) return;
    this.#writing = true;
    void (async () => {
      try {
        while (this.#next.size > 0) {
          const [k, next] = this.#next.entries().next().value as [string, { target: TypedTarget; value: TypedValue }];
          this.#next.delete(k);
          const text = JSON.stringify({ target: next.target, value: next.value });
          await this.apply(next.target, next.value);
          // Only the latest text clears the journal (a newer keystroke keeps its own entry).
          if (!this.#next.has(k) && this.#read(this.#key(next.target)) === text) this.forget(next.target);
        }
      } finally {
        this.#writing = false;
      }
    })();
  }

  /** At app start: every text a closed tab left unwritten, written now. Returns how many. */
  async recover(): Promise<number> {
    const s = this.storage;
    if (!s) return 0;
    const found: { key: string; target: TypedTarget; value: TypedValue }[] = [];
    const prefix = `${PREFIX}${this.scope}:`;
    const legacy = `${LEGACY_UNIT_NAME}${this.scope}:`;
    const keys: string[] = [];
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key && (key.startsWith(prefix) || key.startsWith(legacy))) keys.push(key);
      }
    } catch {
      return 0;
    }
    for (const key of keys) {
      const raw = this.#read(key);
      if (!raw) continue;
      if (key.startsWith(legacy)) {
        found.push({ key, target: { kind: 'unitName', unitId: key.slice(legacy.length) }, value: raw });
        continue;
      }
      try {
        const entry = JSON.parse(raw) as { target?: unknown; value?: unknown };
        if (isTarget(entry.target) && (typeof entry.value === 'string' || Array.isArray(entry.value))) {
          found.push({ key, target: entry.target, value: entry.value as TypedValue });
          continue;
        }
      } catch {
        // a damaged entry is dropped below
      }
      found.push({ key, target: { kind: 'unitName', unitId: '' }, value: '' });
    }
    let written = 0;
    for (const f of found) {
      // A unit or doctor deleted since, or a text refused: nothing to bring back; the entry goes either way.
      if (f.value !== '' && !holdsPersonnummer(f.value)) {
        await this.apply(f.target, f.value).catch(() => false);
        written++;
      }
      s.removeItem(f.key);
    }
    return written;
  }
}

/**
 * The läkardel grid's layout, remembered per browser (app.getSetting/setSetting): which column groups
 * are expanded and which column sorts the rows. Every group starts collapsed: the compact view.
 */
import { DOCTOR_GROUPS, type DoctorGroup } from './columns';
import type { SortState } from './order';

export const LAYOUT_SETTING = 'doctorsGrid.layout';

export interface StoredLayout {
  expanded: DoctorGroup[];
  sort: SortState | null;
}

interface SettingsStore {
  getSetting<T>(key: string, fallback: T): Promise<T>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** A stored value as a layout; anything unexpected falls back to the compact default. */
export function readLayout(v: unknown): StoredLayout {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const expanded = Array.isArray(o.expanded) ? o.expanded.filter((g): g is DoctorGroup => (DOCTOR_GROUPS as readonly string[]).includes(g as string)) : [];
  const s = o.sort as Record<string, unknown> | null | undefined;
  const sort =
    s && typeof s === 'object' && typeof s.key === 'string' && (s.dir === 'ascending' || s.dir === 'descending')
      ? { key: s.key, dir: s.dir as SortState['dir'] }
      : null;
  return { expanded: expanded.filter((g, i) => expanded.indexOf(g) === i), sort };
}

export class GridLayout {
  expanded = $state<DoctorGroup[]>([]);
  sort = $state<SortState | null>(null);
  /** The stored layout has been read (the first sort snapshot waits for it). */
  loaded = $state(false);
  #store: SettingsStore | null;

  constructor(store: SettingsStore | null) {
    this.#store = store;
  }

  async load(): Promise<void> {
    try {
      const v = readLayout(await this.#store?.getSetting<unknown>(LAYOUT_SETTING, null));
      this.expanded = v.expanded;
      this.sort = v.sort;
    } catch {
      // A layout is a convenience: the compact default it is.
    }
    this.loaded = true;
  }

  isExpanded(g: DoctorGroup): boolean {
    return this.expanded.includes(g);
  }

  setExpanded(g: DoctorGroup, on: boolean): void {
    if (on === this.isExpanded(g)) return;
    this.expanded = on ? DOCTOR_GROUPS.filter((x) => x === g || this.expanded.includes(x)) : this.expanded.filter((x) => x !== g);
    this.#save();
  }

  setSort(sort: SortState | null): void {
    this.sort = sort;
    this.#save();
  }

  #save(): void {
    this.#store?.setSetting(LAYOUT_SETTING, { expanded: [...this.expanded], sort: this.sort ? { ...this.sort } : null }).catch(() => undefined);
  }
}

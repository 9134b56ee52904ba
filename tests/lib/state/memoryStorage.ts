import type { JournalStorage } from '../../../src/lib/state/workshopJournal';

/** An in-memory Web Storage. */
export function memoryStorage(): JournalStorage & { map: Map<string, string>; failWrites: boolean } {
  const map = new Map<string, string>();
  return {
    map,
    failWrites: false,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

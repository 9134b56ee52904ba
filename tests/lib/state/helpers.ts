import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { AppState, type AppOptions, type StorageLike } from '../../../src/lib/state/app.svelte';
import { uniqueDbName } from '../db/helpers';

export const TODAY = '2026-11-23';

/** A controllable clock (ms). */
export function clock(start = Date.UTC(2026, 10, 23, 8, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

export function fakeStorage(persisted = false, grant = true): StorageLike & { asked: number } {
  const s = {
    asked: 0,
    persisted: async () => persisted,
    persist: async () => {
      s.asked += 1;
      persisted = grant;
      return grant;
    },
    estimate: async () => ({ usage: 123_456, quota: 10_000_000 }),
  };
  return s;
}

const made: AppState[] = [];

export async function startApp(options: AppOptions = {}): Promise<AppState> {
  const app = new AppState({ dbName: uniqueDbName('app'), today: TODAY, storage: null, ...options });
  made.push(app);
  await app.start();
  return app;
}

/** Closes every app made by startApp and deletes their databases. */
export async function disposeApps(): Promise<void> {
  const names = new Set(made.map((a) => a.dbName));
  for (const a of made.splice(0)) a.dispose();
  for (const n of names) await Dexie.delete(n);
}

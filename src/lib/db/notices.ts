/**
 * Notices the data layer leaves for the user: something a migration had to change to keep everything
 * (e.g. two doctors of one plan shared an id, so one got a new id instead of being dropped). Kept in the
 * settings table under NOTICES_KEY until the user has read and closed them, so each is seen once, in
 * whichever tab is open, also when the upgrade ran in a tab that was closed at once.
 */
import type { KapacitetDb } from './schema';
import type { EpochMs, SettingRecord } from './records';

export const NOTICES_KEY = 'pendingNotices';

export interface DataNotice {
  id: string;
  /** Swedish, for the user (no internal keys). */
  message: string;
  createdAt: EpochMs;
}

/** The notices in a settings value (anything else stored there is ignored, never thrown on). */
export function readNotices(value: unknown): DataNotice[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (n): n is DataNotice => !!n && typeof n === 'object' && typeof n.id === 'string' && typeof n.message === 'string',
  );
}

/**
 * Adds notices inside a running transaction (a Dexie upgrade passes its `tx.table('settings')`), after
 * any that are still unread.
 */
export async function addNotices(
  settings: { get(key: string): PromiseLike<SettingRecord | undefined>; put(row: SettingRecord): PromiseLike<unknown> },
  notices: DataNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const existing = readNotices((await settings.get(NOTICES_KEY))?.value);
  await settings.put({ key: NOTICES_KEY, value: [...existing, ...notices] });
}

/** The user has read it: gone for every tab. */
export async function dismissNotice(db: KapacitetDb, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const left = readNotices((await db.settings.get(NOTICES_KEY))?.value).filter((n) => n.id !== id);
    if (left.length) await db.settings.put({ key: NOTICES_KEY, value: left });
    else await db.settings.delete(NOTICES_KEY);
  });
}

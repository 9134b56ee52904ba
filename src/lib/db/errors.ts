/**
 * Classifies storage errors. IndexedDB reports a full disk as a DOMException `QuotaExceededError`;
 * Dexie wraps it (`AbortError` / `DatabaseClosedError` / `BulkError` with `inner`, `failures`), so we
 * look through the wrapping.
 */
import { DATA_SV } from '../strings/data.sv';
import { PersonnummerRefusedError } from './personnummerGuard';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 6) return false;
  const err = e as ErrorLike;
  if (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (typeof err.message === 'string' && /QuotaExceeded|quota exceeded/i.test(err.message)) return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  const failures = err.failures;
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  if (failures && typeof failures === 'object') return Object.values(failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** The first error in Dexie's wrapping (inner, cause, failures) that `test` accepts. */
export function findInnerError<T>(e: unknown, test: (x: unknown) => x is T, depth = 0): T | null {
  if (test(e)) return e;
  if (!e || typeof e !== 'object' || depth > 6) return null;
  const err = e as ErrorLike;
  const failures = Array.isArray(err.failures) ? err.failures : err.failures && typeof err.failures === 'object' ? Object.values(err.failures) : [];
  for (const inner of [err.inner, err.cause, ...failures]) {
    const found = findInnerError(inner, test, depth + 1);
    if (found) return found;
  }
  return null;
}

const isPersonnummerRefusal = (x: unknown): x is PersonnummerRefusedError => x instanceof PersonnummerRefusedError;

/** The guard's refusal (a personnummer in what was written), through Dexie's wrapping; else null. */
export function personnummerRefusal(e: unknown): PersonnummerRefusedError | null {
  return findInnerError(e, isPersonnummerRefusal);
}

/** IndexedDB's words for a value too large to store (Chromium, Firefox), in any wrapping. */
const TOO_LARGE = /too large|serialized value|exceeds the maximum|NS_ERROR_DOM_INDEXEDDB_.*LARGE/i;
const isTooLarge = (x: unknown): x is ErrorLike =>
  !!x && typeof x === 'object' && typeof (x as ErrorLike).message === 'string' && TOO_LARGE.test((x as ErrorLike).message as string);

/**
 * A Swedish sentence for a failed storage write. The browser's own words (English, internal) never
 * reach the user: they go to the console (core.failWrite).
 */
export function storageErrorMessage(e: unknown): string {
  const refusal = personnummerRefusal(e);
  if (refusal) return refusal.message;
  if (isQuotaError(e)) return DATA_SV.errors.quota;
  if (findInnerError(e, isTooLarge)) return DATA_SV.errors.tooLarge;
  return DATA_SV.errors.storage;
}

/**
 * A write reached a database this tab may only read (one written by a newer version of Kapacitet,
 * open.ts): refused before it touches IndexedDB.
 */
export class ReadOnlyDatabaseError extends Error {
  constructor(table: string) {
    super(`${table}: skrivskyddad databas`);
    this.name = 'ReadOnlyDatabaseError';
  }
}

/**
 * Classifies storage errors. IndexedDB reports a full disk as a DOMException `QuotaExceededError`;
 * Dexie wraps it (`AbortError` / `DatabaseClosedError` / `BulkError` with `inner`, `failures`), so we
 * look through the wrapping.
 */
import { DATA_SV } from '../strings/data.sv';

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

/** A Swedish sentence for a failed storage write. */
export function storageErrorMessage(e: unknown): string {
  if (isQuotaError(e)) return DATA_SV.errors.quota;
  const err = (e ?? {}) as ErrorLike;
  const detail = typeof err.message === 'string' && err.message ? err.message : String(err.name ?? e);
  return DATA_SV.errors.storage(detail);
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

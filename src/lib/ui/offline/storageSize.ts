/**
 * The browser's storage use and quota, written one way wherever it is shown (the storage strip and
 * Inställningar printed "2 MB" and "2,0 MB" for the same figure): one decimal for MB and GB, whole kB.
 */
import { formatDecimal } from '../../engine/index';

export function storageSize(bytes: number): string {
  if (bytes >= 1e9) return `${formatDecimal(bytes / 1e9, 1)}\u00a0GB`;
  if (bytes >= 1e6) return `${formatDecimal(bytes / 1e6, 1)}\u00a0MB`;
  return `${formatDecimal(bytes / 1e3, 0)}\u00a0kB`;
}

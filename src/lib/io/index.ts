// Public contract of workbook/CSV I/O (shared/spec/contracts.md, Workbook I/O). Importable from
// plain Node (tsx): nothing reachable from here uses Vite-only syntax. The Web Worker entry
// (worker.ts) is deliberately not reachable from this file.
export { exportWorkbook } from './workbook/export';
export { importWorkbook } from './workbook/import';
export type { ExportWorkbookOptions, ExtraSheet, ImportWorkbookOptions, ImportWorkbookResult } from './workbook/types';
export { SHEET } from './workbook/layout';
export type { IoMessage } from './messages';
export { FILE_LIMITS, LIMITS } from './limits';
export type { FileKind, FileLimits } from './limits';
export type { ProgressInfo, ProgressCallback } from './progress';
export { previewListing, importListing, headerSignature, nameKey } from './listing/listing';
export type {
  ImportListingOptions, ImportListingResult, ListingColumn, ListingDoctor, ListingField, ListingKind, ListingMapping,
  ListingPreviewResult, PreviewListingOptions,
} from './listing/types';
export { LISTING_FIELDS } from './listing/types';
export { exportLakardel, LAKARDEL_FORMAT } from './workbook/lakardel';
export type { ExportLakardelOptions } from './workbook/lakardel';
export { importLakardel, diffLakardel, dutiesWithTotals, planWithDiffs } from './workbook/lakardelImport';
export type { ImportLakardelResult, LakardelChange, LakardelDiff, LakardelValues } from './workbook/lakardelImport';
export { exportTemplate } from './workbook/template';

import type { Plan } from '../../engine/types';
import type { IoMessage } from '../messages';
import type { ParseBudget, ProgressCallback } from '../progress';

/** One cell of a read sheet or CSV: text, a number, or empty. */
export type GridCell = string | number | null;

/** One row per doctor with counts, or one row per (pseudonymous) patient. */
export type ListingKind = 'perDoctor' | 'perPatient';

/** What a column of a listing report means. */
export type ListingField =
  | 'doctor'
  | 'listed'
  | 'listPoints'
  | 'careWeight'
  | 'patientKey'
  | 'age'
  | 'birthYear'
  | 'sex';

export const LISTING_FIELDS: readonly ListingField[] = [
  'doctor', 'listed', 'listPoints', 'careWeight', 'patientKey', 'age', 'birthYear', 'sex',
];

/**
 * The user's (or suggested) reading of a listing file. Columns are 0-based indexes into the
 * header row; the state layer stores a mapping together with the preview's `signature`, so the
 * same report layout next month is mapped without asking.
 */
export interface ListingMapping {
  kind: ListingKind;
  /** Sheet to read (xlsx); ignored for CSV. */
  sheet?: string;
  /** 1-based spreadsheet row of the headers. */
  headerRow: number;
  columns: Partial<Record<ListingField, number>>;
}

export interface PreviewListingOptions {
  /** Sheet to preview (xlsx); default the first with data. */
  sheet?: string;
  /** Sample rows returned (default 10, at most 50). */
  sampleRows?: number;
  onProgress?: ProgressCallback;
  /** Zip parts already inflated by the worker's preflight (in-process only, never posted). */
  entries?: ReadonlyMap<string, Uint8Array> | null;
}

export interface ListingColumn {
  index: number;
  /** Header as written (or the column letter when empty). */
  header: string;
  /** A personnummer column: its values are never returned, stored or sent anywhere. */
  personnummer: boolean;
}

export type ListingPreviewResult =
  | {
      ok: true;
      format: 'xlsx' | 'csv';
      /** CSV only. */
      encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
      delimiter?: ';' | ',' | '\t';
      sheets: string[];
      sheet: string;
      headerRow: number;
      columns: ListingColumn[];
      /** Sample rows as text, personnummer cells replaced by "••••••-••••". */
      sample: string[][];
      /** Data rows after the header (blank rows not counted). */
      rowCount: number;
      /** Stable signature of the header layout (normalised header names): the key for remembered mappings. */
      signature: string;
      suggested: ListingMapping;
      warnings: IoMessage[];
    }
  | { ok: false; errors: IoMessage[] };

/** Per-doctor aggregate of a listing. */
export interface ListingDoctor {
  /** Name as in the report (trimmed). */
  name: string;
  listed: number;
  listPoints: number | null;
  /** Mean care weight over patients with a known weight (per-patient), or the reported one (per-doctor). */
  careWeight: number | null;
  /** Per-patient listings only. */
  ageBands: { '0-17': number; '18-64': number; '65+': number; unknown: number } | null;
  sex: { female: number; male: number; unknown: number } | null;
  /** Per-patient listings only: patients per whole year of age (index = age; the last entry holds every older age). */
  ageYears?: number[] | null;
  /** How the row relates to the plan's doctors. */
  match:
    | { kind: 'doctor'; doctorId: string }
    | { kind: 'new' }
    /** A fictive locum list "<unit> Dr <name>" (domain.md §1): never a named doctor. */
    | { kind: 'fictive'; locumName: string; doctorId?: string };
}

export type ImportListingResult =
  | {
      ok: true;
      kind: ListingKind;
      doctors: ListingDoctor[];
      /** Sum over all rows. */
      totalListed: number;
      /** Columns that were dropped and never read beyond detection (personnummer). */
      droppedColumns: { header: string; reason: 'personnummer' }[];
      /** The plan with matched doctors' `listed` (and `careWeight`, `listPoints` when present) updated; absent without a plan. */
      plan?: Plan;
      /** Doctors that appear in the listing but not in the plan (to propose adding). */
      newDoctorNames: string[];
      warnings: IoMessage[];
      signature: string;
    }
  | { ok: false; errors: IoMessage[] };

export interface ImportListingOptions extends ParseBudget {
  /** ISO date for ages from birth years (default today). */
  today?: string;
  onProgress?: ProgressCallback;
  /** Zip parts already inflated by the worker's preflight (in-process only, never posted). */
  entries?: ReadonlyMap<string, Uint8Array> | null;
}

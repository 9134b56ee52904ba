/**
 * IndexedDB schema (Dexie 4) and its versioned migrations.
 *
 * Every schema version is listed in SCHEMA_VERSIONS, oldest first, and never edited once shipped: a new
 * version appends an entry (stores + optional upgrade). Each version has a fixture (a dump of a database
 * at that version) in tests/lib/db/fixtures/, and a test opens each fixture with the current code.
 *
 * v1: units, plans (the whole plan, doctors inside the plan row), settings, custom rule profiles.
 * v2: doctors move to their own table keyed by [planId+id] with an `order` field, so two tabs editing
 *     different doctors (or different fields) never overwrite each other with a stale copy; rolling
 *     backups; the workshop (APT) and follow-up snapshot tables; remembered listing column mappings.
 */
import Dexie, { type DBCore, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import type {
  BackupRecord,
  DoctorRecord,
  ListingMappingRecord,
  PlanRecord,
  RuleProfileRecord,
  SettingRecord,
  SnapshotRecord,
  UnitRecord,
  WorkshopRecord,
} from './records';
import { ReadOnlyDatabaseError } from './errors';
import { splitDoctors } from './upgrades';

export const DEFAULT_DB_NAME = 'kapacitet';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      units: 'id, name',
      plans: 'id, unitId',
      settings: 'key',
      ruleProfiles: 'id',
    },
  },
  {
    version: 2,
    stores: {
      doctors: '[planId+id], planId',
      backups: 'id, planId, unitId, [planId+createdAt]',
      workshops: 'id, unitId, meetingDate',
      snapshots: 'id, unitId, month, [unitId+month]',
      listingMappings: 'signature',
    },
    upgrade: splitDoctors,
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/** Declares the versions up to `upTo` (tests build an old database with a lower `upTo`). */
export function declareVersions(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const stage = db.version(v.version).stores(v.stores);
    if (v.upgrade) stage.upgrade(v.upgrade);
  }
}

/** Every write (add, put, update, delete, clear) fails before IndexedDB sees it. */
const refuseWrites: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'kapacitet-read-only',
  create: (down) => ({
    ...down,
    table: (name) => ({ ...down.table(name), mutate: () => Promise.reject(new ReadOnlyDatabaseError(name)) }),
  }),
};

export class KapacitetDb extends Dexie {
  units!: EntityTable<UnitRecord, 'id'>;
  plans!: EntityTable<PlanRecord, 'id'>;
  doctors!: Table<DoctorRecord, [string, string]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  ruleProfiles!: EntityTable<RuleProfileRecord, 'id'>;
  backups!: EntityTable<BackupRecord, 'id'>;
  workshops!: EntityTable<WorkshopRecord, 'id'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  listingMappings!: EntityTable<ListingMappingRecord, 'signature'>;

  /** True when opened read-only (a database of a newer version, open.ts): every write is refused. */
  readonly readOnly: boolean;

  /**
   * `readOnly`: declare no versions (Dexie then opens the database exactly as it is and can never
   * upgrade it) and refuse every write in the DBCore layer, below every table API. Open such a database
   * with openKapacitetDb (open.ts), which binds the tables after opening.
   */
  constructor(name: string = DEFAULT_DB_NAME, options: { readOnly?: boolean } = {}) {
    super(name);
    this.readOnly = options.readOnly === true;
    if (!this.readOnly) declareVersions(this);
    else this.use(refuseWrites);
  }

  /** Every table that holds plan data (one read-write transaction spans these). */
  get planTables(): Table[] {
    return [this.units, this.plans, this.doctors, this.backups];
  }
}

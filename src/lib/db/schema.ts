/**
 * IndexedDB schema (Dexie 4) and its versioned migrations.
 *
 * Every schema version is listed in SCHEMA_VERSIONS, oldest first, and never edited once shipped: a new
 * version appends an entry (stores + optional upgrade). Each version has a fixture (a dump of a database
 * at that version) in tests/lib/db/fixtures/, and a test opens each fixture with the current code; each
 * plan-file version has one in tests/lib/db/fixtures/plans/, and a test shows every step of the chain ran.
 * An upgrade keeps everything or throws (nothing changes then): upgrades.ts, planMigration.ts. A database
 * of a newer version than LATEST_VERSION is never upgraded or written: open.ts opens it read-only.
 *
 * Stored plans are at the plan-file version `planVersion` of the schema version; raising it migrates them
 * through the engine's chain in that version's upgrade (planMigration.ts).
 *
 * v1: units, plans (the whole plan, doctors inside the plan row), settings, custom rule profiles.
 * v2: doctors move to their own table keyed by [planId+id] with an `order` field, so two tabs editing
 *     different doctors (or different fields) never overwrite each other with a stale copy; rolling
 *     backups; the workshop (APT) and follow-up snapshot tables; remembered listing column mappings.
 * v3: the undo history of each plan (`history`, one record per plan: its Ångra/Gör om stacks, at most
 *     HISTORY_LIMIT steps each), so a reload keeps Ångra/Gör om (issue 11.5). Nothing to upgrade:
 *     plans from before simply have no history yet.
 */
import Dexie, { type DBCore, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import type {
  BackupRecord,
  DoctorRecord,
  HistoryRecord,
  ListingMappingRecord,
  PlanRecord,
  RuleProfileRecord,
  SettingRecord,
  SnapshotRecord,
  UnitRecord,
  WorkshopRecord,
} from './records';
import { ReadOnlyDatabaseError } from './errors';
import { personnummerGuard } from './personnummerGuard';
import { splitDoctors } from './upgrades';
import { migrateStoredPlans, rewriteStoredPlans, type PlanRewrite } from './planMigration';
import { MIGRATIONS, type Migration } from '../engine/index';

export const DEFAULT_DB_NAME = 'kapacitet';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  /**
   * The plan-file version every stored plan is at after this schema version. A version that raises it
   * runs every stored plan through the engine's migration chain in its upgrade (planMigration.ts), so
   * raising CURRENT_PLAN_VERSION takes a new schema version with `planVersion` = the new plan version
   * (tests/lib/db/planChain.test.ts fails until there is one).
   */
  planVersion: number;
  /**
   * Rewrites every stored plan once, in this version's upgrade, after the plan migrations: for a change
   * of the in-memory shape that is not a plan-file version (e.g. unknown fields moving into `extra`
   * bags), so every stored row has the shape the app's field-level writes expect.
   */
  rewritePlans?: PlanRewrite;
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
    planVersion: 1,
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
    planVersion: 1,
  },
  {
    version: 3,
    stores: {
      history: 'planId',
    },
    planVersion: 1,
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/**
 * Declares the versions up to `upTo` (tests build an old database with a lower `upTo`, or try a future
 * version with their own `versions` and plan `migrations`). A version whose `planVersion` is above the
 * previous one migrates every stored plan after its own upgrade step.
 */
export function declareVersions(
  db: Dexie,
  upTo: number = LATEST_VERSION,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  let planVersion = versions[0]?.planVersion ?? 0;
  for (const v of versions) {
    if (v.version > upTo) break;
    const stage = db.version(v.version).stores(v.stores);
    const raisesPlans = v.planVersion > planVersion;
    planVersion = v.planVersion;
    if (v.upgrade || raisesPlans || v.rewritePlans) {
      const { upgrade, rewritePlans } = v;
      stage.upgrade(async (tx) => {
        await upgrade?.(tx);
        if (raisesPlans) await migrateStoredPlans(tx, v.planVersion, migrations);
        if (rewritePlans) await rewriteStoredPlans(tx, rewritePlans, `rewrite-${v.version}`);
      });
    }
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
  history!: EntityTable<HistoryRecord, 'planId'>;

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
    // Nothing that holds a personnummer is ever written, whatever path it came by (issue 12.1).
    this.use(personnummerGuard);
  }

  /** Every table that holds plan data (one read-write transaction spans these). */
  get planTables(): Table[] {
    return [this.units, this.plans, this.doctors, this.backups, this.history];
  }
}

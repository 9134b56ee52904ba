/**
 * The one dispatch table of io (issue 17.3): op name → handler, run the same way by the Web Worker
 * (worker.ts) and by the in-process fallback where there is no Worker (state/io.svelte.ts). Every op
 * that reads a user file first passes the preflight with its kind's limits (limits.ts, OP_FILE_KIND):
 * size, zip checks with the native inflater, the declared sheet size; then the synchronous parser
 * runs with the same kind's row and time limits, reusing the parts the preflight inflated.
 * (Before, the fallback was a second copy that checked contact logs against the listing limits.)
 */
import { allocationWorkbook } from './allocationWorkbook';
import { parseContactLog, parseNamedMapping } from './contacts';
import { FILE_LIMITS } from './limits';
import { importListing, previewListing } from './listing/listing';
import { parsePatientList } from './patientList';
import { preflightFile } from './preflight';
import type { ProgressCallback } from './progress';
import { OP_FILE_KIND, type IoOpName, type IoOps } from './protocol';
import { sheetsWorkbook } from './sheets';
import { exportWorkbook } from './workbook/export';
import { importWorkbook } from './workbook/import';
import { exportLakardel } from './workbook/lakardel';
import { importLakardel } from './workbook/lakardelImport';
import { exportTemplate } from './workbook/template';

/** What a handler gets besides its arguments. */
export interface OpContext {
  onProgress: ProgressCallback;
  /** Zip parts the preflight inflated (null for text files, writers, or without DecompressionStream). */
  entries: Map<string, Uint8Array> | null;
  /** `performance.now()` by which the parse must end (the kind's time limit from the start of the op). */
  deadline: number;
}

type Handler<K extends IoOpName> = (args: IoOps[K]['args'], ctx: OpContext) => IoOps[K]['result'];

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

/** The dispatch table. To add an op: declare it in protocol.ts (IoOps, OP_FILE_KIND) and add its handler here. */
export const HANDLERS: { readonly [K in IoOpName]: Handler<K> } = {
  importWorkbook: ([bytes, options], { onProgress }) => importWorkbook(u8(bytes), { ...(options ?? {}), onProgress }),
  exportWorkbook: ([plan, options], { onProgress }) => exportWorkbook(plan, { ...(options ?? {}), onProgress }),
  exportLakardel: ([plan, doctorId, options]) => exportLakardel(plan, doctorId, options ?? {}),
  importLakardel: ([bytes]) => importLakardel(u8(bytes)),
  exportTemplate: ([options]) => exportTemplate(options ?? {}),
  previewListing: ([bytes, options], { onProgress, entries }) => previewListing(u8(bytes), { ...(options ?? {}), onProgress, entries }),
  importListing: ([bytes, mapping, plan, options], { onProgress, entries, deadline }) =>
    importListing(u8(bytes), mapping, plan, { ...(options ?? {}), onProgress, entries, deadline }),
  parseContacts: ([bytes, options], { onProgress, entries, deadline }) => parseContactLog(bytes, { ...(options ?? {}), onProgress, entries, deadline }),
  parseNamedMapping: ([bytes, options], { entries, deadline }) => parseNamedMapping(bytes, { ...(options ?? {}), entries, deadline }),
  parsePatientList: ([bytes, options], { entries, deadline }) => parsePatientList(bytes, { ...(options ?? {}), entries, deadline }),
  sheetsWorkbook: ([sheets]) => sheetsWorkbook(sheets),
  allocationWorkbook: ([result, options]) => allocationWorkbook(result, options),
};

/** Ops whose parser can use the inflated zip parts (the fast xlsx scan); the others read the bytes with SheetJS. */
const KEEPS_ENTRIES: ReadonlySet<IoOpName> = new Set<IoOpName>(['previewListing', 'importListing', 'parseContacts', 'parseNamedMapping', 'parsePatientList']);

/** Runs one op: the preflight of its kind of file (if it reads one), then its handler. Never throws for a bad file. */
export async function runOp<K extends IoOpName>(op: K, args: IoOps[K]['args'], onProgress: ProgressCallback = () => {}): Promise<IoOps[K]['result']> {
  const handler = HANDLERS[op] as Handler<K> | undefined;
  if (!handler) throw new Error(`unknown op ${String(op)}`);
  const kind = OP_FILE_KIND[op];
  const start = performance.now();
  let entries: Map<string, Uint8Array> | null = null;
  if (kind) {
    const bytes = (args as unknown[])[0];
    if (bytes instanceof ArrayBuffer) {
      onProgress({ phase: 'read', done: 0, total: 0 });
      const pre = await preflightFile(u8(bytes), kind, KEEPS_ENTRIES.has(op));
      if (!pre.ok) return { ok: false, errors: pre.errors } as IoOps[K]['result'];
      entries = pre.entries;
    }
  }
  return handler(args, { onProgress, entries, deadline: start + (kind ? FILE_LIMITS[kind].timeMs : 600_000) });
}

/// <reference lib="webworker" />
/**
 * The io Web Worker (brief: parsing off the main thread so the page stays responsive).
 * A dispatch table over io functions; each request gets progress messages (throttled) and
 * exactly one result or failure (see protocol.ts). Not reachable from index.ts: the page loads
 * it with `new Worker(new URL('../io/worker.ts', import.meta.url), { type: 'module' })`.
 */
import { parseContactLog } from './contacts';
import { preflight } from './preflight';
import type { IoOpName, IoOps, PageToWorker, ProgressCallback, WorkerToPage } from './protocol';
import { isPageToWorker } from './protocol';
import { exportWorkbook } from './workbook/export';
import { importWorkbook } from './workbook/import';
import { exportLakardel } from './workbook/lakardel';
import { importLakardel } from './workbook/lakardelImport';
import { exportTemplate } from './workbook/template';
import { importListing, previewListing } from './listing/listing';
import { IO_STRINGS, fill } from '../strings/io.sv';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

type Handler<K extends IoOpName> = (args: IoOps[K]['args'], progress: ProgressCallback) => Promise<IoOps[K]['result']> | IoOps[K]['result'];

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

/** The dispatch table. To add an op: declare it in protocol.ts (IoOps) and add its handler here. */
const HANDLERS: { [K in IoOpName]: Handler<K> } = {
  async importWorkbook([bytes, options], onProgress) {
    onProgress({ phase: 'read', done: 0, total: 0 });
    const refused = await preflight(u8(bytes), 'workbook');
    if (refused) return { ok: false, errors: refused };
    return importWorkbook(u8(bytes), { ...(options ?? {}), onProgress });
  },
  exportWorkbook([plan, options], onProgress) {
    return exportWorkbook(plan, { ...(options ?? {}), onProgress });
  },
  async previewListing([bytes, options], onProgress) {
    const refused = await preflight(u8(bytes), 'listing');
    if (refused) return { ok: false, errors: refused };
    return previewListing(u8(bytes), { ...(options ?? {}), onProgress });
  },
  async importListing([bytes, mapping, plan, options], onProgress) {
    const refused = await preflight(u8(bytes), 'listing');
    if (refused) return { ok: false, errors: refused };
    return importListing(u8(bytes), mapping, plan, { ...(options ?? {}), onProgress });
  },
  exportLakardel([plan, doctorId, options]) {
    return exportLakardel(plan, doctorId, options ?? {});
  },
  async importLakardel([bytes]) {
    const refused = await preflight(u8(bytes), 'workbook');
    if (refused) return { ok: false, errors: refused };
    return importLakardel(u8(bytes));
  },
  exportTemplate([options]) {
    return exportTemplate(options ?? {});
  },
  async parseContacts([bytes, options], onProgress) {
    const refused = await preflight(u8(bytes), 'contacts');
    if (refused) return { ok: false, errors: refused };
    return parseContactLog(bytes, { ...(options ?? {}), onProgress });
  },
};

/** Buffers in a result that can be moved to the page instead of copied. */
function transferablesOf(op: IoOpName, value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  if (op === 'parseContacts' && value && typeof value === 'object' && (value as { ok?: boolean }).ok) {
    const log = (value as IoOps['parseContacts']['result'] & { ok: true }).log;
    const out: Transferable[] = [log.patient.buffer, log.doctor.buffer, log.day.buffer, log.type.buffer] as ArrayBuffer[];
    if (log.namedDoctor) out.push(log.namedDoctor.buffer as ArrayBuffer);
    return out;
  }
  return [];
}

const cancelled = new Set<number>();

function post(msg: WorkerToPage, transfer: Transferable[] = []): void {
  ctx.postMessage(msg, transfer);
}

ctx.onmessage = async (e: MessageEvent<PageToWorker>) => {
  const msg = e.data;
  if (!isPageToWorker(msg)) return;
  if (msg.kind === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  const { id, op } = msg;
  const handler = HANDLERS[op] as Handler<IoOpName> | undefined;
  if (!handler) {
    post({ kind: 'failure', id, message: fill(IO_STRINGS.ui.workerFailed, { message: op }) });
    return;
  }
  let last = 0;
  const progress: ProgressCallback = (p) => {
    if (cancelled.has(id)) return;
    const now = performance.now();
    // At most ~20 messages a second; always the last one.
    if (now - last < 50 && (p.total === 0 || p.done < p.total)) return;
    last = now;
    post({ kind: 'progress', id, ...p });
  };
  try {
    const value = await handler(msg.args, progress);
    if (cancelled.delete(id)) return;
    post({ kind: 'result', id, op, value }, transferablesOf(op, value));
  } catch (err) {
    cancelled.delete(id);
    post({ kind: 'failure', id, message: fill(IO_STRINGS.ui.workerFailed, { message: err instanceof Error ? err.message.slice(0, 200) : String(err) }) });
  }
};

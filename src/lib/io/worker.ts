/// <reference lib="webworker" />
/**
 * The io Web Worker (brief: parsing off the main thread so the page stays responsive). It runs the
 * one dispatch table (dispatch.ts, shared with the in-process fallback); each request gets progress
 * messages (throttled) and exactly one result or failure (see protocol.ts). Not reachable from
 * index.ts: the page loads it with `new Worker(new URL('../io/worker.ts', import.meta.url), { type: 'module' })`.
 */
import { IO_STRINGS } from '../strings/io.sv';
import { HANDLERS, runOp } from './dispatch';
import type { IoOpName, IoOps, PageToWorker, WorkerToPage } from './protocol';
import { isPageToWorker } from './protocol';
import type { ProgressCallback } from './progress';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

/** Buffers in a result that can be moved to the page instead of copied. */
function transferablesOf(op: IoOpName, value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  if (op === 'parseContacts' && value && typeof value === 'object' && (value as { ok?: boolean }).ok) {
    const log = (value as IoOps['parseContacts']['result'] & { ok: true }).log;
    const arrays: (ArrayBufferView | null | undefined)[] = [log.patient, log.doctor, log.day, log.type, log.namedDoctor, log.unit, log.listedUnit];
    return arrays.filter((a): a is ArrayBufferView => Boolean(a)).map((a) => a.buffer as ArrayBuffer);
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
  if (!(op in HANDLERS)) {
    post({ kind: 'failure', id, message: IO_STRINGS.ui.workerFailed });
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
    const value = await runOp(op, msg.args, progress);
    if (cancelled.delete(id)) return;
    post({ kind: 'result', id, op, value }, transferablesOf(op, value));
  } catch {
    // A bug or out of memory: the user gets a Swedish message, never the engine's English words.
    cancelled.delete(id);
    post({ kind: 'failure', id, message: IO_STRINGS.ui.workerFailed });
  }
};

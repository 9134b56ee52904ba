/// <reference lib="webworker" />
/**
 * FOLLOWUP's own small worker entry for the contact log (brief: used until/unless IO registers
 * `parseContactLog` as op `parseContacts` in src/lib/io/worker.ts). Page → worker:
 * `{ id, bytes: ArrayBuffer, options }`; worker → page: `{ kind: 'progress', id, phase, done, total }`
 * then exactly one `{ kind: 'result', id, value }` (ParseContactsResult; the log's typed arrays are
 * transferred, not copied) or `{ kind: 'failure', id, message }`.
 */
import { parseContactLog, type ParseContactsOptions } from './contacts';
import { CONTACTS_IO } from '../strings/followup.sv';

interface Request {
  id: number;
  bytes: ArrayBuffer;
  options?: Omit<ParseContactsOptions, 'onProgress'>;
}

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<Request>) => {
  const { id, bytes, options } = e.data;
  try {
    let last = 0;
    const value = parseContactLog(bytes, {
      ...(options ?? {}),
      onProgress: (p) => {
        const now = performance.now();
        if (now - last < 50 && p.done < p.total) return;
        last = now;
        ctx.postMessage({ kind: 'progress', id, ...p });
      },
    });
    const transfer: Transferable[] = [];
    if (value.ok) {
      const l = value.log;
      transfer.push(l.patient.buffer, l.doctor.buffer, l.day.buffer, l.type.buffer);
      if (l.namedDoctor) transfer.push(l.namedDoctor.buffer);
    }
    ctx.postMessage({ kind: 'result', id, value }, transfer);
  } catch {
    ctx.postMessage({ kind: 'failure', id, message: CONTACTS_IO.unreadable });
  }
};

/// <reference types="node" />
/**
 * The io client and state where there is no Worker (Node, as in old browsers): the in-process
 * fallback runs the same dispatch table as the worker, and a file's size is checked against its kind
 * of file before it is read, with the same message as from Node (issue 12.2, 17.3).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IoClient, IoState, readFileChecked } from '../../../src/lib/state/io.svelte';
import { importWorkbook } from '../../../src/lib/io/index';

const MB = 1024 * 1024;

describe('IoClient without a Worker', () => {
  it('checks a contact log against the contact-log limits (before: the listing limits, 60 MB)', async () => {
    const bytes = new Uint8Array(70 * MB);
    bytes.set(new TextEncoder().encode('Patient;Datum;Läkare\n'));
    const r = await new IoClient().run('parseContacts', [bytes.buffer as ArrayBuffer]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join(' ')).not.toMatch(/Högst 60 MB/);
  });

  it('a file too large for its kind is refused before it is read, with the words Node uses', async () => {
    const bytes = new Uint8Array(65 * MB);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const fromNode = importWorkbook(bytes);
    const page = await readFileChecked('importWorkbook', new Blob([bytes]));
    expect(page).toEqual(fromNode);
    expect(!fromNode.ok && fromNode.errors[0].message).toBe('Filen är 65 MB stor. Högst 10 MB kan läsas.');
    // The import state shows that message (before: "Högst 64 MB", then "Högst 10 MB" for a smaller file).
    const state = new IoState();
    await state.importWorkbookFile(new File([bytes], 'stor.xlsx'));
    expect(state.errors).toEqual(!fromNode.ok ? fromNode.errors : []);
  });

  it('a contact log over 64 MB is read (before: refused by a page-wide 64 MB cap)', async () => {
    const bytes = new Uint8Array(66 * MB).fill(0x20);
    const r = await readFileChecked('parseContacts', new Blob([bytes]));
    expect(r).toBeInstanceOf(ArrayBuffer);
  });
});

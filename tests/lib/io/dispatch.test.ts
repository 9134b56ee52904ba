/// <reference types="node" />
/**
 * The one dispatch table (src/lib/io/dispatch.ts) and the one limits table (limits.ts): every op that
 * reads a user file gets its own kind's limits and messages, in the worker and in the in-process
 * fallback alike; user files the follow-up view reads go through it too (issue 12.2).
 */
import { describe, expect, it } from 'vitest';
import { HANDLERS, runOp } from '../../../src/lib/io/dispatch';
import { FILE_LIMITS, checkSize } from '../../../src/lib/io/limits';
import { OP_FILE_KIND, type IoOpName } from '../../../src/lib/io/protocol';
import { importListing, importWorkbook } from '../../../src/lib/io/index';
import { parsePatientList } from '../../../src/lib/io/patientList';
import { parseContactLog, parseNamedMapping } from '../../../src/lib/io/contacts';
import { rawZip, xlsxParts, workbookFrom } from './helpers';

const MB = 1024 * 1024;
const enc = (s: string) => new TextEncoder().encode(s);
const buf = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;

describe('dispatch table', () => {
  it('has a handler and a file kind for every op of the protocol', () => {
    const ops = Object.keys(OP_FILE_KIND) as IoOpName[];
    expect(Object.keys(HANDLERS).sort()).toEqual([...ops].sort());
    expect(ops.filter((op) => OP_FILE_KIND[op] !== null).sort()).toEqual(['importLakardel', 'importListing', 'importWorkbook', 'parseContacts', 'parseNamedMapping', 'parsePatientList', 'previewListing']);
  });

  it('checks a contact log against the contact-log limits, not the listing ones (70 MB is a normal log)', async () => {
    const big = new Uint8Array(70 * MB);
    big.set(enc('Patient;Datum;Läkare\n'));
    const r = await runOp('parseContacts', [buf(big)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join(' ')).not.toMatch(/Högst 60 MB/);
    // …and the size limit itself is the contact log's, the same as parseContactLog's from Node.
    const tooBig = checkSize('contacts', FILE_LIMITS.contacts.bytes + 1);
    expect(tooBig?.[0].message).toMatch(/Högst 250 MB kan läsas/);
  });

  it('gives the same answer as the synchronous functions called from Node', async () => {
    const listing = enc('Läkare;Listade\nAnna Lindqvist;990\n');
    expect(await runOp('importListing', [buf(listing)])).toEqual(importListing(listing));
    const contacts = enc('Patient;Datum;Läkare\nA;2025-01-01;d1\n');
    const viaTable = await runOp('parseContacts', [buf(contacts), { salt: 's' }]);
    const direct = parseContactLog(contacts, { salt: 's' });
    expect(viaTable.ok && direct.ok && viaTable.log.patientKeys).toEqual(direct.ok && direct.log.patientKeys);
    const named = enc('Patient;Fast läkarkontakt\nA;d1\n');
    expect(await runOp('parseNamedMapping', [buf(named), { salt: 's' }])).toEqual(parseNamedMapping(named, { salt: 's' }));
    const list = enc('Patientnyckel;Ålder\nK1;81\n');
    expect(await runOp('parsePatientList', [buf(list), { year: 2026 }])).toEqual(parsePatientList(list, { year: 2026 }));
    const wb = workbookFrom({ Blad1: [['x']] });
    expect(await runOp('importWorkbook', [buf(wb)])).toEqual(importWorkbook(wb));
  });

  it('a zip bomb as a patient list or a named-doctor file is refused by its sizes, with the right message', async () => {
    // 60 MB of zeros deflate to ~60 kB: before, the patient list inflated it on the page (seconds, gigabytes)
    // and then said the key column was missing.
    const bomb = rawZip(xlsxParts(new Uint8Array(60 * MB)));
    for (const r of [parsePatientList(bomb), await runOp('parsePatientList', [buf(bomb)]), parseNamedMapping(bomb), await runOp('parseNamedMapping', [buf(bomb)])]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0].message).toMatch(/packas upp/);
      expect(r.errors[0].message).not.toMatch(/patientnyckel/i);
    }
  });

  it('a patient list of one enormous line is refused by its column count, not parsed character by character', () => {
    const line = 'Patientnyckel' + ';x'.repeat(1_800_000);
    const r = parsePatientList(enc(line + '\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/För många kolumner: 1\u00a0800\u00a0001; högst 200/);
  });

  it('a patient list in UTF-16 or with a title row is read; every message masks personnummer', () => {
    const text = 'Lista över patienter utan fast läkarkontakt\r\nPatientnyckel;Prioriterad grupp;Ålder\r\nK1;Multisjuk;81\r\nK2;19121212-1212;40\r\n';
    const u16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const r = parsePatientList(u16);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ sheet: 'CSV', row: 4, column: 'Prioriterad grupp', message: expect.stringContaining('ÅÅMMDD-XXXX') }]);
    expect(JSON.stringify(r)).not.toContain('1212');
  });
});

/**
 * The contact log's RangeInterner (polish item 3: short keys compared inside their slot, longer ones
 * against the pool) finds exactly what a Map of the same keys finds: keys up to and beyond the 8
 * characters kept in the slot, keys that share their first 8 characters, prefixes of each other,
 * non-ASCII and high code units, through the table's growth.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RangeInterner } from '../../../src/lib/io/contactlog/interner';

function internAll(keys: readonly string[], bits = 2): number[] {
  const table = new RangeInterner(bits);
  // Keys as ranges of one text, with separators, as the CSV reader hands them over.
  const text = keys.join('\u0001');
  const out: number[] = [];
  let at = 0;
  let next = 0;
  for (const k of keys) {
    let v = table.find(text, at, at + k.length);
    if (v < 0) {
      v = next++;
      table.insert(text, at, at + k.length, v);
    }
    out.push(v);
    at += k.length + 1;
  }
  return out;
}

function withMap(keys: readonly string[]): number[] {
  const m = new Map<string, number>();
  return keys.map((k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = m.size));
    return v;
  });
}

describe('RangeInterner', () => {
  it('keys around the 8 characters kept in the slot', () => {
    const keys = ['P1', 'P12345', 'P1234567', 'P12345678', 'P123456789', 'P12345678', 'P1234567', 'P123456780', 'P1', 'HSA-12', 'HSA-12 ', 'Åsa Öberg', 'Åsa Öberg-Lind', 'Åsa Öberg', '\uffff\u8000x', '\uffff\u8000y', '\uffff\u8000x'];
    expect(internAll(keys)).toEqual(withMap(keys));
  });

  it('any keys, through growth, equal a Map', () => {
    const key = fc.string({ minLength: 1, maxLength: 14, unit: fc.constantFrom('a', 'b', 'P', '1', '2', 'ö', '\u8001', '\uffee', '-') });
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 400 }), (keys) => {
        expect(internAll(keys)).toEqual(withMap(keys));
      }),
      { numRuns: 200 },
    );
  });

  it('120 000 patient keys', () => {
    const keys = Array.from({ length: 300_000 }, (_, i) => `P${(i * 7919) % 120_000}`);
    expect(internAll(keys, 16)).toEqual(withMap(keys));
  });
});

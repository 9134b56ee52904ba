import { describe, expect, it } from 'vitest';
import {
  columnHasPersonnummer,
  containsPersonnummer,
  findPersonnummer,
  findPersonnummerDeep,
  looksLikePersonnummer,
  maskPersonnummer,
  maskPersonnummerDeep,
} from '../../../src/lib/engine/personnummer';

const MASK = 'ÅÅMMDD-XXXX';
const fw = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));

/** Each row: a text, and whether it holds a personnummer (or samordningsnummer). */
const FORMS: [string, boolean, string][] = [
  // valid numbers, every written form
  ['19121212-1212', true, '12 digits, hyphen'],
  ['191212121212', true, '12 digits, none'],
  ['121212-1212', true, '10 digits, hyphen'],
  ['1212121212', true, '10 digits, none'],
  ['121212+1212', true, 'plus (over 100 years)'],
  ['121212\u20131212', true, 'en dash'],
  ['121212\u20141212', true, 'em dash'],
  ['121212\u22121212', true, 'minus sign'],
  ['121212 - 1212', true, 'spaced hyphen'],
  ['121212 1212', true, 'space'],
  ['121212.1212', true, 'dot'],
  ['121212/1212', true, 'slash'],
  ['19121212 - 1212', true, '12 digits spaced hyphen'],
  [fw('121212-1212'), true, 'full-width digits'],
  [fw('191212121212'), true, 'full-width 12 digits'],
  ['701063-2391', true, 'samordningsnummer (day + 60)'],
  ['19701063-2391', true, 'samordningsnummer, 12 digits'],
  ['20000229-1234', true, '29 February in a leap year'],
  ['000229-1234', true, '29 February, 10 digits (2000)'],
  // a wrong check digit still counts when the date is real
  ['19121212-1213', true, 'wrong check digit'],
  ['121212-1219', true, 'wrong check digit, 10 digits'],
  // disguised inside text
  ['Anna Berg 19121212-1212', true, 'after a name'],
  ['Anna121212-1212', true, 'glued to letters'],
  ['Ring (121212–1212) imorgon', true, 'in brackets with en dash'],
  ['pnr:1212121212.', true, 'after a colon, before a dot'],
  ['a\n121212-1212\nb', true, 'own line'],
  ['{"name":"Anna 121212-1212"}', true, 'inside JSON text'],
  // not a personnummer
  ['121312-1212', false, 'month 13'],
  ['121232-1212', false, 'day 32'],
  ['120230-1234', false, '30 February'],
  ['010229-1234', false, '29 February in no leap year (1801, 1901, 2001)'],
  ['19000229-1234', false, '29 February 1900'],
  ['121292-1212', false, 'day 92 (32 + 60)'],
  ['55121212-1212', false, 'century 55'],
  ['12121212121212', false, '14 digits'],
  ['12121-1212', false, 'five-digit date'],
  ['121212-121', false, 'three-digit serial'],
  ['P000123', false, 'ordinary key'],
  ['', false, 'empty'],
  ['9 800 listade, 1 100 per heltid', false, 'plan numbers'],
  ['2026-12-01T22:15:19.123Z', false, 'ISO time stamp'],
  ['1764627319000', false, 'epoch milliseconds'],
  ['plan-3f2a1b12-0512-4c3d-8e9f-901011234567', false, 'generated id (UUID)'],
  ['doc-ab901011-2345-4c3d-8e9f-0123456789ab', false, 'UUID with a date-like group'],
  ['0,6220481927710844', false, 'computed share'],
];

describe('the personnummer detector', () => {
  it.each(FORMS)('%s → %s (%s)', (text, expected) => {
    expect(containsPersonnummer(text)).toBe(expected);
    expect(looksLikePersonnummer(text)).toBe(expected);
    if (expected) expect(maskPersonnummer(text, MASK)).toContain(MASK);
    else expect(maskPersonnummer(text, MASK)).toBe(text);
  });

  it('masks every number and keeps the rest of the text', () => {
    expect(maskPersonnummer('Anna 121212-1212 och Bo 19701063 2391.', MASK)).toBe(`Anna ${MASK} och Bo ${MASK}.`);
    expect(findPersonnummer('x 121212-1212')).toEqual([{ start: 2, end: 13, digits: '1212121212' }]);
  });

  it('a whole number of 10 or 12 digits counts; other numbers never do', () => {
    expect(looksLikePersonnummer(1212121212)).toBe(true);
    expect(looksLikePersonnummer(191212121212)).toBe(true);
    expect(looksLikePersonnummer(1764627319000)).toBe(false);
    expect(looksLikePersonnummer(0.1212121212)).toBe(false);
    expect(looksLikePersonnummer(9800)).toBe(false);
  });

  it('flags a column by share', () => {
    expect(columnHasPersonnummer(['19121212-1212', '', 'x'], 0.5)).toBe(true);
    expect(columnHasPersonnummer(['a', 'b', '19121212-1212'], 0.5)).toBe(false);
  });
});

describe('findPersonnummerDeep', () => {
  it('finds a number at any depth, in any field, in property names, and says where', () => {
    let deep: Record<string, unknown> = { note: 'Anna 121212-1212' };
    for (let i = 0; i < 5000; i++) deep = { [`n${i}`]: deep };
    const hit = findPersonnummerDeep({ a: 1, extra: deep });
    expect(hit?.path.at(-1)).toBe('note');
    expect(hit?.path.length).toBe(5002);
    expect(findPersonnummerDeep({ extra: { '19121212-1212': 1 } })).toEqual({ path: ['extra', '19121212-1212'], inKey: true });
    expect(findPersonnummerDeep([{ x: [1, 2, { y: fw('121212-1212') }] }])?.path).toEqual([0, 'x', 2, 'y']);
    expect(findPersonnummerDeep(new Map([['k', { name: '121212-1212' }]]))?.path).toEqual(['k', 'name']);
    expect(findPersonnummerDeep({ ok: 'Anna Berg', n: 1764627319000, d: new Date(), b: new Uint8Array([1, 2]) })).toBeNull();
  });

  it('visits a cycle once', () => {
    const a: Record<string, unknown> = { name: 'Anna' };
    a.self = a;
    expect(findPersonnummerDeep(a)).toBeNull();
    a.other = { t: '121212-1212' };
    expect(findPersonnummerDeep(a)?.path).toEqual(['other', 't']);
  });

  it('maskPersonnummerDeep masks values and keys and leaves the rest', () => {
    const v = maskPersonnummerDeep({ name: 'Anna 121212-1212', list: [1212121212, 3], ['121212-1212']: 'x' }, MASK);
    expect(v).toEqual({ name: `Anna ${MASK}`, list: [MASK, 3], [MASK]: 'x' });
  });
});

import { describe, expect, it } from 'vitest';
import { looksLikePersonnummer, columnHasPersonnummer } from '../../../src/lib/engine/personnummer';

describe('personnummer detection', () => {
  it('accepts the test number in every common shape', () => {
    for (const s of ['19121212-1212', '191212121212', '121212-1212', '1212121212', '121212+1212']) {
      expect(looksLikePersonnummer(s)).toBe(true);
    }
  });
  it('accepts a samordningsnummer (day + 60)', () => {
    expect(looksLikePersonnummer('701063-2391')).toBe(true);
  });
  it('rejects a wrong check digit, impossible dates and ordinary keys', () => {
    expect(looksLikePersonnummer('19121212-1213')).toBe(false);
    expect(looksLikePersonnummer('121312-1212')).toBe(false);
    expect(looksLikePersonnummer('P000123')).toBe(false);
    expect(looksLikePersonnummer('')).toBe(false);
  });
  it('flags a column by share', () => {
    expect(columnHasPersonnummer(['19121212-1212', '', 'x'], 0.5)).toBe(true);
    expect(columnHasPersonnummer(['a', 'b', '19121212-1212'], 0.5)).toBe(false);
  });
});

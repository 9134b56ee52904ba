import { describe, expect, it } from 'vitest';
import { foldText, nameKey, normalizeSpace } from '../../../src/lib/engine/index';

describe('one set of text normalisers', () => {
  it('normalizeSpace keeps letters and case, folds every white space', () => {
    expect(normalizeSpace('  Anna\u00a0 Berg\r\n')).toBe('Anna Berg');
    expect(normalizeSpace('A\u200bnna')).toBe('Anna');
    expect(normalizeSpace('A\u030angel')).toBe('Ångel');
    expect(normalizeSpace(null)).toBe('');
    expect(normalizeSpace(12)).toBe('12');
  });
  it('foldText compares words without case, diacritics or punctuation', () => {
    expect(foldText('ST-läkare')).toBe('st lakare');
    expect(foldText('Handledning (tim/v)')).toBe('handledning tim v');
    expect(foldText('  80 %')).toBe('80 %');
    expect(foldText('AT/BT')).toBe('at bt');
  });
  it('nameKey matches the spellings of one doctor', () => {
    const k = nameKey('Anna Berg');
    for (const s of ['Berg, Anna', 'anna berg', 'Dr. Anna Berg', 'ANNA  BERG', 'Doktor Anna Berg', 'Anna\u00a0Berg']) expect(nameKey(s)).toBe(k);
    expect(nameKey('Åsa Ek')).toBe('asa ek');
    expect(nameKey('Anna Berg')).not.toBe(nameKey('Anna Bergh'));
  });
});

/** Contact types as people write them in a contact log (Swedish and English words) and as the engine codes them. */
import type { ContactType, ContactTypeCode } from './types';
import { CONTACT_TYPES } from './types';

/** Swedish and English spellings of contact types, normalised (lower case, no diacritics). */
const TYPE_WORDS: Record<string, ContactTypeCode> = {
  besok: 0, mottagningsbesok: 0, visit: 0, 'office visit': 0, mottagning: 0, fysiskt: 0, 'fysiskt besok': 0,
  hembesok: 0, 'home visit': 0, 'in person': 0,
  video: 1, videobesok: 1, 'video visit': 1, videosamtal: 1, distansbesok: 1,
  telefon: 2, phone: 2, tel: 2, telefonsamtal: 2, telefonkontakt: 2, 'phone call': 2, telephone: 2,
  chatt: 3, chat: 3, chattbesok: 3, meddelande: 3, 'digital chatt': 3,
};

export function normaliseTypeWord(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_\s-]+/g, ' ');
}

/** Maps a contact-type cell to its code (Swedish or English words); anything else is 'other' (4). */
export function contactTypeCode(raw: string): ContactTypeCode {
  const w = normaliseTypeWord(raw);
  const direct = TYPE_WORDS[w];
  if (direct !== undefined) return direct;
  const compact = w.replace(/ /g, '');
  const c2 = TYPE_WORDS[compact];
  if (c2 !== undefined) return c2;
  return 4;
}

export function contactTypeOf(code: number): ContactType {
  return CONTACT_TYPES[code] ?? 'other';
}

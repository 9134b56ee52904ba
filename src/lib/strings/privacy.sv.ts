/**
 * Swedish texts about personal identity numbers (personnummer). A leaf: imports nothing.
 */

/** What a personnummer is replaced with wherever one would be shown (previews, error messages). */
export const PERSONNUMMER_MASK = 'ÅÅMMDD-XXXX';

/** What a stored field is called in a message, by its property name (the last one of its path). */
const FIELD_WORDS: Record<string, string> = {
  name: 'namnet',
  unitName: 'enhetens namn',
  planName: 'planens namn',
  label: 'uppdragets benämning',
  title: 'rubriken',
  note: 'anteckningen',
  notes: 'anteckningarna',
  text: 'texten',
  participants: 'deltagarna',
  owner: 'ansvarig',
  sheet: 'bladets namn',
  header: 'kolumnrubriken',
  headers: 'kolumnrubrikerna',
  signature: 'kolumnrubrikerna',
  id: 'id',
};

/** What a table holds, in the words of a message. */
const TABLE_WORDS: Record<string, string> = {
  units: 'enhet',
  plans: 'plan',
  doctors: 'läkare',
  settings: 'inställning',
  ruleProfiles: 'egen regelprofil',
  backups: 'säkerhetskopia',
  workshops: 'arbetsplatsträff',
  snapshots: 'uppföljning',
  listingMappings: 'kolumnval för en listningsrapport',
};

export const PRIVACY_SV = {
  mask: PERSONNUMMER_MASK,
  /**
   * The database refused a write (db/personnummerGuard.ts). `field` is the property name the number
   * was found in (or under), `table` the table; neither is shown as such.
   */
  refused(table: string, field: string | null, inKey: boolean): string {
    const what = TABLE_WORDS[table] ? ` (${TABLE_WORDS[table]})` : '';
    const where = inKey ? 'ett fältnamn' : field && FIELD_WORDS[field] ? FIELD_WORDS[field] : 'en text';
    return (
      `Inget sparades${what}: ${where} innehåller något som ser ut som ett personnummer (${PERSONNUMMER_MASK}). ` +
      'Kapacitet sparar aldrig personnummer. Ta bort numret och försök igen.'
    );
  },
} as const;

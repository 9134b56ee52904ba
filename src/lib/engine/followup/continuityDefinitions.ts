/**
 * The named continuity definitions (domain.md §6 "Definition presets": Standard and SKR), which preset
 * a set of options is, and the same selection as parameters of sql/continuity.sql.
 */
import type { ContactType, ContinuityOptions } from './types';
import { isoOfDay, periodEnding } from './continuityPeriod';

/** Default contact types (domain.md §6 leaves "the chosen contact types" to the user). */
export const DEFAULT_CONTACT_TYPES: readonly ContactType[] = ['visit', 'video', 'phone', 'chat'];
export const DEFAULT_MIN_CONTACTS = 3;

export type ContinuityDefinitionId = 'standard' | 'skr';

/** A named continuity definition: every parameter of computeContinuity except the period's end. */
export interface ContinuityDefinition {
  id: ContinuityDefinitionId;
  periodMonths: number;
  minContacts: number;
  types: readonly ContactType[];
  ownUnitOnly: boolean;
  listedOnly: boolean;
}

/**
 * The presets (domain.md §6). `standard` is this app's default: 12 months, at least 3 doctor
 * contacts of the four usual types, every contact counts. `skr` is SKR Primärvårdskvalitet's
 * indicator: listed patients with at least 3 doctor visits in the last 18 months, only visits at the
 * unit the patient is listed at. "Besök" is read as a visit in person (at the practice or at home):
 * video, telephone and chat are not counted — our reading; a region that counts video visits
 * chooses its own selection.
 */
export const CONTINUITY_DEFINITIONS: Record<ContinuityDefinitionId, ContinuityDefinition> = {
  standard: { id: 'standard', periodMonths: 12, minContacts: DEFAULT_MIN_CONTACTS, types: DEFAULT_CONTACT_TYPES, ownUnitOnly: false, listedOnly: false },
  skr: { id: 'skr', periodMonths: 18, minContacts: 3, types: ['visit'], ownUnitOnly: true, listedOnly: true },
};

export const CONTINUITY_DEFINITION_IDS: readonly ContinuityDefinitionId[] = ['standard', 'skr'];

/** The options of a definition for a period ending on `toDay`. */
export function optionsOfDefinition(def: ContinuityDefinition, toDay: number): ContinuityOptions {
  return {
    ...periodEnding(toDay, def.periodMonths),
    types: [...def.types],
    minContacts: def.minContacts,
    ownUnitOnly: def.ownUnitOnly,
    listedOnly: def.listedOnly,
  };
}

function sameTypes(a: readonly ContactType[], b: readonly ContactType[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

/** Which preset a set of options is exactly (period length included), or 'custom'. */
export function definitionOf(options: ContinuityOptions): ContinuityDefinitionId | 'custom' {
  for (const id of CONTINUITY_DEFINITION_IDS) {
    const d = CONTINUITY_DEFINITIONS[id];
    if (
      Math.max(1, Math.floor(options.minContacts)) === d.minContacts &&
      sameTypes(options.types, d.types) &&
      (options.ownUnitOnly === true) === d.ownUnitOnly &&
      (options.listedOnly === true) === d.listedOnly &&
      periodEnding(options.toDay, d.periodMonths).fromDay === options.fromDay
    )
      return id;
  }
  return 'custom';
}

/**
 * The parameters of sql/continuity.sql for a set of options, as statements a region pastes into its
 * warehouse before querying `continuity_unit` (the same selection as the app shows). Contact types
 * are the app's words; a region whose codes differ replaces them.
 */
export function sqlParameters(options: ContinuityOptions): string {
  const types = options.types.length ? options.types : DEFAULT_CONTACT_TYPES;
  return [
    'DELETE FROM continuity_params;',
    'INSERT INTO continuity_params (period_start, period_end, min_contacts, own_unit_only, listed_only)',
    `  VALUES (CAST('${isoOfDay(options.fromDay)}' AS DATE), CAST('${isoOfDay(options.toDay)}' AS DATE), ${Math.max(1, Math.floor(options.minContacts))}, ${options.ownUnitOnly ? 1 : 0}, ${options.listedOnly ? 1 : 0});`,
    'DELETE FROM continuity_contact_types;',
    `INSERT INTO continuity_contact_types (contact_type) VALUES ${types.map((t) => `('${t}')`).join(', ')};`,
  ].join('\n');
}

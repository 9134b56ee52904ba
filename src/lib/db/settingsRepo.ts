/** Small key/value settings, saved custom rule profiles and remembered listing column mappings. */
import type { RuleProfile } from '../engine/index';
import type { KapacitetDb } from './schema';
import type { EpochMs } from './records';

export async function getSetting<T>(db: KapacitetDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: KapacitetDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export async function saveRuleProfile(db: KapacitetDb, profile: RuleProfile, now: EpochMs): Promise<void> {
  await db.ruleProfiles.put({ id: profile.id, profile: structuredClone(profile), updatedAt: now });
}

export async function listRuleProfiles(db: KapacitetDb): Promise<RuleProfile[]> {
  const rows = await db.ruleProfiles.toArray();
  return rows.sort((a, b) => a.profile.name.localeCompare(b.profile.name, 'sv')).map((r) => r.profile);
}

export async function deleteRuleProfile(db: KapacitetDb, id: string): Promise<void> {
  await db.ruleProfiles.delete(id);
}

/** IO's listing import remembers a column mapping per header signature (IO owns the mapping's shape). */
export async function getListingMapping<T>(db: KapacitetDb, signature: string): Promise<T | undefined> {
  return (await db.listingMappings.get(signature))?.mapping as T | undefined;
}

export async function saveListingMapping(db: KapacitetDb, signature: string, mapping: unknown, now: EpochMs): Promise<void> {
  await db.listingMappings.put({ signature, mapping: structuredClone(mapping), updatedAt: now });
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCustomProfile } from '../../../src/lib/engine/index';
import { KapacitetDb } from '../../../src/lib/db/index';
import { AppCore } from '../../../src/lib/state/core.svelte';
import { SettingsState } from '../../../src/lib/state/settings.svelte';
import { drop, uniqueDbName } from '../db/helpers';
import { proxied } from './proxy.svelte';

const open: { db: KapacitetDb; settings: SettingsState }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) o.settings.dispose();
  await drop(...open.map((o) => o.db));
});

async function make(): Promise<{ core: AppCore; db: KapacitetDb; settings: SettingsState }> {
  const core = new AppCore({ dbName: uniqueDbName('settings'), now: () => 1000 });
  const db = new KapacitetDb(core.dbName);
  await db.open();
  core.attach(db);
  const settings = new SettingsState(core);
  open.push({ db, settings });
  return { core, db, settings };
}

describe('SettingsState', () => {
  it('reads a fallback for a missing key and stores values live for every tab', async () => {
    const { core, settings } = await make();
    await settings.watch();
    expect(await settings.getSetting('kolumner', ['namn'])).toEqual(['namn']);
    // A component's $state value is stored as plain data.
    await settings.setSetting('kolumner', proxied(['namn', 'listade']));
    expect(await settings.getSetting('kolumner', [])).toEqual(['namn', 'listade']);
    await vi.waitFor(() => expect(settings.settings).toEqual({ kolumner: ['namn', 'listade'] }));
    // A second reader of the same database (as another tab would be) sees it too.
    const other = new SettingsState(core);
    await other.watch();
    expect(other.settings.kolumner).toEqual(['namn', 'listade']);
    other.dispose();
  });

  it('remember() never fails the caller, and writes nothing in a read-only tab', async () => {
    const { core, db, settings } = await make();
    await settings.remember('lastUnitId', 'unit-1');
    expect((await db.settings.get('lastUnitId'))?.value).toBe('unit-1');
    const put = vi.spyOn(db.settings, 'put').mockRejectedValue(new Error('disk full'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(settings.remember('lastUnitId', 'unit-2')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    put.mockRestore();
    warn.mockRestore();
    core.readOnly = 'skrivskyddad';
    await settings.remember('lastUnitId', 'unit-3');
    expect((await db.settings.get('lastUnitId'))?.value).toBe('unit-1');
  });

  it('in a read-only tab a view preference holds for the session and is never written', async () => {
    const { core, db, settings } = await make();
    await settings.watch();
    core.readOnly = 'skrivskyddad';
    await settings.setSetting('kolumner', ['namn']);
    expect(settings.settings.kolumner).toEqual(['namn']);
    expect(await settings.getSetting('kolumner', [])).toEqual(['namn']);
    expect(await db.settings.get('kolumner')).toBeUndefined();
  });

  it('keeps custom rule profiles sorted by name, live', async () => {
    const { settings } = await make();
    await settings.watch();
    const b = { ...createCustomProfile(), id: 'custom-b', name: 'Örebro lokal' };
    const a = { ...createCustomProfile(), id: 'custom-a', name: 'Avesta' };
    await settings.saveCustomProfile(proxied(b));
    await settings.saveCustomProfile(a);
    await vi.waitFor(() => expect(settings.customProfiles.map((p) => p.name)).toEqual(['Avesta', 'Örebro lokal']));
    await settings.deleteCustomProfile('custom-a');
    await vi.waitFor(() => expect(settings.customProfiles.map((p) => p.id)).toEqual(['custom-b']));
  });
});

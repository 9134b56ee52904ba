// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import StorageBanner, { addDays, SNOOZE_KEY, type StorageSource } from '../../../../src/lib/ui/offline/StorageBanner.svelte';

// The banner's default source is the app singleton; these tests always pass their own.
vi.mock('../../../../src/lib/state/app.svelte', () => ({ app: {} }));

function source(over: Partial<StorageSource> = {}): StorageSource {
  return {
    storage: { persisted: false, mayEvict: true, supported: true, estimate: { usage: 2_400_000, quota: 300_000_000 } },
    lastError: null,
    requestPersist: vi.fn(async () => true),
    downloadBackup: vi.fn(async () => ({ filename: 'Vardcentralen-Exempel.kapacitet.json', text: '{}' })),
    clearError: vi.fn(),
    ...over,
  };
}

describe('StorageBanner', () => {
  it('says nothing when the browser has granted persistent storage', () => {
    render(StorageBanner, { source: source({ storage: { persisted: true, mayEvict: false, supported: true } }) });
    expect(screen.queryByTestId('storage-warning')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns when data may be evicted and saves a backup file in one click', async () => {
    const s = source();
    render(StorageBanner, { source: s });
    const warning = screen.getByRole('region', { name: 'Webbläsaren kan radera dina uppgifter' });
    expect(warning).toHaveTextContent('Använt 2,4 MB av 300 MB (0,8 %)');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Spara säkerhetskopia' }));
    expect(s.downloadBackup).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Säkerhetskopian är sparad som fil. (Vardcentralen-Exempel.kapacitet.json)');
  });

  it('asks for persistent storage and reports a refusal calmly', async () => {
    const s = source({ requestPersist: vi.fn(async () => false) });
    render(StorageBanner, { source: s });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Spara permanent i webbläsaren' }));
    expect(s.requestPersist).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Webbläsaren sa nej');
  });

  it('hides the request button where the Storage API is missing, and can be dismissed by keyboard', async () => {
    render(StorageBanner, { source: source({ storage: { persisted: null, mayEvict: true, supported: false } }) });
    expect(screen.queryByRole('button', { name: 'Spara permanent i webbläsaren' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Dölj i en vecka' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('storage-warning')).not.toBeInTheDocument();
  });

  it('"Dölj i en vecka" remembers the date, and the warning stays hidden until then', async () => {
    const settings = new Map<string, unknown>();
    const withSettings = (today: string) =>
      source({
        today,
        getSetting: async <T,>(key: string, fallback: T) => (settings.has(key) ? (settings.get(key) as T) : fallback),
        setSetting: async (key: string, value: unknown) => void settings.set(key, value),
      });
    const first = render(StorageBanner, { source: withSettings('2026-11-23') });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dölj i en vecka' }));
    await vi.waitFor(() => expect(settings.get(SNOOZE_KEY)).toBe('2026-11-30'));
    first.unmount();

    const sameWeek = render(StorageBanner, { source: withSettings('2026-11-29') });
    await vi.waitFor(() => expect(screen.queryByTestId('storage-warning')).not.toBeInTheDocument());
    sameWeek.unmount();

    render(StorageBanner, { source: withSettings('2026-11-30') });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('storage-warning')).toBeInTheDocument();
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-25', 7)).toBe('2028-03-03');
  });

  it('shows a quota error as an alert with the same one-click backup', async () => {
    const s = source({
      storage: { persisted: true, mayEvict: false, supported: true },
      lastError: { kind: 'quota', message: 'Lagringsutrymmet i webbläsaren är fullt.', details: [] },
    });
    render(StorageBanner, { source: s });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Webbläsarens lagringsutrymme är fullt');
    expect(alert).toHaveTextContent('Lagringsutrymmet i webbläsaren är fullt.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Spara säkerhetskopia' }));
    expect(s.downloadBackup).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Dölj' }));
    expect(s.clearError).toHaveBeenCalledTimes(1);
  });

  it('ignores errors of other kinds (the app shows those itself)', () => {
    render(StorageBanner, {
      source: source({
        storage: { persisted: true, mayEvict: false, supported: true },
        lastError: { kind: 'validation', message: 'Fel värde', details: [] },
      }),
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports a failed backup with the reason', async () => {
    const s = source({ downloadBackup: vi.fn(async () => Promise.reject(new Error('Ingen plan'))) });
    render(StorageBanner, { source: s });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Spara säkerhetskopia' }));
    expect(screen.getByRole('status')).toHaveTextContent('Kunde inte spara säkerhetskopian: Ingen plan');
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { app } from '../../src/lib/state/app.svelte';
import App from '../../src/App.svelte';

vi.mock('../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: () => ({ update: () => {}, destroy: () => {} }),
}));
vi.mock('virtual:pwa-register', () => ({ registerSW: () => async () => {} }));

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('App error box', () => {
  it('shows a write or validation error once, with a close button', async () => {
    location.hash = '#/enhet';
    render(App);
    await screen.findAllByRole('heading', { level: 2 }, { timeout: 5000 });
    app.lastError = { kind: 'validation', message: 'Tjänstgöringsgraden måste vara 0–100 %.', details: ['doctors[1].employment'] };
    await tick();
    const alerts = screen.getAllByRole('alert').filter((a) => a.textContent?.includes('Tjänstgöringsgraden'));
    expect(alerts).toHaveLength(1);
    expect(within(alerts[0]).getByText('doctors[1].employment')).toBeInTheDocument();
    // The error is dismissed with "Stäng meddelandet" (nothing to cancel: the edit was already refused).
    within(alerts[0]).getByRole('button', { name: 'Stäng meddelandet' }).click();
    await tick();
    expect(screen.queryByText(/Tjänstgöringsgraden måste/)).not.toBeInTheDocument();
  });

  it('leaves a full store (quota) to the storage banner: one alert, with the backup button', async () => {
    location.hash = '#/enhet';
    render(App);
    await screen.findAllByRole('heading', { level: 2 }, { timeout: 5000 });
    app.lastError = { kind: 'quota', message: 'Ändringen kunde inte sparas: lagringsutrymmet är fullt.', details: [] };
    await tick();
    const alerts = screen.getAllByRole('alert').filter((a) => a.textContent?.includes('lagringsutrymmet är fullt'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveAttribute('data-testid', 'quota-notice');
    expect(within(alerts[0]).getByRole('button', { name: /säkerhetskopia|spara/i })).toBeInTheDocument();
    app.clearError();
  });
});

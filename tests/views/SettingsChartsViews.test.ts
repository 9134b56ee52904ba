// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../src/lib/state/app.svelte';
import { importChoice } from '../../src/lib/state/importChoice.svelte';
import { formatNumber, formatPercent } from '../../src/lib/engine/index';
import SettingsView from '../../src/views/SettingsView.svelte';
import ChartsView from '../../src/views/ChartsView.svelte';

const charts: { spec: { labels: string[] } }[] = [];
vi.mock('../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: (_c: unknown, spec: { labels: string[] }) => {
    charts.push({ spec });
    return { update: () => {}, destroy: () => {} };
  },
}));

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('SettingsView', () => {
  it('labels every time-model default as a local assumption and saves a changed one', async () => {
    const user = userEvent.setup();
    render(SettingsView);
    const field = screen.getByLabelText(/Arbetsveckor per år/);
    expect(field.closest('.field')).toHaveTextContent('lokalt antagande');
    expect(screen.getAllByText('lokalt antagande').length).toBeGreaterThanOrEqual(8);
    const before = app.result!.unit.capacityTime;
    await user.clear(field);
    await user.type(field, '40{Enter}');
    await waitFor(() => expect(app.plan!.time?.weeksPerYear).toBe(40));
    expect(app.result!.unit.capacityTime).toBeLessThan(before);
    await user.click(screen.getByRole('button', { name: 'Återställ standardvärden' }));
    await waitFor(() => expect(app.plan!.time?.weeksPerYear).toBeUndefined());
  });

  it('switches the capacity model and makes an editable custom profile', async () => {
    const user = userEvent.setup();
    render(SettingsView);
    await user.click(screen.getByLabelText('Tidsmodellen (nerifrån och upp)'));
    await waitFor(() => expect(app.plan!.model).toBe('time'));
    await user.click(screen.getByLabelText('Riktvärdet (uppifrån och ner)'));
    await waitFor(() => expect(app.plan!.model).toBe('guideline'));

    await user.click(screen.getByRole('button', { name: 'Gör en egen profil utifrån den valda' }));
    await waitFor(() => expect(typeof app.plan!.profile).toBe('object'));
    const specialist = await screen.findByLabelText('Riktvärde per heltidsspecialist');
    await user.clear(specialist);
    await user.type(specialist, '1 000{Enter}');
    await waitFor(() => expect((app.plan!.profile as { guideline: { specialist: number } }).guideline.specialist).toBe(1000));
    await user.selectOptions(screen.getByLabelText('Region/profil'), 'national');
    await waitFor(() => expect(app.plan!.profile).toBe('national'));
  });
});

describe('SettingsView plan file', () => {
  it('opening a backup of all plans says which scenarios were added', async () => {
    const user = userEvent.setup();
    const before = app.plans.length;
    const main = JSON.parse((await app.planFile()).text);
    const text = JSON.stringify({ ...main, scenarios: [{ name: 'Vår 2027', plan: main }] });
    render(SettingsView);
    await user.upload(screen.getByLabelText('Läs in planfil'), new File([text], 'alla planer.kapacitet.json', { type: 'application/json' }));
    // Never over the open unit without asking: the choice (its dialog lives in App.svelte) is made here.
    await waitFor(() => expect(importChoice.pending?.preview.scenarios).toBe(1));
    importChoice.choose('replace');
    await waitFor(() => expect(screen.getByText(/Filens scenarier lades till: Vår 2027/)).toBeInTheDocument());
    await waitFor(() => expect(app.plans.length).toBe(before + 1));
    const added = app.plans.find((p) => p.name === 'Vår 2027')!;
    await app.undo();
    await app.deletePlan(added.id);
  });
});

describe('ChartsView', () => {
  it('draws three charts, each with a table of the engine numbers behind a toggle', async () => {
    const user = userEvent.setup();
    render(ChartsView);
    await waitFor(() => expect(charts.length).toBeGreaterThanOrEqual(3));
    const toggles = screen.getAllByRole('button', { name: 'Visa som tabell' });
    expect(toggles).toHaveLength(3);
    await user.click(toggles[1]);
    expect(toggles[1]).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: /Kapacitet och nuvarande lista per läkare/ });
    const d = app.result!.doctors[0];
    const row = within(table).getByRole('row', { name: new RegExp(d.name) });
    expect(row).toHaveTextContent(sp(formatNumber(d.capacity)));
  });
});

describe('ChartsView coverage table', () => {
  it('lists the coverage shares with one decimal, as the unit view and the explanation do', async () => {
    const user = userEvent.setup();
    render(ChartsView);
    const figure = screen.getByRole('heading', { name: 'Enhetens täckning' }).closest('figure')!;
    await user.click(within(figure as HTMLElement).getByRole('button', { name: /Visa som tabell/ }));
    const expected = formatPercent(app.result!.unit.coverageToday, 1).replace(/\u00a0/g, ' ');
    expect(within(figure as HTMLElement).getByRole('table')).toHaveTextContent(expected);
  });
});

describe('ChartsView for a new empty unit', () => {
  it('says there is nothing to draw yet instead of showing empty chart frames', async () => {
    const demoUnit = app.unitId!;
    const id = await app.createUnit('Tom enhet');
    try {
      const { container } = render(ChartsView);
      expect(screen.getByTestId('charts-no-doctors')).toHaveTextContent('Inga läkare');
      expect(within(screen.getByTestId('charts-no-doctors')).getByRole('link', { name: /Lägg till läkare/ })).toHaveAttribute('href', '#/lakare');
      expect(screen.getByTestId('charts-no-listed')).toHaveTextContent('Listade invånare');
      expect(container.querySelectorAll('canvas')).toHaveLength(0);
      expect(container.textContent).not.toMatch(/NaN|Infinity|undefined/);
    } finally {
      await app.deleteUnit(id);
      await app.selectUnit(demoUnit);
    }
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { app } from '../../src/lib/state/app.svelte';
import { computePlan, explain, formatNumber } from '../../src/lib/engine/index';
import App from '../../src/App.svelte';

const chartUpdates: unknown[] = [];
vi.mock('../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: (_c: unknown, spec: unknown) => {
    chartUpdates.push(spec);
    return { update: (s: unknown) => chartUpdates.push(s), destroy: () => {} };
  },
}));
// The service-worker registration has no place in jsdom.
vi.mock('virtual:pwa-register', () => ({ registerSW: () => async () => {} }));

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

function paste(target: Element, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  event.clipboardData = { getData: (type: string) => (type === 'text/plain' ? text : '') };
  target.dispatchEvent(event);
}

async function openDoctors() {
  location.hash = '#/lakare';
  render(App);
  await app.start();
  const grid = await screen.findByRole('grid', { name: 'Läkare' }, { timeout: 5000 });
  return grid;
}

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('DoctorsView in the app', () => {
  it('edits employment, recomputes capacity, and Ctrl+Z / Ctrl+Y undo and redo', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const d = app.plan!.doctors[0];
    const cell = grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="employment"]`)!;
    const cap = () => grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="capacityGuideline"]`)!;
    const before = app.result!.doctors[0].capacityGuideline;
    await user.click(cell);
    await user.keyboard('{Enter}');
    const editor = within(cell).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, '50 %{Enter}');
    await tick();
    expect(app.plan!.doctors[0].employment).toBe(0.5);
    const after = computePlan(app.plan!, { today: app.today }).doctors[0].capacityGuideline;
    expect(after).not.toBe(before);
    expect(cap()).toHaveTextContent(sp(formatNumber(after)));
    // The chart got the new capacity too.
    await waitFor(() => expect(JSON.stringify(chartUpdates.at(-1))).toContain(String(after)));

    cap().focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(app.plan!.doctors[0].employment).toBe(d.employment));
    expect(cap()).toHaveTextContent(sp(formatNumber(before)));
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(app.plan!.doctors[0].employment).toBe(0.5));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(app.plan!.doctors[0].employment).toBe(d.employment));
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(app.plan!.doctors[0].employment).toBe(0.5));
    await app.undo();
  });

  it('pastes a 3×4 block (decimal commas, percent) as one undo step', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const docs = app.plan!.doctors.slice(0, 3).map((x) => structuredClone(plain(x)));
    const start = grid.querySelector<HTMLElement>(`[data-row-key="${docs[0].id}"][data-col="employment"]`)!;
    await user.click(start);
    // Columns from Tjänstgöringsgrad: employment, ST done, ST total, Handledning (tim/v).
    paste(start, '80 %\t\t\t2,5\r\n0,6\t\t\t1\r\n100%\t\t\t0,5\r\n');
    await tick();
    const now = app.plan!.doctors;
    expect(now[0].employment).toBe(0.8);
    expect(now[1].employment).toBe(0.6);
    expect(now[2].employment).toBe(1);
    expect(now[0].duties.find((x) => x.kind === 'supervision')?.hoursPerWeek).toBe(2.5);
    expect(now[1].duties.filter((x) => x.kind === 'supervision').reduce((s, x) => s + x.hoursPerWeek, 0)).toBe(1);
    expect(screen.getByText(/celler inklistrade/)).toBeInTheDocument();
    // One Ctrl+Z restores all three doctors.
    start.focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(app.plan!.doctors.slice(0, 3)).toEqual(docs));
  });

  it('a paste that runs past the last doctor adds the new doctors, and one Ctrl+Z takes back the whole paste', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const before = structuredClone(plain(app.plan!));
    const n = before.doctors.length;
    const last = before.doctors[n - 1];
    const start = grid.querySelector<HTMLElement>(`[data-row-key="${last.id}"][data-col="name"]`)!;
    await user.click(start);
    // Columns from Namn: name, category, employment. Row 1 edits the last doctor, rows 2–3 are new.
    paste(start, `${last.name}\tspecialist\t90 %\r\nNy Andersson\tST\t100 %\r\nNy Berg\tspecialist\t0,5\r\n`);
    await waitFor(() => expect(app.plan!.doctors).toHaveLength(n + 2));
    const now = app.plan!.doctors;
    expect(now[n - 1].employment).toBe(0.9);
    expect(now[n]).toMatchObject({ name: 'Ny Andersson', category: 'st', employment: 1 });
    expect(now[n + 1]).toMatchObject({ name: 'Ny Berg', category: 'specialist', employment: 0.5 });
    expect(screen.getByText(/2 nya läkare lades till/)).toBeInTheDocument();
    await waitFor(() => expect(grid.querySelector(`[data-row-key="${now[n + 1].id}"][data-col="name"]`)).toHaveTextContent('Ny Berg'));
    start.focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(plain(app.plan!)).toEqual(before));
  });

  it('typing a letter on the category cell opens its editor on the matching category', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const d = app.plan!.doctors.find((x) => x.category === 'specialist')!;
    const cell = grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="category"]`)!;
    await user.click(cell);
    await user.keyboard('h');
    const editor = await screen.findByRole('combobox', { name: /Kategori, / });
    expect(editor).toHaveFocus();
    expect(editor).toHaveValue('locum');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(app.plan!.doctors.find((x) => x.id === d.id)!.category).toBe('locum'));
    // "s" from a specialist goes on to the next category starting with s (ST), as a native select does.
    await user.click(cell);
    await user.keyboard('{Escape}');
    await app.undo();
    await waitFor(() => expect(app.plan!.doctors.find((x) => x.id === d.id)!.category).toBe('specialist'));
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="category"]`)!);
    await user.keyboard('s');
    expect(await screen.findByRole('combobox', { name: /Kategori, / })).toHaveValue('st');
    await user.keyboard('{Escape}');
    expect(app.plan!.doctors.find((x) => x.id === d.id)!.category).toBe('specialist');
  });

  it('Enter on a computed cell opens its explanation with the formula', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const d = app.plan!.doctors[1];
    const cell = grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="capacityTime"]`)!;
    await user.click(cell);
    await user.keyboard('{Enter}');
    await tick();
    const dialog = screen.getAllByRole('dialog').find((x) => x.hasAttribute('open'))!;
    const expected = explain(app.plan!, app.result!, `doctors.${d.id}.capacityTime`)!;
    expect(within(dialog).getByTestId('explain-formula')).toHaveTextContent(expected.formula.replace(/\s+/g, ' ').trim());
    await user.keyboard('{Escape}');
    await tick();
    expect(cell).toHaveFocus();
  });
});

describe('DoctorsView rows and marks', () => {
  it('marks over-capacity with an icon and a message reachable from the cell', async () => {
    const grid = await openDoctors();
    const over = app.result!.doctors.find((x) => x.loadRatio !== null && x.loadRatio > 1)!;
    expect(over).toBeDefined();
    const cell = grid.querySelector<HTMLElement>(`[data-row-key="${over.id}"][data-col="loadRatio"]`)!;
    expect(cell).toHaveTextContent('⚠');
    const tip = document.getElementById(cell.getAttribute('aria-describedby')!);
    expect(tip?.textContent).toMatch(/kapacitet/i);
  });

  it('edits several duties of a doctor in the duty dialog', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const d = app.plan!.doctors[0];
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="name"]`)!);
    await user.click(screen.getByRole('button', { name: `Redigera uppdrag för ${d.name}` }));
    const dialog = screen.getAllByRole('dialog').find((x) => x.hasAttribute('open'))!;
    const n = d.duties.length;
    await user.click(within(dialog).getByRole('button', { name: 'Lägg till uppdrag' }));
    await user.selectOptions(within(dialog).getByLabelText(`Typ ${n + 1}`), 'research');
    const hours = within(dialog).getByLabelText(`Timmar per vecka ${n + 1}`);
    await user.clear(hours);
    await user.type(hours, '3,5');
    await user.type(within(dialog).getByLabelText(`Beskrivning ${n + 1}`), 'Forskning KI');
    await user.click(within(dialog).getByRole('button', { name: 'Spara uppdragen' }));
    await waitFor(() => expect(app.plan!.doctors[0].duties).toHaveLength(n + 1));
    expect(app.plan!.doctors[0].duties[n]).toEqual({ kind: 'research', hoursPerWeek: 3.5, label: 'Forskning KI' });
    expect(grid.querySelector(`[data-row-key="${d.id}"][data-col="duty.research"]`)).toHaveTextContent('3,5');
    await app.undo();
  });

  it('moves and removes doctors with labelled buttons (undoable)', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const [a, b] = app.plan!.doctors;
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${a.id}"][data-col="name"]`)!);
    await user.click(screen.getByRole('button', { name: new RegExp(`Flytta ner ${a.name}`) }));
    await waitFor(() => expect(app.plan!.doctors[1].id).toBe(a.id));
    expect(app.plan!.doctors[0].id).toBe(b.id);
    await user.click(screen.getByRole('button', { name: `Ta bort ${a.name}` }));
    await waitFor(() => expect(app.plan!.doctors.some((x) => x.id === a.id)).toBe(false));
    await app.undo();
    await app.undo();
    await waitFor(() => expect(app.plan!.doctors[0].id).toBe(a.id));
  });
});

/** A plain copy of a (possibly proxied) value. */
function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

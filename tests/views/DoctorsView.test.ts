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

  it('pastes a 3×2 block (decimal commas, percent) as one undo step and names the doctors it changed', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const docs = app.plan!.doctors.slice(0, 3).map((x) => structuredClone(plain(x)));
    const start = grid.querySelector<HTMLElement>(`[data-row-key="${docs[0].id}"][data-col="employment"]`)!;
    await user.click(start);
    // Columns from Tjänstgöringsgrad: employment, listed.
    paste(start, '80 %\t1 200\r\n0,6\t900\r\n100%\t\r\n');
    await tick();
    const now = app.plan!.doctors;
    expect(now[0]).toMatchObject({ employment: 0.8, listed: 1200 });
    expect(now[1]).toMatchObject({ employment: 0.6, listed: 900 });
    expect(now[2].employment).toBe(1);
    expect(now[2]).not.toHaveProperty('listed');
    const status = screen.getByText(/celler inklistrade/);
    expect(status).toHaveTextContent(`Ändrade läkare: ${docs[0].name}, ${docs[1].name}, ${docs[2].name}`);
    // One Ctrl+Z restores all three doctors.
    start.focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(app.plan!.doctors.slice(0, 3)).toEqual(docs));
  });

  it('a paste on a collapsed group fills its hidden columns and shows them', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const d = structuredClone(plain(app.plan!.doctors[2]));
    expect(grid.querySelector('[data-col="duty.supervision"]')).toBeNull();
    const start = grid.querySelector<HTMLElement>(`[data-row-key="${d.id}"][data-col="group.duties"]`)!;
    await user.click(start);
    // Handledning, Ledning
    paste(start, '2,5\t1\r\n');
    await tick();
    const now = app.plan!.doctors[2];
    expect(now.duties.find((x) => x.kind === 'supervision')?.hoursPerWeek).toBe(2.5);
    expect(now.duties.find((x) => x.kind === 'management')?.hoursPerWeek).toBe(1);
    expect(screen.getByText(/dolda kolumner, som nu visas: Uppdrag/)).toBeInTheDocument();
    await waitFor(() => expect(grid.querySelector(`[data-row-key="${d.id}"][data-col="duty.supervision"]`)).toHaveTextContent('2,5'));
    await app.undo();
    await waitFor(() => expect(plain(app.plan!.doctors[2])).toEqual(d));
    await user.click(screen.getByRole('button', { name: 'Uppdrag', pressed: true }));
    await waitFor(() => expect(grid.querySelector('[data-col="duty.supervision"]')).toBeNull());
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
    // The collapsed Uppdrag group shows the new total; expanded, the research column shows 3,5.
    const total = app.plan!.doctors[0].duties.reduce((s, x) => s + x.hoursPerWeek, 0);
    expect(grid.querySelector(`[data-row-key="${d.id}"][data-col="group.duties"]`)).toHaveTextContent(String(total).replace('.', ','));
    await user.click(screen.getByRole('button', { name: 'Uppdrag', pressed: false }));
    await waitFor(() => expect(grid.querySelector(`[data-row-key="${d.id}"][data-col="duty.research"]`)).toHaveTextContent('3,5'));
    await user.click(screen.getByRole('button', { name: 'Uppdrag', pressed: true }));
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

describe('DoctorsView: adding rows, sorting, the layout', () => {
  it('"Lägg till läkare" always appends, whichever row is selected, and focuses the new name cell', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const n = app.plan!.doctors.length;
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${app.plan!.doctors[0].id}"][data-col="listed"]`)!);
    await user.click(screen.getByRole('button', { name: 'Lägg till läkare' }));
    await waitFor(() => expect(app.plan!.doctors).toHaveLength(n + 1));
    const added = app.plan!.doctors[n];
    await waitFor(() => expect(grid.querySelector(`[data-row-key="${added.id}"][data-col="name"]`)).toHaveFocus(), { timeout: 4000 });
    expect(grid.querySelectorAll('tbody tr')[n]).toHaveAttribute('data-row-key', added.id);
    await app.undo();
    await waitFor(() => expect(app.plan!.doctors).toHaveLength(n));
  });

  it('Enter that commits an edit on the last row adds a doctor and moves to it', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const n = app.plan!.doctors.length;
    const last = app.plan!.doctors[n - 1];
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${last.id}"][data-col="listed"]`)!);
    await user.keyboard('{Enter}');
    const editor = within(grid).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, '321{Enter}');
    await waitFor(() => expect(app.plan!.doctors).toHaveLength(n + 1));
    expect(app.plan!.doctors[n - 1].listed).toBe(321);
    const added = app.plan!.doctors[n];
    await waitFor(() => expect(grid.querySelector(`[data-row-key="${added.id}"][data-col="name"]`)).toHaveFocus(), { timeout: 4000 });
    await app.undo();
    await app.undo();
    await waitFor(() => expect(app.plan!.doctors).toHaveLength(n));
  });

  it('a header sorts the rows (aria-sort), an edit does not move a row, and the plan order comes back', async () => {
    const user = userEvent.setup();
    const grid = await openDoctors();
    const planOrder = app.plan!.doctors.map((d) => d.id);
    const header = within(grid).getByRole('columnheader', { name: /Listade/ });
    await user.click(header);
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    const shown = () => [...grid.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-row-key'));
    const listed = (id: string | null) => app.plan!.doctors.find((d) => d.id === id)?.listed ?? Infinity;
    const asc = shown();
    for (let i = 1; i < asc.length; i++) expect(listed(asc[i - 1])).toBeLessThanOrEqual(listed(asc[i]));
    expect(app.plan!.doctors.map((d) => d.id)).toEqual(planOrder); // a view, not an edit
    // Editing the sorted column keeps the row where it is (until the next sort).
    const first = asc[0]!;
    await user.click(grid.querySelector<HTMLElement>(`[data-row-key="${first}"][data-col="listed"]`)!);
    await user.keyboard('{Enter}');
    const editor = within(grid).getByRole('textbox');
    await user.clear(editor);
    await user.type(editor, '9999{Escape}');
    await user.keyboard('{Enter}');
    await user.clear(within(grid).getByRole('textbox'));
    await user.type(within(grid).getByRole('textbox'), '9999');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(app.plan!.doctors.find((d) => d.id === first)?.listed).toBe(9999));
    expect(shown()[0]).toBe(first);
    await user.click(header);
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(shown()[0]).toBe(first);
    await user.click(header);
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(shown()).toEqual(planOrder);
    await app.undo();
  });

  it('remembers expanded groups and the sort in this browser', async () => {
    const user = userEvent.setup();
    await openDoctors();
    await user.click(screen.getByRole('button', { name: 'Frånvaro och slut', pressed: false }));
    await user.click(within(screen.getByRole('grid', { name: 'Läkare' })).getByRole('columnheader', { name: /Kategori/ }));
    await waitFor(async () => expect(await app.getSetting('doctorsGrid.layout', null)).toEqual({ expanded: ['absence'], sort: { key: 'category', dir: 'ascending' } }));
    document.body.innerHTML = '';
    const grid = await openDoctors();
    await waitFor(() => expect(grid.querySelector('[data-col="absenceWeeks"]')).not.toBeNull());
    expect(within(grid).getByRole('columnheader', { name: /Kategori/ })).toHaveAttribute('aria-sort', 'ascending');
    await app.setSetting('doctorsGrid.layout', { expanded: [], sort: null });
  });
});

/** A plain copy of a (possibly proxied) value. */
function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

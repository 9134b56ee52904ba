// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { computePlan, fmt } from '../../src/lib/engine/index';
import { itemsOf } from '../../src/lib/engine/workshop';
import { app } from '../../src/lib/state/app.svelte';
import { workshop as ws } from '../../src/lib/state/workshop.svelte';
import WorkshopView from '../../src/views/WorkshopView.svelte';

/** jest-dom normalises whitespace (the no-break space too) in what it reads, not in what we expect. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

async function settle(): Promise<void> {
  await ws.flush();
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
  await tick();
}

function duplicateIds(): string[] {
  const seen = new Map<string, number>();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

beforeAll(async () => {
  await app.start();
});
afterAll(() => {
  ws.dispose();
  app.dispose();
});
beforeEach(async () => {
  ws.leaveProjector();
  ws.activeArea = 'routines';
  ws.presenter.goToArea('routines');
  await ws.openLatestOrToday();
});

describe('WorkshopView', () => {
  it('opens each area with the unit figures (from the engine, through fmt), before the questions', async () => {
    render(WorkshopView);
    await screen.findByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' });
    const r = computePlan(app.plan!, { today: app.today }).unit;
    const figures = screen.getByRole('region', { name: 'Enhetens siffror' });
    expect(within(figures).getByRole('button', { name: /Andel med fast läkarkontakt i dag$/ })).toHaveTextContent(sp(fmt.share(r.coverageToday)));
    expect(within(figures).getByRole('button', { name: /Glapp/ })).toHaveTextContent(sp(fmt.patients(r.gapPatients)));
    const paper = within(figures).getByRole('button', { name: /Fast läkarkontakt bara på papperet$/ });
    expect(paper).toHaveTextContent(sp(fmt.patients(r.paperListPatients)));
    expect(paper.closest('p')).toHaveTextContent(/patienter har en fast läkarkontakt som läkarnas kapacitet inte räcker till\.$/);
    expect(figures).toHaveTextContent('Från den gällande planen ”Nuläge”.');
    const questions = screen.getByRole('heading', { name: 'Frågor att samtala om' });
    expect(figures.compareDocumentPosition(questions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Area 2 has the staff figures.
    await userEvent.click(screen.getByRole('button', { name: 'Område 2: Personal och kompetens' }));
    const f2 = screen.getByRole('region', { name: 'Enhetens siffror' });
    expect(within(f2).getByRole('button', { name: /Läkare över sin kapacitet/ })).toHaveTextContent(fmt.count(r.doctorsOverCapacity));
    expect(within(f2).getByRole('button', { name: /heltidsspecialister/ })).toHaveTextContent(sp(fmt.fte(r.fteNeeded)));
  });

  it('says when the figures come from a scenario, not the current plan', async () => {
    const current = app.planId!;
    const id = await app.duplicatePlan(current, 'Två nya ST');
    await app.selectPlan(id);
    render(WorkshopView);
    expect(await screen.findByText('Från scenariot ”Två nya ST” – inte från den gällande planen.')).toBeInTheDocument();
    await app.selectPlan(current);
    await app.deletePlan(id);
  });

  it('keeps a date being typed while a save lands, and has no duplicate ids with the projector open', async () => {
    const user = userEvent.setup();
    render(WorkshopView);
    const date = (await screen.findByLabelText('Mötesdatum')) as HTMLInputElement;
    await user.clear(date);
    await user.type(date, '2027-01-15');
    ws.setTitle('APT januari');
    await settle();
    expect(date.value).toBe('2027-01-15');
    ws.enterProjector();
    await tick();
    expect(duplicateIds()).toEqual([]);
  });

  it('runs the projector from the keyboard: presenter keys move, keys typed into a field are text', async () => {
    // An earlier meeting's open action is carried in, with its done box.
    await ws.open('2020-01-01');
    ws.capture('routines', 'action', null, { text: 'Tidigare åtgärd' });
    await ws.flush();
    await ws.open(app.today);
    const user = userEvent.setup();
    render(WorkshopView);
    await screen.findByRole('heading', { level: 3, name: 'Område 1: Rutiner och arbetssätt' });
    await user.click(screen.getByRole('button', { name: 'Visa i storbild' }));
    const dialog = await screen.findByRole('dialog', { name: /^Storbild: Område 1/ });
    const pos = dialog.querySelector('.pos')!;
    expect(pos).toHaveTextContent('Område 1 av 3');
    await user.keyboard('{ArrowRight}{PageDown}');
    expect(pos).toHaveTextContent('Område 1 av 3 · fråga 2 av 8');
    await user.keyboard('{PageUp}');
    expect(pos).toHaveTextContent('fråga 1 av 8');
    await user.keyboard('b');
    expect(dialog.querySelector('.blank')).not.toBeNull();
    await user.keyboard('x');
    expect(dialog.querySelector('.blank')).toBeNull();
    expect(pos).toHaveTextContent('fråga 1 av 8');
    // N opens the note field; B, F, ? and arrows typed there are text.
    await user.keyboard('n');
    const field = within(dialog).getByRole('textbox', { name: 'Ny anteckning' });
    expect(field).toHaveFocus();
    await user.keyboard('B? F.{ArrowLeft}{ArrowRight}{PageDown}');
    expect(field).toHaveValue('B? F.');
    expect(pos).toHaveTextContent('fråga 1 av 8');
    expect(dialog.querySelector('.blank')).toBeNull();
    await user.keyboard('{Enter}');
    await settle();
    expect(itemsOf(ws.workshop!, 'routines', 'note').map((n) => n.text)).toContain('B? F.');
    // H, M, A open their fields too; Escape closes a field first, then the projector.
    await user.keyboard('h');
    expect(within(dialog).getByRole('textbox', { name: 'Nytt hinder' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(dialog).queryByRole('textbox', { name: 'Nytt hinder' })).toBeNull();
    await user.keyboard('a');
    expect(within(dialog).getByRole('textbox', { name: 'Vad' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Tangenter i storbild' })).toBeInTheDocument();
    await user.keyboard('?');
    // On a done box (a carried action) the presenter keys still work: it takes no typing.
    ws.presenter.goToArea('routines');
    await tick();
    const box = within(dialog).getByRole('checkbox', { name: /Tidigare åtgärd/ });
    box.focus();
    await user.keyboard('{ArrowRight}');
    expect(pos).toHaveTextContent('fråga 1 av 8');
  });
});

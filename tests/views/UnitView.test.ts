// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { app } from '../../src/lib/state/app.svelte';
import { computePlan, explain, formatDecimal, formatNumber, formatPercent } from '../../src/lib/engine/index';
import UnitView from '../../src/views/UnitView.svelte';

/** jest-dom normalises whitespace (the no-break space too) in what it reads, not in what we expect. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

vi.mock('../../src/lib/ui/charts/chartjs', () => ({
  createBarChart: () => ({ update: () => {}, destroy: () => {} }),
}));

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('UnitView', () => {
  it('shows the engine numbers for the demo unit', () => {
    render(UnitView);
    const r = computePlan(app.plan!, { today: app.today }).unit;
    const summary = screen.getByTestId('unit-summary');
    const s = within(summary);
    expect(s.getByRole('button', { name: /Kapacitet enligt riktvärdet/ })).toHaveTextContent(sp(formatNumber(r.capacityGuideline)));
    expect(s.getByRole('button', { name: /Kapacitet enligt tidsmodellen/ })).toHaveTextContent(sp(formatNumber(r.capacityTime)));
    expect(s.getByRole('button', { name: /i dag/ })).toHaveTextContent(sp(formatPercent(r.coverageToday, 1)));
    expect(s.getByRole('button', { name: /Möjlig andel/ })).toHaveTextContent(sp(formatPercent(r.coveragePossible, 1)));
    expect(s.getByRole('button', { name: /Glapp/ })).toHaveTextContent(sp(formatNumber(r.gapPatients)));
    expect(s.getByRole('button', { name: /heltidsspecialister/ })).toHaveTextContent(sp(formatDecimal(r.fteNeeded, 2)));
    expect(s.getByRole('button', { name: /Prioriterade/ })).toHaveTextContent(
      sp(`${formatNumber(r.priorityCovered)} av ${formatNumber(r.priorityTotal)}`),
    );
    // The chosen model is marked in text, not only by colour.
    expect(summary).toHaveTextContent('vald modell');
  });

  it('recomputes when an input changes', async () => {
    const user = userEvent.setup();
    render(UnitView);
    const listed = screen.getByLabelText('Listade invånare');
    await user.clear(listed);
    await user.type(listed, '12 000{Enter}');
    await tick();
    expect(app.plan!.unit.listed).toBe(12000);
    const r = computePlan(app.plan!, { today: app.today }).unit;
    expect(screen.getByRole('button', { name: /Glapp/ })).toHaveTextContent(sp(formatNumber(r.gapPatients)));
    await app.undo();
  });

  it('refuses a bad number with a Swedish message and keeps the stored value', async () => {
    const user = userEvent.setup();
    render(UnitView);
    const before = app.plan!.unit.withNamedDoctor;
    const field = screen.getByLabelText('Listade med fast läkarkontakt i dag');
    await user.clear(field);
    await user.type(field, 'många{Enter}');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Skriv ett tal/)).toBeInTheDocument();
    expect(app.plan!.unit.withNamedDoctor).toBe(before);
  });

  it('opens the explanation from the keyboard, shows the formula, and Escape returns focus', async () => {
    const user = userEvent.setup();
    render(UnitView);
    const button = screen.getByRole('button', { name: /visa uträkning: Glapp \(patienter utan plats\)/ });
    button.focus();
    await user.keyboard('{Enter}');
    await tick();
    // The dialog's code is loaded on the first click (not part of the first view).
    const dialog = await screen.findByRole('dialog');
    const expected = explain(app.plan!, app.result!, 'unit.gapPatients')!;
    expect(within(dialog).getByTestId('explain-formula')).toHaveTextContent(expected.formula.replace(/\s+/g, ' ').trim());
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent(expected.label);
    expect(within(dialog).getByRole('button', { name: 'Stäng' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await tick();
    expect(dialog).not.toHaveAttribute('open');
    expect(button).toHaveFocus();
  });

  it('lists findings with links to the field they concern', () => {
    render(UnitView);
    const links = screen.getAllByRole('link', { name: /Gå till fältet/ });
    expect(links.length).toBeGreaterThan(0);
    const withField = app.result!.findings.find((f) => f.field?.startsWith('doctors.'));
    if (withField) {
      expect(links.some((a) => a.getAttribute('href') === `#/lakare?fokus=${encodeURIComponent(withField.field!)}`)).toBe(true);
    }
  });
});

describe('UnitView says the point in words (lists on paper)', () => {
  it('says in one sentence how many have a named doctor the capacity cannot honour, and the number explains itself', async () => {
    render(UnitView);
    const r = computePlan(app.plan!, { today: app.today }).unit;
    expect(r.paperListPatients).toBeGreaterThan(0); // the demo has more named than capacity
    const sentence = screen.getByTestId('paper-list');
    // The number is the button (its accessible name adds hidden words; innerText is checked in e2e).
    const button = within(sentence).getByRole('button', { name: /bara på papperet/ });
    expect(button.firstChild?.textContent).toBe(formatNumber(r.paperListPatients));
    expect(sentence).toHaveTextContent(' patienter har en fast läkarkontakt som läkarnas kapacitet inte räcker till.');
    expect(sentence).toHaveTextContent(sp(`${formatNumber(app.plan!.unit.withNamedDoctor)} listade har en fast läkarkontakt i dag`));
    expect(sentence).toHaveTextContent(sp(`räcker till ${formatNumber(r.capacity)} patienter`));
    expect(button).toHaveAttribute('data-explain-path', 'unit.paperListPatients');
  });

  it('says nothing when the capacity covers everyone who has a named doctor', async () => {
    const before = app.plan!.unit.withNamedDoctor;
    await app.updateUnit({ withNamedDoctor: 1000 });
    render(UnitView);
    expect(computePlan(app.plan!, { today: app.today }).unit.paperListPatients).toBe(0);
    expect(screen.queryByTestId('paper-list')).toBeNull();
    await app.updateUnit({ withNamedDoctor: before });
  });
});

describe('UnitView for a new empty unit', () => {
  it('says what to do first and shows "–", never 0 % or NaN, for shares of 0 listed', async () => {
    const demoUnit = app.unitId!;
    const id = await app.createUnit('Tom enhet');
    try {
      render(UnitView);
      const hint = screen.getByTestId('unit-start-hint');
      expect(hint).toHaveTextContent('inga läkare');
      expect(within(hint).getByRole('link', { name: /Lägg till läkare/ })).toHaveAttribute('href', '#/lakare');
      expect(hint).toHaveTextContent('Listade invånare');
      const s = within(screen.getByTestId('unit-summary'));
      expect(s.getByRole('button', { name: /i dag/ })).toHaveTextContent('–');
      expect(s.getByRole('button', { name: /Möjlig andel/ })).toHaveTextContent('–');
      expect(screen.getByTestId('unit-summary').textContent).not.toMatch(/NaN|Infinity|undefined/);
      // Once patients are listed, the share is a number again and the hint about listing goes.
      await app.updateUnit({ listed: 1000, withNamedDoctor: 400 });
      await tick();
      expect(s.getByRole('button', { name: /i dag/ })).toHaveTextContent(sp(formatPercent(0.4, 1)));
      expect(screen.getByTestId('unit-start-hint')).not.toHaveTextContent('Listade invånare');
    } finally {
      await app.deleteUnit(id);
      await app.selectUnit(demoUnit);
    }
  });
});

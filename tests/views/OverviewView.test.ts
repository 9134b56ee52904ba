// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { app } from '../../src/lib/state/app.svelte';
import { overview } from '../../src/lib/state/overview.svelte';
import { createDemoPlan, explain, serializePlan } from '../../src/lib/engine/index';
import OverviewView from '../../src/views/OverviewView.svelte';
import UnitView from '../../src/views/UnitView.svelte';

/** jest-dom normalises whitespace (the no-break space too) in what it reads. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

vi.mock('../../src/lib/ui/charts/chartjs', () => ({ createBarChart: () => ({ update: () => {}, destroy: () => {} }) }));

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

function rowOf(key: string): HTMLElement {
  const tr = document.querySelector<HTMLElement>(`tr[data-row-key="${key}"]`);
  if (!tr) throw new Error(`no row ${key}`);
  return tr;
}
/** The visible number of a cell (without the hidden accessible suffix). */
function cellText(tr: HTMLElement, col: string): string {
  const td = tr.querySelector<HTMLElement>(`td[data-col="${col}"]`)!;
  const clone = td.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return sp(clone.textContent ?? '');
}

describe('Översikt', () => {
  it("a unit's row reads exactly as its own unit view (every figure, the same formatter)", async () => {
    const unitView = render(UnitView);
    const summary = within(unitView.getByTestId('unit-summary'));
    const shown = (name: RegExp) => {
      const b = summary.getByRole('button', { name });
      const c = b.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
      return sp(c.textContent ?? '').replace(/ patienter$/, '');
    };
    const unitFigures = {
      capacityGuideline: shown(/Kapacitet enligt riktvärdet/),
      capacityTime: shown(/Kapacitet enligt tidsmodellen/),
      coverageToday: shown(/Andel med fast läkarkontakt i dag/),
      coveragePossible: shown(/Möjlig andel/),
      gapPatients: shown(/Glapp/),
      fteNeeded: shown(/heltidsspecialister/),
      listed: sp((unitView.getByLabelText('Listade invånare') as HTMLInputElement).value),
    };
    unitView.unmount();

    render(OverviewView);
    const key = `unit:${app.unitId}`;
    await waitFor(() => rowOf(key));
    const tr = rowOf(key);
    for (const [col, text] of Object.entries(unitFigures)) expect(cellText(tr, col), col).toBe(text);
    // The explanation behind a cell is the unit's own.
    await userEvent.setup().click(within(tr).getByRole('button', { name: /Glapp \(patienter\)/ }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('explain-formula')).toHaveTextContent(sp(explain(app.plan!, app.result!, 'unit.gapPatients')!.formula));
    await userEvent.setup().keyboard('{Escape}');
  });

  it('an edit of the selected unit reaches its row in the same update', async () => {
    render(OverviewView);
    const key = `unit:${app.unitId}`;
    await waitFor(() => rowOf(key));
    const before = cellText(rowOf(key), 'listed');
    void app.updateUnit({ listed: 12_345 });
    await tick();
    expect(cellText(rowOf(key), 'listed')).toBe('12 345');
    expect(cellText(rowOf(key), 'listed')).not.toBe(before);
    await app.flush();
    await app.undo();
  });

  it('opens files without importing them, sorts, explains a total, and imports one as a new unit', async () => {
    // applyAccept off: a person can choose "all files" in the picker; the app must say why it refuses one.
    const user = userEvent.setup({ applyAccept: false });
    render(OverviewView);
    await waitFor(() => rowOf(`unit:${app.unitId}`));
    const unitsBefore = app.units.map((u) => u.id);
    const a = createDemoPlan();
    a.unit.name = 'Aby vårdcentral';
    a.unit.listed = 4000;
    a.unit.withNamedDoctor = 1000;
    const b = createDemoPlan();
    b.unit.name = 'Zeta hälsocentral';
    b.unit.listed = 20_000;
    const files = [new File([serializePlan(a)], 'aby.kapacitet.json'), new File([serializePlan(b)], 'zeta.kapacitet.json'), new File(['nej'], 'anteckning.txt')];
    await user.upload(screen.getByTestId('overview-files'), files);
    await waitFor(() => expect(screen.getByTestId('overview-status')).toHaveTextContent('2 filer visas'));
    // The unreadable file is named with why.
    expect(screen.getByRole('alert')).toHaveTextContent('anteckning.txt');
    expect(app.units.map((u) => u.id)).toEqual(unitsBefore);

    const names = () =>
      Array.from(document.querySelectorAll('tbody tr[data-row-key] th')).map((th) => {
        const c = th.querySelector('.link, .file-name')!.cloneNode(true) as HTMLElement;
        c.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
        return sp(c.textContent ?? '');
      });
    expect(names()).toEqual(['Aby vårdcentral', 'Vårdcentralen Exempel', 'Zeta hälsocentral']);
    const listedHeader = screen.getByRole('button', { name: 'Sortera efter Listade' });
    await user.click(listedHeader);
    expect(listedHeader.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Zeta hälsocentral', 'Vårdcentralen Exempel', 'Aby vårdcentral']);
    await user.click(listedHeader);
    expect(listedHeader.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(names()[0]).toBe('Aby vårdcentral');

    // The totals row explains itself as the sum of its units.
    const totals = screen.getByTestId('overview-totals');
    await user.click(within(totals).getByRole('button', { name: /Listade, Summa/ }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('explain-formula')).toHaveTextContent(sp('Aby vårdcentral 4 000 + Vårdcentralen Exempel 9 800 + Zeta hälsocentral 20 000 = 33 800'));
    await user.keyboard('{Escape}');

    // Import one file as a new unit: confirmed, added, the file row gone, the existing unit untouched.
    const stored = await app.getPlanSnapshot(app.units[0].currentPlanId!);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const row = document.querySelector<HTMLElement>('tr.file')!;
    const fileName = sp(row.querySelector('.file-name')!.textContent ?? '');
    await user.click(within(row).getByRole('button', { name: /^Importera/ }));
    await waitFor(() => expect(app.units.map((u) => u.name)).toContain(fileName));
    expect(app.units).toHaveLength(unitsBefore.length + 1);
    expect(await app.getPlanSnapshot(stored && app.units.find((u) => u.id === unitsBefore[0])!.currentPlanId!)).toEqual(stored);
    await waitFor(() => expect(overview.files).toHaveLength(1));
    expect(screen.getByTestId('overview-status')).toHaveTextContent(`${fileName} är importerad som ny enhet`);
  });
});

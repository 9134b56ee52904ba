// @vitest-environment jsdom
/**
 * The io components with the real io state (the in-process fallback: jsdom has no Worker) and the
 * real app state over fake IndexedDB: keyboard-usable labelled buttons, the error table with
 * sheet/row/column, the listing dialog with a masked personnummer column, and the import applied
 * to the plan as one undo step.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../../../src/lib/state/app.svelte';
import { IoState } from '../../../../src/lib/state/io.svelte';
import IoToolbar from '../../../../src/lib/ui/io/IoToolbar.svelte';
import ImportButton from '../../../../src/lib/ui/io/ImportButton.svelte';
import ImportErrors from '../../../../src/lib/ui/io/ImportErrors.svelte';

beforeAll(async () => {
  // jsdom's <dialog> has no showModal in some versions; the component falls back to the open attribute.
  await app.start();
});
afterAll(() => app.dispose());

function file(text: string, name: string, type = 'text/csv'): File {
  return new File([new TextEncoder().encode(text)], name, { type });
}

describe('io components', () => {
  it('has labelled, keyboard-reachable import and export buttons', async () => {
    const io = new IoState();
    render(IoToolbar, { io });
    // The listing's button lives in the header's "Fler val" (App.svelte), after the toolbar.
    render(ImportButton, { kind: 'listing', io });
    const user = userEvent.setup();
    const importBtn = screen.getByRole('button', { name: 'Importera Excel' });
    const listingBtn = screen.getByRole('button', { name: 'Importera listning' });
    const exportBtn = screen.getByRole('button', { name: 'Exportera Excel' });
    expect(importBtn).toHaveAccessibleDescription(/Excel-arbetsbok/);
    expect(listingBtn).toHaveAccessibleDescription(/.+/);
    await user.tab();
    expect(importBtn).toHaveFocus();
    await user.tab();
    expect(exportBtn).toHaveFocus();
    await user.tab();
    expect(listingBtn).toHaveFocus();
  });

  it('lists errors with sheet, row and column', () => {
    const io = new IoState();
    io.errors = [
      { sheet: 'Läkare', row: 7, column: 'Tjänstgöringsgrad', message: '"mycket" är inte ett tal.' },
      { sheet: 'Enhet', row: null, column: null, message: 'Bladet "Enhet" saknas.' },
    ];
    render(ImportErrors, { io });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Filen importerades inte');
    const rows = within(alert).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/Läkare\s*7\s*Tjänstgöringsgrad\s*"mycket" är inte ett tal\./);
    expect(rows[2]).toHaveTextContent(/Enhet\s*hela bladet/);
  });

  it('imports a listing through the mapping dialog; personnummer are masked and never shown; one undo step', async () => {
    const io = new IoState();
    render(IoToolbar, { io });
    render(ImportButton, { kind: 'listing', io });
    const user = userEvent.setup();
    const anna = app.plan!.doctors[0];
    const before = anna.listed;
    const csv = `Personnummer;Läkare;Antal listade\n19121212-1212;${anna.name.toUpperCase()};1234\n811228-9874;Helt Ny;55\n`;
    // The CSV is one row per doctor here, with a personnummer column that must be dropped.
    await user.upload(screen.getByTestId('io-import-listing-input'), file(csv, 'lista.csv'));
    const dialog = await screen.findByTestId('io-listing-dialog', {}, { timeout: 10_000 });
    await waitFor(() => expect(dialog).toHaveAttribute('open'), { timeout: 10_000 });
    expect(dialog).toHaveTextContent('Kolumnen "Personnummer" innehåller personnummer');
    expect(dialog.textContent).not.toMatch(/1212-1212|9874/);
    const doctorSelect = within(dialog).getByRole('combobox', { name: /Kolumn för läkare/ });
    expect(doctorSelect).toHaveValue('1');
    expect(within(doctorSelect).getByRole('option', { name: /Personnummer/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Visa resultat per läkare' }));
    const table = await within(dialog).findByTestId('io-listing-result');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/1\s?234/);
    expect(table).toHaveTextContent('Ny läkare');
    await user.click(within(dialog).getByRole('button', { name: 'Uppdatera listade i planen' }));
    await waitFor(() => expect(app.plan!.doctors[0].listed).toBe(1234), { timeout: 10_000 });
    await waitFor(() => expect(io.errors).toEqual([]), { timeout: 10_000 });
    await waitFor(() => expect(io.status ?? '').toMatch(/Listade uppdaterades/), { timeout: 10_000 });
    await app.undo();
    expect(app.plan!.doctors[0].listed).toBe(before);
  });
});

// @vitest-environment jsdom
// The age index's reference table in Inställningar (issue 16.1): shipped and labelled as Norway's 2023
// figures; a typed rate makes it the unit's own table (one undo step), every list's age index follows,
// and "back to Norway" removes it.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { app } from '../../../../src/lib/state/app.svelte';
import { followup } from '../../../../src/lib/state/followup.svelte';
import { NORWAY_2023 } from '../../../../src/lib/engine/ageReference';
import AgeReferenceSettings from '../../../../src/lib/ui/peers/AgeReferenceSettings.svelte';

beforeAll(async () => {
  await app.start();
});
afterAll(() => app.dispose());

describe('AgeReferenceSettings', () => {
  it('shows Norway 2023 as the default, takes the unit’s own rates in one undo step, and goes back', async () => {
    const user = userEvent.setup();
    // The unit's list: 100 patients aged 30–49 and 100 aged 67–79.
    await app.updateUnit({ listAges: { counts: [0, 0, 0, 0, 100, 0, 100, 0, 0] } });
    render(AgeReferenceSettings);
    expect(screen.getByText(/Norge 2023 \(Statistisk sentralbyrå\), medelvärde 3,0 — standard/)).toBeInTheDocument();
    const field = screen.getByLabelText(/^67–79/);
    expect(field).toHaveValue('3,9');
    // (3,2 × 100 + 3,9 × 100) ÷ (200 × 3,0) = 1,183 against Norway.
    expect(app.result!.unit.ageIndex).toBeCloseTo((3.2 * 100 + 3.9 * 100) / (200 * 3), 3);
    await user.clear(field);
    await user.type(field, '4,8{Enter}');
    await tick();
    expect(app.plan!.unit.ageReference?.rates[6]).toBe(4.8);
    expect(app.plan!.unit.ageReference?.rates[4]).toBe(NORWAY_2023.rates[4]);
    expect(app.result!.unit.ageIndex).toBeCloseTo((3.2 * 100 + 4.8 * 100) / (200 * 3), 3);
    expect(screen.getByText(/Enhetens egen tabell: Egen tabell/)).toBeInTheDocument();
    await app.undo();
    await tick();
    expect(app.plan!.unit.ageReference).toBeUndefined();
    await app.redo();
    await tick();
    await user.click(screen.getByRole('button', { name: 'Tillbaka till Norges siffror (2023)' }));
    await tick();
    expect(app.plan!.unit.ageReference).toBeUndefined();
    expect(app.result!.unit.ageIndex).toBeCloseTo((3.2 * 100 + 3.9 * 100) / (200 * 3), 3);
  });

  it('takes the unit’s own visits per age band from a contact log with ages, in one undo step', async () => {
    const user = userEvent.setup();
    await app.updateUnit({ listAges: { counts: [0, 0, 0, 0, 2, 0, 1, 0, 0] } });
    render(AgeReferenceSettings);
    const own = screen.getByTestId('age-reference-own');
    expect(own).toHaveTextContent('Läs in en kontaktlogg med en kolumn för patientens ålder');
    // Two patients aged 30–49 with 3 visits in all, one born 1950 (67–79 at the period's end) with 6.
    const rows = ['Patient;Datum;Läkare;Födelseår'];
    for (const [p, n, y] of [['A', 2, 1985], ['B', 1, 1990], ['C', 6, 1950]] as const)
      for (let i = 0; i < n; i++) rows.push(`${p};2026-0${i + 1}-10;d1;${y}`);
    expect(await followup.loadContacts(new File([rows.join('\n')], 'logg.csv'))).toBe(true);
    await tick();
    expect(own).toHaveTextContent('Ur logg.csv');
    const days = followup.ageVisits!.days;
    await user.click(screen.getByRole('button', { name: 'Använd enhetens egna besökstal som referens' }));
    await tick();
    const ref = app.plan!.unit.ageReference!;
    expect(ref.own).toBe(true);
    expect(ref.name).toContain('logg.csv');
    expect(ref.rates[4]).toBeCloseTo((3 / 2) * (365 / days), 9);
    expect(ref.rates[6]).toBeCloseTo(6 * (365 / days), 9);
    // Against its own rates the unit is 1 by construction.
    expect(app.result!.unit.ageIndex).toBeCloseTo(1, 3);
    await app.undo();
    await tick();
    expect(app.plan!.unit.ageReference).toBeUndefined();
    followup.clearContacts();
  });
});

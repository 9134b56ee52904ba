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
});

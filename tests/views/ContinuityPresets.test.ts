// @vitest-environment jsdom
// SKR's definition as a choice (issue 15 item 6): the continuity panel's definition selector sets
// every option of a preset, every figure says which definition it uses, a change makes it "Eget
// urval", and the same selection is offered as parameters for sql/continuity.sql.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { app } from '../../src/lib/state/app.svelte';
import { followup } from '../../src/lib/state/followup.svelte';
import FollowUpView from '../../src/views/FollowUpView.svelte';

vi.mock('../../src/lib/ui/followup/lineChart', () => ({ createLineChart: () => ({ update: () => {}, destroy: () => {} }) }));
vi.mock('../../src/lib/ui/charts/chartjs', () => ({ createBarChart: () => ({ update: () => {}, destroy: () => {} }) }));

const sp = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

// P1: three visits in the last months (D1, D1, D2). P2: two calls and a visit with D1 this year,
// two visits with D2 more than 12 but less than 18 months back.
const CSV = [
  'Patientnyckel;Datum;Läkare;Kontakttyp',
  'P1;2025-10-01;D1;Besök',
  'P1;2025-11-01;D1;Besök',
  'P1;2025-12-01;D2;Besök',
  'P2;2025-06-01;D1;Telefon',
  'P2;2025-07-01;D1;Telefon',
  'P2;2025-08-01;D1;Besök',
  'P2;2024-09-01;D2;Besök',
  'P2;2024-08-01;D2;Besök',
].join('\n');

beforeAll(async () => {
  await app.start();
});

describe('continuity definitions in the panel', () => {
  it('Standard by default; SKR on request; every figure names its definition; a change is a custom selection', async () => {
    const user = userEvent.setup();
    followup.tab = 'continuity';
    render(FollowUpView);
    await followup.loadContacts(new File([CSV], 'kontakter.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByTestId('continuity-figures')).toBeInTheDocument());

    const select = screen.getByLabelText('Definition') as HTMLSelectElement;
    expect(select.value).toBe('standard');
    expect(screen.getByTestId('continuity-uses')).toHaveTextContent('Definition: Standard (12 månader)');
    const figures = within(screen.getByTestId('continuity-figures'));
    const coc = () => sp(screen.getByText(/Bice–Boxermans kontinuitetsindex/).closest('div')!.querySelector('dd')!.textContent);
    // Standard: P1 (1/3) and P2 (all three with D1: 1) → 0,67.
    expect(coc()).toBe('0,67');
    // Patients, UPC and COC each say it (the named-doctor share is missing: the log has no such column).
    expect(figures.getAllByText('Definition: Standard (12 månader)')).toHaveLength(3);

    await user.selectOptions(select, 'skr');
    expect(select.value).toBe('skr');
    expect(followup.fromIso).toBe('2024-06-02');
    expect(followup.types).toEqual(['visit']);
    expect(followup.ownUnitOnly).toBe(true);
    expect(screen.getByTestId('continuity-uses')).toHaveTextContent('Definition: SKR Primärvårdskvalitet (18 månader)');
    // SKR: visits only, 18 months: P1 1/3, P2 D1 ×1 + D2 ×2 → 1/3.
    expect(coc()).toBe('0,33');
    expect(screen.getByTestId('continuity-definition')).toHaveTextContent('listade patienter med minst 3 läkarbesök de senaste 18 månaderna');
    expect(screen.getByTestId('continuity-sql')).toHaveTextContent("VALUES (CAST('2024-06-02' AS DATE), CAST('2025-12-01' AS DATE), 3, 1, 1);");
    expect(screen.getByTestId('continuity-sql')).toHaveTextContent("('visit')");

    // One change away from the preset: "Eget urval", said in full.
    const min = screen.getByLabelText('Minsta antal kontakter per patient');
    await user.clear(min);
    await user.type(min, '2');
    expect(followup.definition).toBe('custom');
    expect(screen.getByTestId('continuity-uses')).toHaveTextContent('Definition: Eget urval: 2024-06-02 – 2025-12-01, minst 2 kontakter (');
    await user.selectOptions(select, 'standard');
    expect(followup.minContacts).toBe(3);
    expect(followup.fromIso).toBe('2024-12-02');
    expect(coc()).toBe('0,67');
  });
});

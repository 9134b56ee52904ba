// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import DataNotices from '../../../src/lib/ui/DataNotices.svelte';
import { DATA_SV } from '../../../src/lib/strings/data.sv';

vi.mock('../../../src/lib/state/app.svelte', () => ({ app: {} }));

describe('DataNotices', () => {
  it('says nothing when there is nothing to say', () => {
    render(DataNotices, { source: { readOnly: null, notices: [], dismissNotice: vi.fn() } });
    expect(screen.queryByTestId('read-only-notice')).not.toBeInTheDocument();
    expect(screen.queryByTestId('data-notices')).not.toBeInTheDocument();
  });

  it('a read-only tab says why, as an alert', () => {
    render(DataNotices, { source: { readOnly: DATA_SV.errors.readOnly, notices: [], dismissNotice: vi.fn() } });
    expect(screen.getByRole('alert')).toHaveTextContent('Den här webbläsaren har data från en nyare version av Kapacitet');
  });

  it('shows each notice until the user closes it', async () => {
    const dismissNotice = vi.fn(async () => undefined);
    const message = DATA_SV.notices.doctorsKept('Nuläge', 'VC Exempel', [{ name: 'Sara Nyström', from: 'd3' }], 0);
    render(DataNotices, { source: { readOnly: null, notices: [{ id: 'n1', message, createdAt: 1 }], dismissNotice } });
    expect(screen.getByRole('region', { name: 'Meddelanden om dina sparade uppgifter' })).toHaveTextContent('”Sara Nyström” hade samma interna nummer som en annan läkare i planen och har fått ett eget nummer');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Stäng meddelandet' }));
    expect(dismissNotice).toHaveBeenCalledWith('n1');
  });
});

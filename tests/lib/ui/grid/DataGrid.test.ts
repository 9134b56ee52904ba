// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { tick } from 'svelte';
import { render, screen, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GridHarness from './GridHarness.svelte';
import type { GridCellEdit, GridEditSource } from '../../../../src/lib/ui/grid/types';

function setup() {
  const commits: { edits: GridCellEdit[]; source: GridEditSource }[] = [];
  const activated: { row: number; col: string }[] = [];
  const user = userEvent.setup();
  render(GridHarness, { props: { commits, activated } });
  const grid = screen.getByRole('grid', { name: 'Testtabell' });
  const cell = (r: number, c: number) => grid.querySelector<HTMLElement>(`#t-r${r}-c${c}`)!;
  return { commits, activated, user, grid, cell };
}

function paste(target: Element, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  event.clipboardData = { getData: (type: string) => (type === 'text/plain' ? text : '') };
  target.dispatchEvent(event);
}

describe('DataGrid keyboard', () => {
  it('reports the text as typed and how the edit ended (Escape: cancel; Enter: commit after onCommit)', async () => {
    const commits: { edits: GridCellEdit[]; source: GridEditSource }[] = [];
    const drafts: unknown[][] = [];
    const user = userEvent.setup();
    render(GridHarness, { props: { commits, activated: [], drafts } });
    const grid = screen.getByRole('grid', { name: 'Testtabell' });
    await user.click(grid.querySelector<HTMLElement>('#t-r0-c0')!);
    await user.keyboard('XY{Escape}');
    expect(drafts).toEqual([
      [0, 'name', 'X', undefined],
      [0, 'name', 'XY', undefined],
      [0, 'name', null, 'cancel'],
    ]);
    expect(commits).toEqual([]);
    drafts.length = 0;
    await user.keyboard('Z{Enter}');
    expect(commits).toEqual([{ edits: [{ row: 0, col: 'name', text: 'Z' }], source: 'edit' }]);
    expect(drafts).toEqual([
      [0, 'name', 'Z', undefined],
      [0, 'name', null, 'commit'],
    ]);
  });

  it('has one tab stop and moves with arrows, Home/End and Tab', async () => {
    const { user, grid, cell } = setup();
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await user.tab();
    expect(cell(0, 0)).toHaveFocus();
    expect(cell(0, 0)).toHaveAttribute('role', 'rowheader');
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(cell(1, 1)).toHaveFocus();
    expect(cell(1, 1)).toHaveAttribute('tabindex', '0');
    expect(cell(0, 0)).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{End}');
    expect(cell(1, 4)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(cell(1, 0)).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(cell(1, 1)).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(cell(1, 0)).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(cell(0, 0)).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(cell(3, 4)).toHaveFocus();
  });

  it('edits with Enter, commits with Enter and moves down', async () => {
    const { user, cell, commits } = setup();
    await user.click(cell(0, 1));
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: /A, redigerar/ });
    expect(editor).toHaveFocus();
    expect(editor).toHaveValue('1');
    await user.clear(editor);
    await user.type(editor, '2,5{Enter}');
    expect(commits).toEqual([{ edits: [{ row: 0, col: 'a', text: '2,5' }], source: 'edit' }]);
    expect(cell(0, 1)).toHaveTextContent('2,5');
    expect(cell(0, 4)).toHaveTextContent('7,5');
    expect(cell(1, 1)).toHaveFocus();
  });

  it('typing starts an edit replacing the value; Escape cancels and keeps the old value', async () => {
    const { user, cell, commits } = setup();
    await user.click(cell(2, 2));
    await user.keyboard('9');
    const editor = screen.getByRole('textbox', { name: /B, redigerar/ });
    expect(editor).toHaveValue('9');
    await user.keyboard('9{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cell(2, 2)).toHaveTextContent('8');
    expect(cell(2, 2)).toHaveFocus();
    expect(commits).toEqual([]);
  });

  it('F2 edits and Tab commits moving right; a bad value keeps the editor open with an error', async () => {
    const { user, cell, commits } = setup();
    await user.click(cell(0, 3));
    await user.keyboard('{F2}');
    const editor = screen.getByRole('textbox', { name: /C, redigerar/ });
    await user.clear(editor);
    await user.type(editor, 'abc{Tab}');
    expect(screen.getByRole('alert')).toHaveTextContent('Skriv ett tal.');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    await user.clear(editor);
    await user.type(editor, '4{Tab}');
    expect(cell(0, 3)).toHaveTextContent('4');
    expect(cell(0, 4)).toHaveFocus();
    expect(commits.at(-1)?.edits).toEqual([{ row: 0, col: 'c', text: '4' }]);
  });

  it('Enter on a computed cell activates it (explain) instead of editing', async () => {
    const { user, cell, activated } = setup();
    await user.click(cell(1, 4));
    await user.keyboard('{Enter}');
    expect(activated).toEqual([{ row: 1, col: 'sum' }]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('marks a cell with an icon and a message reachable through aria-describedby', () => {
    const { cell } = setup();
    const marked = cell(1, 4);
    const tip = document.getElementById(marked.getAttribute('aria-describedby')!);
    expect(tip).toHaveTextContent('Över kapacitet');
    expect(marked).toHaveTextContent('⚠');
  });

  it('pastes a 3×4 block from Excel as ONE commit: decimal commas, percent, computed column skipped', async () => {
    const { user, cell, commits } = setup();
    await user.click(cell(0, 1));
    // 3 rows × 4 columns from (row 0, col A): A, B, C and the computed Summa (skipped).
    paste(cell(0, 1), '1,5\t2\t3\t99\r\n4\t5,25\t6\t99\r\n7\t8\t50 %\t99\r\n');
    await tick();
    expect(commits).toHaveLength(1);
    expect(commits[0].source).toBe('paste');
    expect(commits[0].edits).toHaveLength(9);
    expect(commits[0].edits.every((e) => e.col !== 'sum')).toBe(true);
    expect(cell(0, 1)).toHaveTextContent('1,5');
    expect(cell(1, 2)).toHaveTextContent('5,25');
    expect(cell(2, 3)).toHaveTextContent('0,5');
    expect(cell(0, 4)).toHaveTextContent('6,5');
  });

  it('Delete clears a cell', async () => {
    const { user, cell, commits } = setup();
    await user.click(cell(1, 1));
    await fireEvent.keyDown(cell(1, 1), { key: 'Delete' });
    expect(commits).toEqual([{ edits: [{ row: 1, col: 'a', text: '' }], source: 'clear' }]);
    expect(cell(1, 1)).toHaveTextContent('0');
  });
});

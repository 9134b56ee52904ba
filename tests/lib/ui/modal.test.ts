// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { closeModal, openModal } from '../../../src/lib/ui/modal';

describe('modal dialogs', () => {
  it('opens, remembers the opener and gives focus back on close', () => {
    document.body.innerHTML = '<button id="opener">Öppna</button><dialog id="d"><button id="inner">Stäng</button></dialog>';
    const opener = document.getElementById('opener') as HTMLButtonElement;
    const dialog = document.getElementById('d') as HTMLDialogElement;
    opener.focus();
    const back = openModal(dialog);
    expect(back).toBe(opener);
    expect(dialog.open).toBe(true);
    (document.getElementById('inner') as HTMLButtonElement).focus();
    closeModal(dialog, back);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('does not move focus to an opener that has left the page', () => {
    document.body.innerHTML = '<button id="opener">Öppna</button><dialog id="d"><button id="inner">x</button></dialog>';
    const opener = document.getElementById('opener') as HTMLButtonElement;
    const dialog = document.getElementById('d') as HTMLDialogElement;
    opener.focus();
    const back = openModal(dialog);
    (document.getElementById('inner') as HTMLButtonElement).focus();
    opener.remove();
    closeModal(dialog, back);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).not.toBe(opener);
  });
});

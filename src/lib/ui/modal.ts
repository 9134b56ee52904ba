/**
 * Opening and closing a modal <dialog> the same way everywhere: the top layer through showModal()
 * (jsdom has none: the `open` attribute shows the same content there), and focus returned to the
 * element that opened it when it closes (WCAG 2.4.3 focus order).
 */

/** Shows the dialog modally; returns the element focus should go back to on close. */
export function openModal(dialog: HTMLDialogElement): HTMLElement | null {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  return opener;
}

/** Closes the dialog (if open) and returns focus to `returnTo` when it is still in the page. */
export function closeModal(dialog: HTMLDialogElement | undefined | null, returnTo: HTMLElement | null | undefined): void {
  if (dialog?.open) {
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }
  if (returnTo?.isConnected) returnTo.focus();
}

/**
 * Every failure reaches the user (issue 12.4): an error or a rejected promise nothing caught is shown
 * as a Swedish message with a way to save a backup, never only in the console. It goes to the app's
 * error box (`app.reportUnexpected`, App.svelte); when the page cannot show that box (the app failed to
 * start or its rendering broke), a plain banner outside Svelte says the same.
 */
import { app } from '../state/app.svelte';
import { DATA_SV } from '../strings/data.sv';
import { APP } from '../strings/ui.sv';

/** Browser noise that is not a failure (Chromium reports a ResizeObserver that skipped a frame). */
function ignorable(e: unknown, message: string): boolean {
  return /ResizeObserver loop/.test(message) || (e instanceof Error && /ResizeObserver loop/.test(e.message));
}

/**
 * A part of the app that loads on first use (the explanations, the import question, a view) could not
 * be fetched: after an update accepted in another tab the old files are gone from the cache, and this
 * tab still runs the old version (issue 11.7 keeps it running rather than reloading it). Chromium,
 * Firefox and Safari word it differently.
 */
export function isStaleChunk(e: unknown): boolean {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(m);
}

const BANNER_ID = 'kapacitet-unexpected-error';

async function saveBackup(status: HTMLElement): Promise<void> {
  try {
    // The one complete backup (issue 11.1), the same as "Spara säkerhetskopia" everywhere else.
    const file = await app.downloadBackup();
    status.textContent = APP.backupSaved(file.filename);
  } catch {
    status.textContent = APP.backupFailed;
  }
}

/** The plain banner (no Svelte): message, backup button, reload button. */
export function showFallbackBanner(doc: Document, message: string): void {
  if (doc.getElementById(BANNER_ID)) return;
  const box = doc.createElement('div');
  box.id = BANNER_ID;
  box.className = 'error-box';
  box.setAttribute('role', 'alert');
  const p = doc.createElement('p');
  p.textContent = message;
  const status = doc.createElement('p');
  status.setAttribute('role', 'status');
  const backup = doc.createElement('button');
  backup.type = 'button';
  backup.className = 'primary';
  backup.textContent = APP.saveBackup;
  backup.addEventListener('click', () => void saveBackup(status));
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = APP.reload;
  reload.addEventListener('click', () => location.reload());
  box.append(p, backup, reload, status);
  doc.body.prepend(box);
}

/** Shows one uncaught error: the app's box when it is on screen, else the plain banner. */
export function reportUncaught(e: unknown, message = ''): void {
  if (ignorable(e, message)) return;
  console.error(e);
  if (isStaleChunk(e) || isStaleChunk(message)) {
    // Not a failure of the data: say what happened and how to go on (a backup and a reload button).
    showFallbackBanner(document, APP.staleVersion);
    return;
  }
  app.reportUnexpected(e ?? message);
  // The box is Svelte's; give it a frame, and fall back when it did not appear (rendering broken,
  // app not started).
  setTimeout(() => {
    if (!document.querySelector('[data-error-kind="unexpected"]')) showFallbackBanner(document, DATA_SV.errors.unexpected);
  }, 300);
}

export function installGlobalErrorHandler(win: Window = window): void {
  win.addEventListener('error', (ev) => reportUncaught(ev.error, ev.message ?? ''));
  win.addEventListener('unhandledrejection', (ev) => reportUncaught(ev.reason));
}

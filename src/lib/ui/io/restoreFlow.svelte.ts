/**
 * "Återställ säkerhetskopia" from anywhere (settings, scenarios, storage warning, first run): a file
 * is read and previewed, and the one RestoreDialog (mounted in App.svelte) asks before anything is
 * written. Module state, so every entry opens the same dialog.
 */
import { app, type OpenedBackup } from '../../state/app.svelte';
import { BACKUP_UI as T } from '../../strings/data.sv';
import { planErrorText } from '../../engine/index';

type Ready = OpenedBackup & { ok: true };

class RestoreFlow {
  /** The file read and its preview, while the dialog asks. */
  pending = $state.raw<Ready | null>(null);
  /** The last outcome, in Swedish (a polite status line). */
  message = $state<string | null>(null);
  errors = $state.raw<string[]>([]);
  busy = $state(false);

  /** Reads a chosen file; opens the dialog, or says why the file cannot be restored. */
  async open(file: Blob): Promise<void> {
    this.message = null;
    this.errors = [];
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.message = T.readFailed;
      return;
    }
    const opened = await app.openBackup(text);
    if (!opened.ok) {
      this.message = T.readFailed;
      this.errors = opened.errors.slice(0, 20).map(planErrorText);
      return;
    }
    this.pending = opened;
  }

  /** A rolling automatic backup (settings' list): the same preview and the same restore as a file. */
  async openStored(id: string): Promise<void> {
    this.message = null;
    this.errors = [];
    const opened = await app.openStoredBackup(id);
    if (!opened.ok) {
      this.message = T.readFailed;
      this.errors = opened.errors.slice(0, 20).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
      return;
    }
    this.pending = opened;
  }

  async confirm(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    this.busy = true;
    try {
      const ok = await app.restoreBackupFile(p.file);
      this.message = ok ? T.restored : T.restoreFailed;
      if (ok && app.firstRunPending) await app.finishFirstRun();
      return ok;
    } finally {
      this.busy = false;
      this.pending = null;
    }
  }

  cancel(): void {
    this.pending = null;
  }

  /** "Spara säkerhetskopia": the file is written and downloaded; the outcome is said. */
  async save(): Promise<void> {
    this.errors = [];
    try {
      const { filename } = await app.downloadBackup();
      this.message = T.saved(filename);
    } catch (e) {
      this.message = `${T.saveFailed} ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

export const restoreFlow = new RestoreFlow();

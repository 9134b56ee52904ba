// Swedish strings for offline use, storage durability and the printable report (owner OFFLINE).
// A leaf: imports nothing.

export const PWA_SV = {
  updateTitle: 'En ny version av Kapacitet finns',
  updateBody: 'Dina ändringar är sparade. Ladda om när det passar – till exempel efter mötet.',
  updateNow: 'Ladda om nu',
  updateLater: 'Senare',
  offlineReadyTitle: 'Kapacitet fungerar nu utan nätverk',
  offlineReadyBody: 'Appen är sparad i webbläsaren och kan öppnas även utan uppkoppling.',
  offlineReadyOk: 'Uppfattat',
  registerError: 'Kunde inte förbereda appen för användning utan nätverk. Den fungerar ändå medan sidan är öppen.',
  reloading: 'Laddar om …',
} as const;

export const STORAGE_SV = {
  regionLabel: 'Lagring i webbläsaren',
  notPersistedTitle: 'Webbläsaren kan radera dina uppgifter',
  notPersistedBody:
    'Uppgifterna sparas bara i den här webbläsaren. Om datorn får ont om utrymme kan webbläsaren rensa dem. ' +
    'Spara en säkerhetskopia som fil, eller be webbläsaren att spara uppgifterna permanent.',
  requestPersist: 'Spara permanent i webbläsaren',
  requestPersistDenied: 'Webbläsaren sa nej till permanent lagring. Spara en säkerhetskopia som fil regelbundet.',
  persistedNow: 'Uppgifterna sparas nu permanent i den här webbläsaren.',
  backupNow: 'Spara säkerhetskopia (fil)',
  backupSaved: 'Säkerhetskopian är sparad som fil.',
  backupFailed: 'Kunde inte spara säkerhetskopian',
  dismiss: 'Dölj',
  dismissWeek: 'Dölj i en vecka',
  why: 'Varför?',
  quotaTitle: 'Webbläsarens lagringsutrymme är fullt',
  quotaBody:
    'Den senaste ändringen kunde inte sparas. Spara en säkerhetskopia som fil nu, och frigör sedan utrymme ' +
    '(till exempel gamla säkerhetskopior i appen eller andra webbplatsers data).',
  underPermille: 'under 0,1\u00a0%',
  usage: (used: string, quota: string, percent: string) => `Använt ${used} av ${quota} (${percent})`,
  unavailable: 'Webbläsaren låter inte appen spara något (privat läge?). Ändringar försvinner när fliken stängs.',
} as const;

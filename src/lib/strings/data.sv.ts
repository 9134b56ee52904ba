/** Swedish texts of the data layer (db + core state): errors, backup reasons, default names. */

export const DATA_SV = {
  defaultPlanName: 'Nuläge',
  newUnitName: 'Ny enhet',
  copyOf: (name: string) => `Kopia av ${name}`,
  formerCurrent: (date: string) => `Tidigare nuläge ${date}`,
  /** The promoted scenario keeps its own name visible, so the unit can see which plan now applies. */
  promotedCurrent: (scenario: string) => `Nuläge (från ${scenario})`,
  restoredPlan: (name: string, date: string) => `${name} (återställd ${date})`,
  /** File name part of the backup of a unit's plans ("<enhet> – alla planer.kapacitet.json"). */
  allPlansFile: 'alla planer',
  /** File name of the complete backup ("Kapacitet säkerhetskopia 2026-12-01.kapacitet-backup.json"). */
  backupFileName: 'Kapacitet säkerhetskopia',

  errors: {
    quota:
      'Lagringsutrymmet i webbläsaren är fullt, så ändringen sparades inte. Inget av planen har ändrats. ' +
      'Spara en säkerhetskopia (planfil), ta bort gamla scenarier eller enheter och försök igen.',
    storage:
      'Det gick inte att spara i webbläsarens lagring, så inget av planen har ändrats. Försök igen; om det händer igen, ' +
      'spara en säkerhetskopia (planfil) och ladda om sidan.',
    tooManyScenarios: (max: number) =>
      `Enheten har redan ${max} scenarier, så inget nytt lades till. Ta bort scenarier som inte behövs och försök igen.`,
    /** Any error nothing else caught (global handler). */
    unexpected:
      'Något gick oväntat fel i Kapacitet, så det du just gjorde kanske inte blev klart. Det som redan var sparat finns kvar. ' +
      'Spara en säkerhetskopia nu och ladda sedan om sidan.',
    unexpectedDetail: (detail: string) => `Teknisk uppgift (för den som felsöker): ${detail}`,
    /** IndexedDB refused a value as too large (e.g. a plan file of hundreds of MB). */
    tooLarge:
      'Det här är för stort för att sparas i webbläsarens lagring, så inget har ändrats. ' +
      'Dela upp planen (högst 2 000 läkare) eller ta bort det som inte behövs och försök igen.',
    open:
      'Det gick inte att öppna webbläsarens lagring. Privat läge eller blockerade webbplatsdata kan vara orsaken. ' +
      'Kapacitet kan inte spara något förrän lagringen fungerar.',
    openBlocked: 'Kapacitet är öppen i en äldre version i en annan flik. Stäng de andra flikarna och ladda om sidan.',
    /** Another tab opened a newer version of the app and upgraded the database: this tab is the old one. */
    upgradedElsewhere:
      'Kapacitet har uppdaterats i en annan flik. Ladda om sidan för att fortsätta med den nya versionen; inget av det du sparat har gått förlorat.',
    readOnly:
      'Den här webbläsaren har data från en nyare version av Kapacitet. Den här versionen kan visa planerna men inte ändra dem, ' +
      'så att inget av den nyare versionens data går förlorat. Ladda om sidan (eller öppna Kapacitet där du använde den nyare versionen) ' +
      'för att fortsätta arbeta. Du kan spara planerna som fil under tiden.',
    readOnlyUnreadable:
      'Den här webbläsaren har data från en nyare version av Kapacitet som den här versionen inte kan läsa. Inget har ändrats. ' +
      'Ladda om sidan eller öppna Kapacitet där du använde den nyare versionen.',
    invalidEdit: 'Ändringen gjordes inte eftersom planen då skulle bli ogiltig:',
    personnummer: 'Ändringen gjordes inte: texten ser ut som ett personnummer. Kapacitet sparar aldrig personnummer.',
    noPlan: 'Ingen plan är vald.',
    planGone: 'Planen har tagits bort (kanske i en annan flik). Välj en annan plan.',
    unitGone: 'Enheten finns inte längre (kanske borttagen i en annan flik).',
    doctorGone: 'Läkaren finns inte längre i planen (kanske borttagen i en annan flik).',
    doctorIdTaken:
      'En annan flik lade till en läkare samtidigt, så tillägget gjordes inte. Planen visar nu det senaste; försök igen.',
    deleteCurrentPlan: 'Nuläget kan inte tas bort. Gör ett scenario till nuläge först, eller ta bort hela enheten.',
    promoteCurrent: 'Planen är redan enhetens nuläge.',
    backupGone: 'Säkerhetskopian finns inte längre.',
    backupBroken: 'Säkerhetskopian kunde inte läsas:',
    fileInvalid: 'Filen kunde inte läsas som en Kapacitet-plan. Inget har ändrats.',
    emptyName: 'Namnet får inte vara tomt.',
    planNotMigrated: (plan: string, detail: string) =>
      `Den sparade planen ”${plan}” kunde inte uppgraderas till den här versionen av Kapacitet (${detail}). ` +
      'Inget har ändrats; den tidigare versionen av dina data finns kvar.',
  },

  /** Notices a migration leaves for the user (shown once, until closed). */
  notices: {
    /**
     * After an upgrade kept every doctor of a plan: who got a new internal number (their own was another
     * doctor's, or missing) and how many entries were not doctors at all. Names only, never the numbers.
     */
    doctorsKept: (plan: string, unit: string, renamed: { name: string; from: string }[], unreadable: number): string => {
      const where = unit ? `Planen ”${plan}” för ${unit}` : `Planen ”${plan}”`;
      const names = (list: { name: string }[]) => {
        const quoted = list.map((d) => (d.name.trim() ? `”${d.name.trim()}”` : 'en läkare utan namn'));
        return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} och ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
      };
      const own = (n: number) => (n === 1 ? 'ett eget nummer' : 'egna nummer');
      const shared = renamed.filter((d) => d.from !== '');
      const missing = renamed.filter((d) => d.from === '');
      const sentences: string[] = [];
      if (shared.length) sentences.push(`${where}: ${names(shared)} hade samma interna nummer som en annan läkare i planen och har fått ${own(shared.length)}.`);
      if (missing.length) sentences.push(`${shared.length ? '' : `${where}: `}${names(missing)} saknade internt nummer och har fått ${own(missing.length)}.`);
      if (renamed.length) sentences.push('Ingen läkare har tagits bort; kontrollera gärna läkarlistan.');
      if (unreadable > 0) {
        sentences.push(
          `${unreadable === 1 ? 'En rad' : `${unreadable} rader`} i läkarlistan för ”${plan}” kunde inte läsas som läkare; ` +
            `${unreadable === 1 ? 'den' : 'de'} finns kvar i planen och följer med när planen sparas som fil.`,
        );
      }
      return sentences.join(' ');
    },
  },

  undo: {
    unit: 'Ändra enhetsuppgifter',
    doctor: 'Ändra läkare',
    doctors: 'Ändra flera läkare',
    addDoctor: 'Lägg till läkare',
    pasteRows: (n: number) => `Klistra in ${n === 1 ? 'en ny läkare' : `${n} nya läkare`}`,
    removeDoctor: 'Ta bort läkare',
    moveDoctor: 'Flytta läkare',
    duties: 'Ändra uppdrag',
    profile: 'Byt regelprofil',
    model: 'Byt beräkningsmodell',
    time: 'Ändra tidsantaganden',
    import: 'Import',
    restore: 'Återställning',
    file: 'Öppna planfil',
    undoOf: (label: string) => `Ångra: ${label}`,
    /** Undo refused: another tab changed a field of the step later (issue 11.7). */
    staleStep: (label: string, doctors: string[]) =>
      `”${label}” ångrades inte: ${doctors.length ? `uppgifterna för ${doctors.join(', ')} har` : 'det har'} ändrats i en annan flik efteråt, ` +
      'och Kapacitet skriver aldrig över en senare ändring med en äldre. Steget är borttaget ur Ångra; ändra värdet direkt om du vill.',
    redoOf: (label: string) => `Gör om: ${label}`,
  },

  backupReasons: {
    auto: 'Automatisk',
    import: 'Före import',
    restore: 'Före återställning',
    file: 'Före öppnad planfil',
    promote: 'Före byte av nuläge',
    'delete-plan': 'Före borttagning av scenario',
    'delete-unit': 'Före borttagning av enhet',
    manual: 'Manuell',
  },
} as const;

/** The complete backup file (kapacitet/backup): reading, checking and the restore preview. */
export const BACKUP_SV = {
  currentPlan: 'Nuläge',
  unnamedUnit: 'Enhet från fil',
  notJson: 'Filen är inte en säkerhetskopia från Kapacitet (den är inte JSON).',
  notBackup: 'Filen är varken en säkerhetskopia eller en planfil från Kapacitet.',
  badVersion: 'Filens versionsnummer kan inte läsas.',
  newerVersion: 'Säkerhetskopian kommer från en nyare version av Kapacitet. Ladda om sidan för att få den senaste versionen och försök igen.',
  noStores: 'Säkerhetskopian saknar innehåll.',
  notList: 'ska vara en lista.',
  notRecord: 'ska vara en post med fält.',
  missingField: 'saknas eller är inte text.',
  unknownPlan: 'hör till en plan som inte finns i filen.',
  unknownUnit: 'hör till en enhet som inte finns i filen.',
  badKind: 'ska vara nuläge eller scenario.',
  /** What each store holds, in the restore preview (plural, lower case after a number). */
  stores: {
    units: 'enheter',
    plans: 'planer och scenarier',
    doctors: 'läkarrader',
    workshops: 'APT-möten med anteckningar och åtgärder',
    snapshots: 'månadsbilder (uppföljning)',
    settings: 'inställningar (bl.a. kontinuitetens utgångslägen)',
    ruleProfiles: 'egna regelprofiler',
    listingMappings: 'sparade kolumnval för listningsimport',
    backups: 'automatiska säkerhetskopior',
    history: 'ångra-historik',
  },
} as const;

/** The demo ("Titta på exemplet"): its scenarios, meeting and profile. Every name is fictive. */
export const DEMO_SV = {
  currentPlan: 'Nuläge',
  scenarioSt: 'Exempel: en ST-läkare till',
  scenarioRecruit: 'Exempel: specialist i stället för hyrläkare',
  meetingTitle: 'APT om fast läkarkontakt (exempel)',
  participants: 'Verksamhetschef, läkargruppen, sjuksköterskor och medicinska sekreterare',
  note: 'Många multisjuka saknar fast läkarkontakt; vi börjar med dem som har hemsjukvård.',
  obstacle: 'Telefontiderna räcker inte till för att boka om patienter till sin egen läkare.',
  opportunity: 'ST-läkaren kan ta över listan för SÄBO-patienterna efter sommaren.',
  action1: 'Gå igenom listan över multisjuka utan fast läkarkontakt',
  owner1: 'Anna Lindqvist',
  action2: 'Berätta om fast läkarkontakt på nästa patientmöte',
  owner2: 'Verksamhetschefen',
  profileName: 'Exempel: egen regelprofil',
  /** The undo label of the first scenario's step (DATA_SV.undo.addDoctor). */
  historyStep: 'Lägg till läkare',
  baselineDefinition: 'SKR Primärvårdskvalitet (18 månader)',
} as const;

/** The one backup and the one restore, named the same everywhere (storage warning, settings, scenarios, first run). */
export const BACKUP_UI = {
  save: 'Spara säkerhetskopia',
  saveHint: 'En fil med allt i den här webbläsaren: alla enheter, planer och scenarier, APT-möten, månadsbilder, utgångslägen för kontinuitet, egna regelprofiler och inställningar.',
  restore: 'Återställ säkerhetskopia',
  saved: (file: string) => `Säkerhetskopian är sparad: ${file}.`,
  saveFailed: 'Säkerhetskopian kunde inte sparas:',
  readFailed: 'Filen kunde inte läsas som en säkerhetskopia. Inget har ändrats:',
  dialogTitle: 'Återställ säkerhetskopia',
  writtenAt: (when: string) => `Säkerhetskopian skrevs ${when}.`,
  fromPlanFile: 'Filen är en planfil (eller en fil med alla planer) från Kapacitet. Den läggs till som en ny enhet; inget som finns här ändras.',
  holds: 'Det här finns i filen och så här påverkas webbläsarens data:',
  colWhat: 'Innehåll',
  colInFile: 'I filen',
  colAdded: 'Läggs till',
  colReplaced: 'Ersätter befintligt',
  colSame: 'Redan likadant',
  unitsHeading: 'Enheter i filen',
  unitExists: 'finns redan här och ersätts av filens version',
  unitNew: 'ny',
  keeps: 'Inget som finns här men inte i filen tas bort. Varje plan som ersätts sparas först som en automatisk säkerhetskopia. Allt återställs på en gång, eller inget alls.',
  confirm: 'Återställ',
  cancel: 'Avbryt',
  restored: 'Säkerhetskopian är återställd.',
  restoreFailed: 'Säkerhetskopian kunde inte återställas. Inget har ändrats.',
} as const;

/** The first-run choice of a fresh browser (issue 11.6). */
export const FIRST_RUN = {
  heading: 'Välkommen till Kapacitet',
  intro: 'Allt du gör sparas bara i den här webbläsaren; inget skickas någonstans. Hur vill du börja?',
  demo: 'Titta på exemplet',
  demoHint: 'En påhittad vårdcentral med två scenarier, ett APT-möte, tolv månaders uppföljning och ett utgångsläge för kontinuitet.',
  own: 'Börja med en egen enhet',
  ownHint: 'En tom plan för er enhet. Exemplet finns kvar och kan tas bort när du vill.',
  ownName: 'Enhetens namn',
  ownDefault: 'Min vårdcentral',
  ownCreate: 'Skapa enheten',
  import: 'Importera en fil',
  importHint: 'En arbetsbok (.xlsx), en planfil eller en säkerhetskopia (.json). Filen läggs till som en ny enhet.',
  demoLabel: 'Exempel',
  demoLabelHint: 'Påhittade uppgifter att prova med',
} as const;

/** The plan in view, named in the header on every view (issue 11.4). */
export const PLAN_IN_VIEW = {
  label: 'Du arbetar i',
  scenario: 'Scenario',
  scenarioHint: 'Ändringar här påverkar bara scenariot, inte enhetens nuläge.',
  current: 'Nuläge',
  demo: 'Exempel',
  demoHint: 'Påhittade uppgifter att prova med',
} as const;

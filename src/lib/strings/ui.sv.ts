// Every user-visible Swedish string of the core UI (app shell, unit/doctor views, grid, charts,
// explain dialog, settings). A leaf: imports nothing.

export const APP = {
  title: 'Kapacitet',
  tagline: 'Planering av fast läkarkontakt',
  skipLink: 'Hoppa till innehållet',
  navLabel: 'Huvudmeny',
  loading: 'Läser in …',
  loadError: 'Appen kunde inte läsa sina data.',
  toolbarLabel: 'Verktyg för planen',
  unitSelectLabel: 'Enhet',
  planSelectLabel: 'Plan',
  newUnit: 'Ny tom enhet',
  newUnitPrompt: 'Namn på den nya enheten',
  newUnitDefault: 'Ny vårdcentral',
  newUnitCreate: 'Skapa',
  newUnitFromDemo: 'Börja från demoenheten (exempeldata)',
  cancel: 'Avbryt',
  deleteUnit: 'Ta bort enheten',
  /** The header's disclosure for what is used once in a while (new unit, delete unit, listing). */
  more: 'Fler val',
  deleteUnitConfirm: (name: string) =>
    `Vill du ta bort enheten ”${name}” med alla dess planer? Det går inte att ångra (men säkerhetskopior finns kvar under Inställningar).`,
  deleteConfirmButton: 'Ta bort',
  undo: 'Ångra',
  redo: 'Gör om',
  undoHint: 'Ångra (Ctrl+Z)',
  redoHint: 'Gör om (Ctrl+Y)',
  saved: 'Sparat lokalt',
  saving: 'Sparar …',
  notSaved: 'Inte sparat',
  closeError: 'Stäng meddelandet',
  /** The global error handler (main.ts): an uncaught error. */
  saveBackup: 'Spara säkerhetskopia',
  backupSaved: (file: string) => `Säkerhetskopian sparades som ${file}.`,
  backupFailed: 'Säkerhetskopian kunde inte sparas. Ladda om sidan och försök igen; det som var sparat finns kvar.',
  reload: 'Ladda om sidan',
  /** A part of the app loaded on first use is gone: a newer version was installed in another tab. */
  staleVersion: 'Kapacitet har uppdaterats sedan sidan öppnades, och den här delen finns bara i den nya versionen. Ladda om sidan – det du har skrivit finns kvar.',
  startFailed: 'Kapacitet kunde inte starta. Ladda om sidan; det som var sparat finns kvar i webbläsaren.',
} as const;

export const DATA_NOTICES = {
  label: 'Meddelanden om dina sparade uppgifter',
} as const;

export const VIEWS = {
  enhet: 'Enhet',
  lakare: 'Läkare',
  lakarsamtal: 'Läkarsamtal',
  diagram: 'Diagram',
  scenarier: 'Scenarier',
  apt: 'APT',
  uppfoljning: 'Uppföljning',
  rapport: 'Rapport',
  oversikt: 'Översikt',
  installningar: 'Inställningar',
  ordlista: 'Ordlista och hjälp',
} as const;

export const UNIT = {
  heading: 'Enhetsdel',
  intro: 'Enhetens uppgifter. Ändringar räknas om direkt och sparas lokalt i webbläsaren.',
  inputsHeading: 'Enhetens uppgifter',
  name: 'Enhetens namn',
  nameRequired: 'Namnet får inte vara tomt.',
  namePersonnummer: 'Namnet sparades inte: texten ser ut som ett personnummer. Kapacitet sparar aldrig personnummer. Det du skrev står kvar så att du kan ändra det.',
  listed: 'Listade invånare',
  careWeight: 'Vårdtyngd (index, 1,0 = blandad befolkning)',
  withNamedDoctor: 'Listade med fast läkarkontakt i dag',
  withNamedDoctorNursingHome: 'SÄBO-boende med fast läkarkontakt',
  targetCoverage: 'Mål: andel listade med fast läkarkontakt',
  priorityHeading: 'Prioriterade grupper (antal patienter)',
  priority: {
    multimorbid: 'Multisjuka',
    nursingHome: 'Boende på SÄBO',
    homeCare: 'Hemsjukvård',
    palliative: 'Palliativ vård',
    chronic: 'Annat kontinuerligt vårdbehov',
  },
  summaryHeading: 'Sammanfattning',
  capacity: 'Kapacitet',
  capacityGuideline: 'Kapacitet enligt riktvärdet',
  capacityTime: 'Kapacitet enligt tidsmodellen',
  chosenModel: 'vald modell',
  noDoctorsYet: 'Enheten har inga läkare ännu, så kapaciteten är 0.',
  addDoctorsLink: 'Lägg till läkare under Läkare',
  noListedYet: 'Fyll i Listade invånare så räknas andelarna (”–” tills dess: en andel av 0 listade säger inget).',
  coverageToday: 'Andel med fast läkarkontakt i dag',
  coveragePossible: 'Möjlig andel med fast läkarkontakt',
  targetLabel: 'Mål',
  gapPatients: 'Glapp (patienter utan plats)',
  fteNeeded: 'Extra heltidsspecialister som behövs',
  priorityCovered: 'Prioriterade som ryms i kapaciteten',
  /** Issue 10.2: why this differs from the allocation's placements, in one sentence. */
  priorityCoveredWhy: (capacity: string, free: string) =>
    `Räknar hela enhetens kapacitet (${capacity} patienter), som om de prioriterade fick plats först; förslaget under Uppföljning → Fördelning räknar bara de ${free} lediga platserna på dagens listor.`,
  of: 'av',
  patients: 'patienter',
  findingsHeading: 'Anmärkningar',
  modelDiffHeading: 'Varför modellerna skiljer sig',
  modelDiffIntro: (diff: string, timeHigher: boolean) =>
    `Tidsmodellen ger ${diff} patienter ${timeHigher ? 'mer' : 'mindre'} än riktvärdet för hela enheten. Störst skillnad hos:`,
  doctor: 'Läkare',
  likelyCause: 'Trolig orsak',
  causeSt:
    'ST-läkare: riktvärdet följer utbildningens gång, tidsmodellen räknar med full arbetstid för patienter (lokalt antagande om ST-rampen).',
  causeTimeAssumptions:
    'Tidsmodellens antaganden (besökstid, besök per patient och år, andel indirekt tid, andel för egna listade) – se Inställningar. Tjänstgöringsgrad, uppdrag, frånvaro och vårdtyngd påverkar båda modellerna lika.',
  noFindings: 'Inga anmärkningar: planen följer regelprofilens regler.',
  goToField: 'Gå till fältet',
  invalidNumber: 'Skriv ett tal, t.ex. 1 100 eller 0,8.',
  negative: 'Talet får inte vara negativt.',
} as const;

export const SEVERITY = {
  error: 'Fel',
  warning: 'Varning',
  info: 'Information',
} as const;

export const EXPLAIN = {
  open: (label: string) => `visa uträkning: ${label}`,
  buttonText: 'Visa uträkning',
  close: 'Stäng',
  formula: 'Uträkning',
  rule: 'Regel',
  inputs: 'Indata',
  notes: 'Att veta',
  value: 'Värde',
  missing: 'Det finns ingen förklaring för det här talet.',
} as const;


export const NUMBER_ERRORS = {
  notNumber: 'Skriv ett tal, t.ex. 1 100 eller 0,8.',
  negative: 'Talet får inte vara negativt.',
  positive: 'Talet måste vara större än 0.',
  atMost: (max: number) => `Talet får vara högst ${String(max).replace('.', ',')}.`,
  share: 'Skriv en andel mellan 0 och 100 %.',
  integer: 'Skriv ett heltal.',
} as const;

/**
 * Lists on paper (domain.md §6, Vårdanalys 2023): the one sentence the unit summary, the report and the APT
 * figures say when more patients have a named doctor than the doctors have capacity for.
 */
export const PAPER_LIST = {
  label: 'Fast läkarkontakt bara på papperet',
  /** After the number: "1 184 patienter har en fast läkarkontakt som …". */
  one: 'patient har en fast läkarkontakt som läkarnas kapacitet inte räcker till.',
  many: 'patienter har en fast läkarkontakt som läkarnas kapacitet inte räcker till.',
  none: 'Läkarnas kapacitet räcker till alla som har en fast läkarkontakt i dag.',
  /** The second sentence: where the number comes from, in the plan's own figures. */
  because: (withNamed: string, capacity: string) =>
    `${withNamed} listade har en fast läkarkontakt i dag, och läkarnas kapacitet räcker till ${capacity} patienter.`,
  reportLead: 'Det viktigaste',
} as const;

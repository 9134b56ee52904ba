/**
 * Swedish texts of the calculation engine: category and duty names, finding messages,
 * explanation words, profile names, plan-file validation messages.
 * A leaf: imports nothing. Numbers arrive already formatted (sv-SE) from the engine.
 */

/** Category words as the workbook writes them (contracts.md, sheet Läkare) and as tables show them. */
export const CATEGORY_LABELS = {
  specialist: 'specialist',
  st: 'ST',
  geriatrician: 'geriatriker',
  pediatrician: 'barnläkare',
  dispensation: 'dispens',
  locum: 'hyrläkare',
  junior: 'AT/BT',
} as const;

/** Longer category names for forms and explanations. */
export const CATEGORY_NAMES = {
  specialist: 'Specialist i allmänmedicin',
  st: 'ST-läkare i allmänmedicin',
  geriatrician: 'Specialist i geriatrik (listan bara 65 år och äldre)',
  pediatrician: 'Specialist i barn- och ungdomsmedicin (listan bara 0–17 år)',
  dispensation: 'Annan specialist med dispens',
  locum: 'Hyr-, stafett- eller konsultläkare',
  junior: 'AT/BT-läkare',
} as const;

/** Duty kinds as the workbook's column headers name them (without "(tim/v)"). */
export const DUTY_LABELS = {
  supervision: 'Handledning',
  management: 'Ledning',
  research: 'Forskning',
  side: 'Sidouppdrag',
  meetings: 'Möten',
  other: 'Övrigt',
} as const;

/**
 * What people type for each category besides its code, its short word (CATEGORY_LABELS) and its long
 * name (CATEGORY_NAMES): read by the grid, the plan file, the workbook import and the workbook's own
 * formulas (engine/vocabulary.ts). Case, diacritics, hyphens, slashes and extra spaces never matter.
 */
export const CATEGORY_WORDS = {
  specialist: [
    'specialist i allmänmedicin', 'allmänspecialist', 'allmänläkare', 'distriktsläkare', 'husläkare', 'familjeläkare',
    'specialistläkare i allmänmedicin', 'gp', 'general practitioner', 'family physician',
  ],
  st: ['st-läkare', 'st-läkare i allmänmedicin', 'st i allmänmedicin', 'specialiseringstjänstgöring', 'trainee', 'gp trainee'],
  geriatrician: ['geriatrik', 'specialist i geriatrik', 'geriatrician'],
  pediatrician: [
    'barn', 'barnläkare', 'barn- och ungdomsläkare', 'barn- och ungdomsmedicin', 'specialist i barn- och ungdomsmedicin',
    'pediatriker', 'pediatrician', 'paediatrician',
  ],
  dispensation: ['dispensation', 'annan specialist med dispens', 'specialist med dispens'],
  locum: ['hyr', 'hyrläkare', 'stafett', 'stafettläkare', 'konsult', 'konsultläkare', 'hyr-, stafett- eller konsultläkare', 'locum', 'locum tenens'],
  junior: ['at', 'bt', 'at-läkare', 'bt-läkare', 'at/bt-läkare', 'allmäntjänstgöring', 'bastjänstgöring', 'junior', 'junior doctor', 'intern'],
} as const;

/** What people type for each duty kind besides its code and its column word (DUTY_LABELS). */
export const DUTY_WORDS = {
  supervision: ['handledare', 'handledning av st', 'supervision'],
  management: ['ledningsuppdrag', 'chef', 'mla', 'medicinskt ledningsansvar', 'medicinskt ledningsansvarig', 'management'],
  research: ['fou', 'forskning och utveckling', 'research'],
  side: ['sidotjänstgöring', 'side assignment', 'side'],
  meetings: ['möte', 'apt', 'läkarmöte', 'meeting', 'meetings'],
  other: ['annat', 'övriga uppdrag', 'other'],
} as const;

/** The model as the workbook writes it in `Enhet` (one word each), and every other word read as it. */
export const MODEL_WORDS = {
  guideline: ['riktvärde', 'riktvärdet', 'riktvärdet (uppifrån)', 'uppifrån', 'guideline'],
  time: ['tid', 'tidsmodell', 'tidsmodellen', 'tidsmodellen (nerifrån)', 'nerifrån', 'time'],
} as const;

export const AGE_GROUP_LABELS = {
  all: 'alla åldrar',
  '65+': '65 år och äldre',
  '0-17': '0–17 år',
} as const;

export const MODEL_LABELS = {
  guideline: 'riktvärdet (uppifrån)',
  time: 'tidsmodellen (nerifrån)',
} as const;

export const SEVERITY_LABELS = { error: 'Fel', warning: 'Varning', info: 'Information' } as const;

export const PRIORITY_LABELS = {
  multimorbid: 'multisjuka',
  nursingHome: 'boende på SÄBO',
  homeCare: 'hemsjukvård',
  palliative: 'palliativ vård',
  chronic: 'annat kontinuerligt vårdbehov',
} as const;

export const PROFILE_TEXT = {
  national: {
    name: 'Nationellt riktvärde',
    source:
      'Socialstyrelsens nationella riktvärde (2022): 1 100 invånare per heltidsspecialist, 550 per ST-läkare i mitten av utbildningen; målen i överenskommelserna om God och nära vård (Vårdanalys PM 2022:5 och uppföljningen 2023).',
  },
  vgr: {
    name: 'Västra Götalandsregionen',
    source:
      'VGR:s tillämpningsanvisning för stimulansersättning för fast läkarkontakt: 600–2 400 listade och högst 800 listningspoäng per heltid, ST hälften, minst 70 % med fast läkarkontakt, minst ett års planerad anställning.',
  },
  vastmanland: {
    name: 'Region Västmanland',
    source:
      'Region Västmanland, vårdvalsinformation nr 14/21: hyr-, stafett- och konsultläkare kan inte vara fast läkarkontakt; deras patienter står på fiktiva listor som börjar med vårdcentralens namn.',
  },
  varmland: {
    name: 'Region Värmland',
    source:
      'Region Värmland: 1 500 invånare per fast läkarkontakt som ett steg mot det nationella riktvärdet 1 100. ST-värdet 750 är hälften, som i det nationella riktvärdet (lokalt antagande).',
  },
  custom: { name: 'Egen profil', source: 'Egna värden, sparade med planen.' },
  stimulusPeriod: 'enligt regionens beslut (rapporteras månadsvis)',
} as const;

/** Finding messages. Every argument is a formatted number or a name. */
export const FINDING_TEXT = {
  listBelowMin: (name: string, listed: string, min: string) =>
    `${name} har ${listed} listade, under profilens golv på ${min} för sin tjänstgöringsgrad.`,
  listAboveMax: (name: string, listed: string, max: string) =>
    `${name} har ${listed} listade, över profilens tak på ${max} för sin tjänstgöringsgrad.`,
  pointsAboveMax: (name: string, points: string, max: string) =>
    `${name} har ${points} listningspoäng, över profilens tak på ${max} poäng för sin tjänstgöringsgrad.`,
  coverageBelowThreshold: (coverage: string, threshold: string, withNamed: string, listed: string) =>
    `${withNamed} av ${listed} listade (${coverage}) har en fast läkarkontakt i dag, under profilens tröskel på ${threshold}.`,
  locumHoldsList: (name: string, listed: string) =>
    `${name} är hyrläkare och kan inte vara fast läkarkontakt, men har ${listed} listade. Lägg patienterna på en fiktiv lista.`,
  fictiveListName: (name: string, listName: string, unitName: string) =>
    `Den fiktiva listan ”${listName}” för ${name} ska börja med vårdcentralens namn (”${unitName} Dr …”).`,
  notEligibleJunior: (name: string, listed: string) =>
    `${name} är AT/BT-läkare och kan inte vara fast läkarkontakt, men har ${listed} listade.`,
  notEligibleAgeGroup: (name: string, group: string) =>
    `${name} får vara fast läkarkontakt bara för ${group}, om inte dispens finns. Kontrollera att listan bara har den åldersgruppen.`,
  shortEmployment: (name: string, end: string, months: string, limit: string) =>
    `${name} har planerat slut ${end}, mindre än ${months} månader fram (före ${limit}). En fast läkarkontakt bör finnas kvar minst så länge.`,
  overCapacity: (name: string, listed: string, capacity: string, over: string, load: string) =>
    `${name} har ${listed} listade men kapacitet för ${capacity}: ${over} fler än kapaciteten (belastning ${load}).`,
  priorityUncovered: (capacity: string, priority: string, missing: string) =>
    `Kapaciteten ${capacity} räcker inte till alla ${priority} patienter i prioriterade grupper; ${missing} blir utan fast läkarkontakt.`,
  dutiesExceedTime: (name: string, duties: string, available: string) =>
    `${name} har ${duties} timmar i veckan med andra uppdrag men bara ${available} timmars tjänstgöring i veckan.`,
  goalCoverage: (coverage: string, goal: string) =>
    `${coverage} av de listade har en fast läkarkontakt i dag; det nationella målet är minst ${goal}.`,
  goalNursingHome: (share: string, goal: string, withNamed: string, total: string) =>
    `${withNamed} av ${total} boende på SÄBO (${share}) har en fast läkarkontakt; det nationella målet är minst ${goal}.`,
} as const;

/** Plan-file validation messages (parsePlan). */
export const PARSE_TEXT = {
  notJson: (line: string, column: string) =>
    line ? `Filen är inte en läsbar planfil: texten är avbruten eller felskriven på rad ${line}, tecken ${column}.` : 'Filen är inte en läsbar planfil: texten är avbruten eller felskriven.',
  notObject: 'Planen måste vara ett JSON-objekt.',
  fileTooLarge: (mb: string, max: string) => `Filen är ${mb} MB stor; en planfil kan vara högst ${max} MB. Inget har ändrats.`,
  tooDeep: (max: number) => `Filen är nästlad i fler än ${max} nivåer (objekt i objekt) och kan inte läsas som en plan.`,
  cyclic: 'Planen hänvisar till sig själv och kan inte läsas.',
  tooManyDoctors: (count: string, max: string) =>
    `Planen har ${count} läkare; högst ${max} läkare per plan går att arbeta med. Dela upp den i flera enheter eller planer.`,
  unreadable: 'Planen kunde inte läsas: filen har en form som Kapacitet inte känner igen. Inget har ändrats.',
  wrongFormat: (found: string) => `Fel filformat ”${found}”; en planfil har format ”kapacitet/plan”.`,
  versionMissing: 'Versionsnummer saknas.',
  versionInvalid: 'Versionsnumret måste vara ett heltal 0 eller större.',
  versionTooNew: (found: number, current: number) =>
    `Filen är skapad av en senare version av Kapacitet (filversion ${found}); den här versionen kan läsa filversion ${current} och äldre. Uppdatera appen för att öppna filen.`,
  migrationMissing: (from: number) => `Det finns ingen uppgradering från filversion ${from}.`,
  required: 'Värdet saknas.',
  notNumber: 'Måste vara ett tal.',
  notInteger: 'Måste vara ett heltal.',
  notString: 'Måste vara text.',
  notArray: 'Måste vara en lista.',
  notObjectValue: 'Måste vara ett objekt.',
  notBoolean: 'Måste vara sant eller falskt.',
  atLeast: (min: string) => `Måste vara minst ${min}.`,
  atMost: (max: string) => `Får vara högst ${max}.`,
  greaterThan: (min: string) => `Måste vara större än ${min}.`,
  employmentRange: 'Tjänstgöringsgraden måste vara mellan 0 och 1 (0–100 %).',
  careWeightRange: 'Vårdtyngden måste vara större än 0 och högst 10.',
  hoursRange: 'Timmar per vecka måste vara mellan 0 och 168.',
  unknownCategory: (found: string, allowed: string) => `Okänd läkarkategori ”${found}”. Tillåtna: ${allowed}.`,
  unknownDutyKind: (found: string, allowed: string) => `Okänd uppdragstyp ”${found}”. Tillåtna: ${allowed}.`,
  unknownModel: (found: string, guideline: string, time: string) => `Okänd kapacitetsmodell ”${found}”; tillåtna är ${guideline} och ${time}.`,
  unknownProfile: (found: string, allowed: string) => `Okänd regelprofil ”${found}”. Kapacitet har ${allowed}, eller en egen profil.`,
  duplicateId: (_id: string) => 'En annan läkare i filen har samma nummer; varje läkare måste ha ett eget.',
  emptyId: 'Läkaren saknar sitt nummer i filen.',
  stMonthsDoneAboveTotal: 'Gjorda ST-månader är fler än ST-tidens månader; räknas som färdig ST.',
  stMonthsOnNonSt: 'ST-månader anges bara för ST-läkare; värdet används inte.',
  invalidDate: (found: string) => `”${found}” är inget giltigt datum (ÅÅÅÅ-MM-DD).`,
  withNamedAboveListed: 'Fler med fast läkarkontakt än listade.',
  listsAboveListed: (onDoctors: string, listed: string) =>
    `Läkarnas listor har tillsammans ${onDoctors} patienter, fler än enhetens ${listed} listade.`,
  nursingHomeAboveTotal: 'Fler SÄBO-boende med fast läkarkontakt än SÄBO-boende i de prioriterade grupperna.',
  pointsWithoutList: 'Listningspoäng utan listade.',
  personnummer: 'Värdet ser ut som ett personnummer; sådana sparas aldrig. Ta bort det.',
  absenceAboveYear: (weeks: string) => `Frånvaron är längre än planåret (${weeks} veckor); närvaron räknas som 0.`,
  profileInvalid: 'Den egna regelprofilen är ofullständig.',
  limitsOrder: 'Golvet får inte vara högre än taket.',
  shareRange: 'Måste vara mellan 0 och 1.',
} as const;

/** Names for new doctors (createDoctor) and the empty plan. */
export const NEW_DOCTOR_NAME = (n: number) => `Ny läkare ${n}`;

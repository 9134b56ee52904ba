/**
 * Swedish texts of the formula declarations (engine/formulas/): what each value is, the formula in words,
 * each input's label, where the rule comes from, and the words and notes of explanations. A leaf: imports
 * nothing. Numbers arrive formatted (fmt.<kind>) from the engine.
 */

/**
 * Each input of the formulas by name, one label per concept (lower case, as in a sentence): the same words in
 * every formula, every explanation's list of inputs and every step.
 */
export const INPUT_LABELS = {
  employment: 'tjänstgöringsgrad',
  fullTimeHours: 'heltid (tim/v)',
  availableHours: 'veckoarbetstid (tim)',
  dutyTerm: 'uppdrag (tim/v)',
  dutyHours: 'andra uppdrag (tim/v)',
  dutyShare: 'andel andra uppdrag',
  absenceWeeks: 'frånvaro (veckor)',
  weeksPerYear: 'arbetsveckor per år',
  presence: 'närvaro',
  clinicalFte: 'klinisk tjänstgöring',
  category: 'kategori',
  stMonthsDone: 'gjorda ST-månader',
  stMonthsTotal: 'ST-tidens längd (månader)',
  stProgress: 'andel genomförd ST',
  specialist: 'riktvärde för specialist',
  stMid: 'riktvärde för ST mitt i utbildningen',
  rampEnabled: 'ST-läkarens grundvärde växer med utbildningen',
  startFactor: 'ST-listan vid start (andel av ST-riktvärdet)',
  endFactor: 'ST-listan vid slut (andel av ST-riktvärdet)',
  base: 'grundvärde',
  doctorCareWeight: 'listans vårdtyngd',
  unitCareWeight: 'enhetens vårdtyngd',
  careWeight: 'vårdtyngd',
  patientHours: 'patienttid (tim/år)',
  directHours: 'direkt patienttid (tim/år)',
  indirectShare: 'andel indirekt tid',
  plannedShare: 'andel planerade besök',
  plannedMinutes: 'planerat besök (min)',
  acuteMinutes: 'akut besök (min)',
  visitMinutes: 'besökslängd (min)',
  visitsYear: 'besök per år',
  ownPatientShare: 'andel för egna listan',
  visitsPerPatientYear: 'besök per patient och år',
  model: 'beräkningsmodell',
  capacityGuideline: 'kapacitet enligt riktvärdet',
  capacityTime: 'kapacitet enligt tidsmodellen',
  capacity: 'kapacitet',
  capacityWithout: 'kapacitet utan uppdraget',
  listed: 'listade',
  perFte: 'per heltid',
  stFactor: 'ST-faktor',
  doctorValue: 'läkarens värde',
  withNamedDoctor: 'listade med fast läkarkontakt i dag',
  targetCoverage: 'måltäckning',
  targetPatients: 'målet i hela patienter',
  gapPatients: 'glapp',
  priorityGroup: 'prioriterad grupp',
  priorityTotal: 'prioriterade',
  sekPerListPoint: 'kr per listningspoäng',
  listPoints: 'listningspoäng',
  sekPerCareWeightPoint: 'kr per vårdtyngdspoäng',
  careWeightPoints: 'vårdtyngdspoäng',
} as const;

/** label: what the value is; rule: the formula in words. */
export const FORMULA_TEXT = {
  employment: {
    label: 'Tjänstgöringsgrad',
    rule: 'Tjänstgöringsgraden som andel av heltid, mellan 0 och 100 %.',
  },
  stMonthsTotal: {
    label: 'ST-tidens längd (månader)',
    rule: 'ST-tidens längd som planen anger den; saknas den räknas den längd som planfiler från före HSLF-FS 2021:8 menar (SOSFS 2015:8).',
  },
  stProgress: {
    label: 'Andel genomförd ST',
    rule: 'Gjorda ST-månader ÷ ST-tidens längd, mellan 0 och 1. Saknas gjorda månader räknas ST-läkaren som mitt i utbildningen (0,5).',
  },
  base: {
    label: 'Grundvärde enligt riktvärdet',
    rule: 'Riktvärdet för en heltidsarbetande läkare i sin kategori: specialist 1 100; ST-läkare 550 × (startfaktor + andel genomförd ST × (slutfaktor − startfaktor)); läkare som inte kan vara fast läkarkontakt 0.',
  },
  dutyHours: {
    label: 'Andra uppdrag (timmar/vecka)',
    rule: 'Summan av timmar per vecka för handledning, ledning, forskning, sidouppdrag, möten och övrigt.',
  },
  availableHours: {
    label: 'Veckoarbetstid (timmar)',
    rule: 'Tjänstgöringsgrad × heltid i timmar per vecka.',
  },
  dutyShare: {
    label: 'Andel andra uppdrag',
    rule: 'Andra uppdrag delat med veckoarbetstiden (tjänstgöringsgrad × heltid), högst 1.',
  },
  presence: {
    label: 'Närvaro under planåret',
    rule: '1 − frånvaroveckor ÷ arbetsveckor per år, mellan 0 och 1.',
  },
  clinicalFte: {
    label: 'Klinisk tjänstgöring',
    rule: 'Tjänstgöringsgrad × (1 − andel andra uppdrag) × närvaro.',
  },
  careWeight: {
    label: 'Vårdtyngd',
    rule: 'Listans egen vårdtyngd om den finns, annars enhetens, annars 1,00 (en blandad befolkning).',
  },
  capacityGuideline: {
    label: 'Kapacitet enligt riktvärdet',
    rule: 'Grundvärde × klinisk tjänstgöring ÷ vårdtyngd, avrundat nedåt till hela patienter.',
  },
  patientHoursYear: {
    label: 'Patienttid per år (timmar)',
    rule: '(Veckoarbetstid − andra uppdrag, minst 0) × arbetsveckor per år × närvaro.',
  },
  directHoursYear: {
    label: 'Direkt patienttid per år (timmar)',
    rule: 'Patienttid × (1 − andel indirekt tid).',
  },
  indirectHoursYear: {
    label: 'Indirekt patienttid per år (timmar)',
    rule: 'Patienttid × andel indirekt tid (journal, recept, provsvar, remisser, intyg).',
  },
  dutyHoursYear: {
    label: 'Tid för andra uppdrag per år (timmar)',
    rule: 'Andra uppdrag (högst veckoarbetstiden) × arbetsveckor per år × närvaro.',
  },
  absenceHoursYear: {
    label: 'Frånvaro per år (timmar)',
    rule: 'Veckoarbetstid × arbetsveckor per år × (1 − närvaro).',
  },
  visitMinutes: {
    label: 'Genomsnittlig besökslängd (minuter)',
    rule: 'Andel planerade besök × planerat besök + andel akuta besök × akut besök.',
  },
  visitsYear: {
    label: 'Besök per år',
    rule: 'Direkt patienttid i timmar × 60 minuter ÷ genomsnittlig besökslängd.',
  },
  capacityTime: {
    label: 'Kapacitet enligt tidsmodellen',
    rule: 'Besök per år × andel för egna listan ÷ (besök per patient och år × vårdtyngd), avrundat nedåt till hela patienter.',
  },
  timePerFte: {
    label: 'Tidsmodellen för en heltid',
    rule: 'Vad tidsmodellen ger en heltidsläkare utan andra uppdrag eller frånvaro, vid vårdtyngd 1,00.',
  },
  capacity: {
    label: 'Kapacitet (vald modell)',
    rule: 'Kapaciteten enligt den modell planen styrs av.',
  },
  loadRatio: {
    label: 'Belastning',
    rule: 'Listade ÷ kapacitet; över 100 % är fler än läkaren har kapacitet för.',
  },
  listLimit: {
    label: 'Profilens gräns för listan',
    rule: 'Profilens värde per heltid × tjänstgöringsgrad (om gränserna följer tjänstgöringen) × ST-faktor (för ST-läkare).',
  },
  dutyPatients: {
    label: 'Ett uppdrag i patienter',
    rule: 'Kapaciteten utan uppdraget − kapaciteten med det: så många patienter kostar uppdraget.',
  },
  unitSum: {
    label: 'Summa',
    rule: 'Summan av läkarnas värden.',
  },
  coverageToday: {
    label: 'Andel med fast läkarkontakt i dag',
    rule: 'Listade med fast läkarkontakt i dag ÷ listade.',
  },
  coveragePossible: {
    label: 'Möjlig andel med fast läkarkontakt',
    rule: 'Kapacitet ÷ listade, högst 100 %.',
  },
  targetPatients: {
    label: 'Målet i hela patienter',
    rule: 'Måltäckning × listade, avrundat uppåt till hela patienter.',
  },
  gapPatients: {
    label: 'Glapp',
    rule: 'Målet (måltäckning × listade, avrundat uppåt) − kapacitet, minst 0.',
  },
  fteNeeded: {
    label: 'Heltider som behövs för att täcka glappet',
    rule: 'Glapp × enhetens vårdtyngd ÷ riktvärdet per heltidsspecialist (utan andra uppdrag).',
  },
  priorityTotal: {
    label: 'Patienter i prioriterade grupper',
    rule: 'Summan av de prioriterade grupperna.',
  },
  priorityCovered: {
    label: 'Prioriterade som ryms i kapaciteten',
    rule: 'Prioriterade patienter först: det minsta av antalet prioriterade och kapaciteten.',
  },
  paperListPatients: {
    label: 'Fast läkarkontakt bara på papperet',
    rule: 'Listade med fast läkarkontakt i dag − enhetens kapacitet, minst 0: så många har en fast läkarkontakt som läkarnas kapacitet inte räcker till.',
  },
  stimulusSek: {
    label: 'Uppskattad stimulansersättning',
    rule: 'Kronor per listningspoäng × listningspoäng + kronor per vårdtyngdspoäng × vårdtyngdspoäng, för namngivna listor; 0 om täckningen är under tröskeln.',
  },
} as const;

/** Labels of the unit's sums and counts (explain paths unit.<field>). */
export const UNIT_SUM_TEXT = {
  listed: { label: 'Listade på enheten', rule: 'Antal listade på enheten (indata).' },
  capacity: { label: 'Enhetens kapacitet (vald modell)', rule: 'Summan av läkarnas kapacitet.' },
  capacityGuideline: { label: 'Enhetens kapacitet enligt riktvärdet', rule: 'Summan av läkarnas kapacitet enligt riktvärdet.' },
  capacityTime: { label: 'Enhetens kapacitet enligt tidsmodellen', rule: 'Summan av läkarnas kapacitet enligt tidsmodellen.' },
  listedOnDoctors: { label: 'Listade på läkarnas listor', rule: 'Summan av läkarnas kända listor.' },
  employmentFte: { label: 'Summa tjänstgöringsgrad', rule: 'Summan av läkarnas tjänstgöringsgrad (heltider).' },
  clinicalFte: { label: 'Summa klinisk tjänstgöring', rule: 'Summan av läkarnas kliniska tjänstgöring (heltider).' },
  doctorsOverCapacity: {
    label: 'Läkare över sin kapacitet',
    rule: 'Antalet läkare vars lista är större än kapaciteten (belastning över 100 %), utom fiktiva listor och listor som redan är fel.',
  },
} as const;

/** Labels of the three list limits (explain paths doctors.<id>.limits.<min|max|maxPoints>). */
export const LIMIT_LABELS = {
  min: 'Profilens golv för listan',
  max: 'Profilens tak för listan',
  maxPoints: 'Profilens tak för listningspoäng',
} as const;

/** Where a formula's rule comes from, said under every explanation (never a file name or spec section). */
export const SOURCE_TEXT = {
  guideline: 'Källa: Socialstyrelsens riktvärde (1 100 invånare per heltidsspecialist, 550 per ST-läkare mitt i utbildningen).',
  regionGuideline: (profile: string) => `Källa: regionens regler (${profile}).`,
  customGuideline: 'Källa: enhetens egen regelprofil.',
  profile: (profile: string) => `Källa: regionens regler (${profile}).`,
  stRules: 'Källa: HSLF-FS 2021:8 (ST minst 5 år och 6 månader inklusive BT) och SOSFS 2015:8 (5 år).',
  assumption: 'Källa: Kapacitets eget antagande; värdena kan ändras.',
  arithmetic: 'Källa: enhetens egna uppgifter.',
  vardanalys: 'Källa: Vårdanalys (2023), uppföljningen av fast läkarkontakt.',
} as const;

/** Words and notes of explanations. */
export const FORMULA_WORDS = {
  roundedDown: 'avrundat nedåt',
  roundedUp: 'avrundat uppåt',
  localAssumption: '(Kapacitets antagande)',
  floorNote: 'Kapaciteten räknas i hela patienter: avrundat nedåt efter avrundning till 9 decimaler.',
  ceilNote: 'Målet räknas i hela patienter: avrundat uppåt.',
  notQualifying: (category: string) => `${category}: ingen lista som fast läkarkontakt`,
  noDuties: 'inga andra uppdrag',
  noAbsence: 'ingen frånvaro',
  listedLabel: 'Aktuell lista',
  listedRule: 'Läkarens aktuella lista (indata).',
  mixedPopulation: 'blandad befolkning',
  noEmployment: 'ingen tjänstgöring',
  noWeeks: 'inga arbetsveckor',
  noVisitLength: 'ingen besökslängd',
  nobodyListed: 'inga listade',
  stMid: 'mitt i utbildningen',
  employmentClamped: (typed: string, used: string) => `Tjänstgöringsgraden ${typed} räknas som ${used} (mellan 0 och 100\u00a0%).`,
  stMonthsUnknown: 'Gjorda ST-månader saknas: ST-läkaren räknas som mitt i utbildningen (andel 0,5), riktvärdets egen mittpunkt.',
  stMonthsTotalMissing: (months: string) =>
    `ST-tidens längd saknas i planen: ${months} månader används, som planfiler från före HSLF-FS 2021:8 menar (SOSFS 2015:8: 5 år).`,
  stMonthsTotalInvalid: (typed: string, months: string) => `ST-tidens längd ${typed} går inte att räkna med: ${months} månader används i stället.`,
  stMonthsTotalRule: (months: string) => `ST-tidens längd ${months} månader.`,
  stMonthsTotalHslf: (months: string) => `ST-tidens längd ${months} månader, enligt HSLF-FS 2021:8 (minst 5 år och 6 månader inklusive BT).`,
  stMonthsTotalSosfs: (months: string) => `ST-tidens längd ${months} månader, enligt de äldre reglerna (SOSFS 2015:8).`,
  stMonthsDoneClamped: (typed: string, used: string) => `Gjorda ST-månader ${typed} räknas som ${used} (mellan 0 och ST-tidens längd).`,
  stRampAssumption:
    'ST-läkarens grundvärde växer under utbildningen från halva till en och en halv gånger ST-riktvärdet; riktvärdet anger bara mitten av utbildningen (Kapacitets antagande).',
  stRampOff: 'Regelprofilen räknar ST-läkare med riktvärdet för mitten av utbildningen under hela ST.',
  ageGroupNote: (group: string) => `Listan får bara ha patienter ${group}, om inte dispens finns.`,
  dispensationNote: 'Specialist i annat ämne med dispens räknas som specialist i allmänmedicin.',
  careWeightDoctor: 'Listans egen vårdtyngd.',
  careWeightUnit: 'Enhetens vårdtyngd, eftersom listans egen saknas.',
  careWeightDefault: 'En blandad befolkning (1,00), eftersom vårdtyngd saknas för både listan och enheten.',
  profileNote: (name: string) => `Regelprofil: ${name}.`,
  modelChosen: (model: string) => `Planen styrs av ${model}.`,
  modelCompare: (other: string, value: string) => `Den andra modellen, ${other}, ger ${value}.`,
  modelWhy: (timePerFte: string, base: string) =>
    `Varför modellerna skiljer sig: för en heltid utan andra uppdrag och med vårdtyngd 1,00 ger tidsmodellen ${timePerFte} patienter med enhetens tidsantaganden, riktvärdet ${base}. Båda räknas om med samma kliniska tjänstgöring och vårdtyngd, så skillnaden kommer från ${timePerFte} mot ${base}.`,
  modelWhySt:
    'Tidsmodellen skiljer inte ST-läkare från specialister: handledning och studietid som redan ingår i ST-riktvärdet behöver läggas in som andra uppdrag för att tidsmodellen ska räkna med dem.',
  calibrationNote:
    'Tidsmodellens standardvärden är valda så att en heltidsspecialist med 2 timmar möten i veckan hamnar inom ±5 % av 1 100 (Kapacitets antagande).',
  notQualifyingTime: 'Tidsmodellen ger 0 för läkare som inte kan vara fast läkarkontakt.',
  fictiveList: (name: string) => `Patienterna står på den fiktiva listan ”${name}”, som aldrig visas som fast läkarkontakt.`,
  loadOver: (patients: string) => `${patients} patienter fler än kapaciteten.`,
  fteProfileNote: (value: string) => `Riktvärdet per heltidsspecialist är profilens (${value}).`,
  priorityCoveredNote: (free: string) =>
    `Det här räknar hela enhetens kapacitet, som om de prioriterade fick plats först. Förslaget under Uppföljning → Fördelning räknar i stället bara de ${free} lediga platserna på dagens listor, eftersom de flesta platserna redan är tagna av listade patienter.`,
  paperListNote:
    'Vårdanalys (2023): ungefär tre av tio invånare säger att de har en fast läkarkontakt medan enheterna rapporterar över 55 %. Listor som läkarna inte har kapacitet för finns bara på papperet.',
  stimulusBelow: (coverage: string, threshold: string) => `täckningen ${coverage} är under tröskeln ${threshold}`,
  stimulusPointsNote: 'Listningspoäng räknas för namngivna listor hos läkare som kan vara fast läkarkontakt; fiktiva listor räknas inte (Kapacitets antagande).',
  stimulusPeriod: (period: string) => `Period: ${period}.`,
  noneOverCapacity: 'ingen läkare över sin kapacitet',
  more: (n: string) => `… (${n} till)`,
  dutyPatients: (hours: string, duty: string, patients: string) => `${hours} tim/v ${duty} motsvarar ${patients} patienter`,
  dutyPatientsFormula: (without: string, withDuty: string, patients: string) => `${without} utan uppdraget − ${withDuty} = ${patients}`,
  dutyPatientsNote: 'Så många patienter kostar varje uppdrag: kapaciteten utan uppdraget minus kapaciteten med det (som Norges listregler räknar om kommunala timmar till patienter).',
} as const;

/** Unit words of explanations (Explanation.unit). */
export const UNIT_WORDS = {
  patients: 'patienter',
  points: 'listningspoäng',
  share: '%',
  percent: '%',
  load: '%',
  fte: 'heltider',
  hours: 'timmar',
  weeks: 'veckor',
  months: 'månader',
  minutes: 'minuter',
  visits: 'besök/år',
  sek: 'kr',
  careWeight: 'index',
  factor: 'andel',
  count: 'läkare',
  perDay: 'besök per arbetsdag',
  perPerson: 'besök per person och år',
  index: 'kontinuitetsindex',
} as const;

/** Headings of an explanation's chain and duty costs where an explanation is shown (dialog, report). */
export const EXPLAIN_PARTS = {
  steps: 'Steg för steg',
  dutyPatients: 'Andra uppdrag i patienter',
} as const;

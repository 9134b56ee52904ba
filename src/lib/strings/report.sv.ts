// Swedish texts of the report (Rapport) as a printed document. Only the report loads them.
// A leaf: imports nothing.

export const REPORT_SV = {
  heading: 'Rapport',
  title: (unit: string) => `Kapacitetsplan – ${unit}`,
  intro: 'Planen som underlag för planeringsmötet. Skriv ut eller spara som PDF (A4).',
  print: 'Skriv ut / spara som PDF',
  printHint: 'Välj ”Spara som PDF” i utskriftsdialogen för en PDF-fil.',
  metaPlan: 'Plan',
  metaDate: 'Datum',
  metaProfile: 'Regelprofil',
  metaModel: 'Kapaciteten räknas enligt',
  modelGuideline: 'riktvärdet (uppifrån och ner)',
  modelTime: 'tidsmodellen (nerifrån och upp)',
  loading: 'Läser in planen …',
  noPlan: 'Ingen plan är vald. Välj eller skapa en plan först.',
  months: [
    'januari', 'februari', 'mars', 'april', 'maj', 'juni',
    'juli', 'augusti', 'september', 'oktober', 'november', 'december',
  ],
  // Sections
  summaryHeading: 'Sammanfattning för enheten',
  doctorsHeading: 'Läkarna',
  doctorsCaption: (model: string) =>
    `Kapacitet per läkare i patienter. Planen räknas enligt ${model}; belastning = listade i dag ÷ kapacitet i planen.`,
  chartsHeading: 'Diagram',
  findingsHeading: 'Anmärkningar',
  noFindings: 'Inga anmärkningar: planen följer regelprofilens regler.',
  assumptionsHeading: 'Antaganden och regelvärden',
  profileValuesHeading: 'Regelprofil',
  localAssumption: 'lokalt antagande',
  localAssumptionNote:
    'Tidsmodellens värden är verktygets eller enhetens egna antaganden – inte Socialstyrelsens. ' +
    'De ändras under Inställningar.',
  source: 'Källa',
  footer: (date: string) =>
    `Utskriven ${date} ur Kapacitet. Alla uppgifter finns bara i den här webbläsaren; inget har skickats någonstans.`,
  // Table headers
  measure: 'Mått',
  value: 'Värde',
  howComputed: 'Så räknas det',
  rule: 'Regel',
  assumption: 'Antagande',
  status: 'Ursprung',
  standard: 'verktygets standardvärde',
  changedForUnit: (def: string) => `ändrat för enheten (standard ${def})`,
  // Summary rows
  careWeight: 'Vårdtyngd (enheten)',
  capacityIn: (model: string) => `Kapacitet i planen (enligt ${model})`,
  modelGuidelineShort: 'riktvärdet',
  modelTimeShort: 'tidsmodellen',
  targetCoverage: 'Mål för andel med fast läkarkontakt',
  priorityGroups: 'Prioriterade grupper (patienter)',
  employmentFte: 'Tjänstgöring, summa',
  clinicalFte: 'Klinisk tid, summa',
  stimulus: 'Uppskattad stimulansersättning per period',
  patients: 'patienter',
  heltider: 'heltider',
  // Doctor table
  colName: 'Läkare',
  colCategory: 'Kategori',
  colEmployment: 'Tjänstgöring',
  colDuties: 'Uppdrag (tim/v)',
  colClinical: 'Klinisk tid (heltider)',
  colCareWeight: 'Vårdtyngd',
  colGuideline: 'Kapacitet (riktvärde)',
  colTime: 'Kapacitet (tid)',
  colListed: 'Listade i dag',
  colLoad: 'Belastning',
  total: 'Summa',
  noDoctors: 'Planen har inga läkare ännu.',
  unknown: '–',
  overCapacity: 'över kapacitet',
  noCapacity: 'lista utan kapacitet',
  // Profile rows
  perFte: 'invånare per heltid',
  none: 'inga',
  stRampNote: (start: string, end: string) =>
    `${start} vid ST-start, växer till ${end} vid slutet (riktvärdet anger bara mitten)`,
  stRampOff: 'riktvärdet för mitten av utbildningen under hela ST',
  limits: (min: string, max: string, points: string | null, stFactor: string, scale: boolean) =>
    `${min}–${max} listade per heltid` +
    (points === null ? '' : `, högst ${points} listningspoäng`) +
    `; ST-läkare × ${stFactor}` +
    (scale ? '; gränserna skalas med tjänstgöringsgraden' : ''),
  coverageThreshold: 'Krav på andel listade med fast läkarkontakt',
  goals: 'Nationella mål',
  goalsText: (coverage: string, nursingHome: string, continuity: string) =>
    `minst ${coverage} av listade och minst ${nursingHome} av SÄBO-boende med fast läkarkontakt; kontinuiteten upp ${continuity}`,
  stimulusRule: 'Stimulansersättning',
  stimulusText: (perPoint: string, perWeight: string, period: string) =>
    `${perPoint} kr per listningspoäng och ${perWeight} kr per vårdtyngdspoäng (${period})`,
  minEmployment: 'Minsta planerade anställningstid',
  monthsCount: (n: string) => `${n} månader`,
  monthsDefault: (n: string) => `${n} månader fram (varning vid kortare planerad anställning)`,
  locumRule: 'Hyrläkare',
  locumCannot: 'kan inte vara fast läkarkontakt; deras patienter står på fiktiva listor.',
  locumCan: 'räknas utan kapacitet (ingen egen lista).',
  fictiveStart: 'Fiktiva listor ska börja med enhetens namn.',
} as const;

/** The report's per-doctor chain (issue 10.3/10.5): every doctor's capacity worked out, to check on paper. */
export const REPORT_CHAIN = {
  heading: 'Så räknas varje läkares kapacitet',
  intro:
    'För varje läkare: uppgifterna som kapaciteten räknas från och uträkningen steg för steg i båda modellerna, med läkarens egna tal. Varje läkare kan räkna om sin egen siffra på papperet.',
  inputs: 'Uppgifter',
  employment: 'Tjänstgöringsgrad',
  duties: 'Andra uppdrag',
  hoursPerWeek: 'tim/v',
  absence: 'Frånvaro',
  weeks: 'veckor',
  stMonths: 'ST-månader',
  stMonthsOf: (done: string, total: string) => `${done} av ${total} gjorda`,
  stMonthsUnknown: (total: string) => `gjorda månader inte angivna (räknas som mitten av ${total})`,
  careWeight: 'Vårdtyngd',
  listed: 'Listade i dag',
  guideline: 'Enligt riktvärdet',
  time: 'Enligt tidsmodellen',
  chosen: 'planens modell',
  steps: 'Steg',
  dutyPatients: 'Uppdragen i patienter',
  noCapacity: 'Kan inte ha en lista som fast läkarkontakt: kapaciteten är 0 i båda modellerna.',
} as const;

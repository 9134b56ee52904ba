/**
 * Swedish texts of what the best peers weigh beyond the workbook (domain.md §9, issue 16): the age index and
 * the care weight it suggests, visits per working day against a safe day, the team's share of the doctor
 * visits, free places, and the texts of the views that show them. A leaf: imports nothing. Numbers arrive
 * formatted (fmt.<kind>) from the caller.
 */

/** Formula texts in the shape of FORMULA_TEXT (strings/formulas.sv.ts): label, rule in words, input labels. */
export const PEER_FORMULA_TEXT = {
  visitsPerDay: {
    label: 'Besök per arbetsdag',
    rule: 'Besök per år ÷ (arbetsveckor per år × 5 arbetsdagar × tjänstgöringsgrad × närvaro): alla läkarens besök, egna listan och andras, per dag i arbete.',
    inputs: { visitsYear: 'besök per år', weeksPerYear: 'arbetsveckor per år', days: 'arbetsdagar per vecka', employment: 'tjänstgöringsgrad', presence: 'närvaro' },
  },
  delegation: {
    label: 'Andel av läkarbesöken som teamet tar över',
    rule: 'Summan av de andelar av dagens läkarbesök som sjuksköterska, fysioterapeut, psykolog och andra yrken tar över.',
    inputs: { nurse: 'sjuksköterska', physiotherapist: 'fysioterapeut', psychologist: 'psykolog', other: 'andra yrken' },
  },
  visitsPerPatientTeam: {
    label: 'Läkarbesök per patient och år med teamet',
    rule: 'Besök per patient och år × (1 − andelen som teamet tar över). Bara tidsmodellen räknar med teamet; riktvärdet är oförändrat.',
    inputs: { visitsPerPatientYear: 'besök per patient och år', delegation: 'andel som teamet tar över' },
  },
  teamPatients: {
    label: 'Patienter som teamet ger plats för',
    rule: 'Kapaciteten enligt tidsmodellen med teamet − kapaciteten utan teamet.',
    inputs: { with: 'kapacitet enligt tidsmodellen med teamet', without: 'kapacitet enligt tidsmodellen utan teamet' },
  },
  capacityTimeWithoutTeam: {
    label: 'Kapacitet enligt tidsmodellen utan teamet',
    rule: 'Tidsmodellens kapacitet om teamet inte tog över några läkarbesök.',
    inputs: {},
  },
  gapPatientsTime: {
    label: 'Glapp enligt tidsmodellen',
    rule: 'Målet (måltäckning × listade, avrundat uppåt) − enhetens kapacitet enligt tidsmodellen, minst 0.',
    inputs: { target: 'målet i hela patienter', capacity: 'kapacitet enligt tidsmodellen' },
  },
  freePlaces: {
    label: 'Lediga platser',
    rule: 'Kapacitet − listade. Negativt: fler listade än kapaciteten räcker till.',
    inputs: { capacity: 'kapacitet', listed: 'listade' },
  },
  freePlacesAgreed: {
    label: 'Kapacitet utöver överenskommen listlängd',
    rule: 'Kapacitet − överenskommen listlängd. Negativt: överenskommelsen är större än kapaciteten.',
    inputs: { capacity: 'kapacitet', agreed: 'överenskommen listlängd' },
  },
  freePlacesOpen: {
    label: 'Lediga platser att fördela',
    rule: 'Kapacitet (högst den överenskomna listlängden) − listade, minst 0: de platser som förslaget till fördelning kan fylla.',
    inputs: { capacity: 'kapacitet', agreed: 'överenskommen listlängd', listed: 'listade' },
  },
  freePlacesUnit: {
    label: 'Lediga platser på enheten',
    rule: 'Kapaciteten på listorna hos läkare som kan vara fast läkarkontakt − de listade på dem. Fiktiva listor räknas inte.',
    inputs: { capacity: 'kapacitet på namngivna listor', listed: 'listade på namngivna listor' },
  },
  freePlacesAgreedUnit: {
    label: 'Kapacitet utöver överenskommen listlängd på enheten',
    rule: 'Summan av kapacitet − överenskommen listlängd över läkarna som har en överenskommelse.',
    inputs: { value: 'läkarens värde' },
  },
  freePlacesOpenUnit: {
    label: 'Lediga platser att fördela på enheten',
    rule: 'Summan av läkarnas lediga platser att fördela (kapacitet, högst den överenskomna listlängden, − listade, minst 0).',
    inputs: { value: 'läkarens lediga platser' },
  },
  ageIndex: {
    label: 'Åldersindex för listan',
    rule: 'Förväntade besök enligt åldern ÷ förväntade besök i referensbefolkningen: Σ (patienter i åldersgruppen × besök per person i gruppen) ÷ (alla patienter × referensens medelvärde).',
    inputs: { count: 'patienter', rate: 'besök per person och år', total: 'patienter med känd ålder', mean: 'referensens medelvärde (besök per person och år)' },
  },
  careWeightSuggested: {
    label: 'Föreslagen vårdtyngd ur listans åldrar',
    rule: 'Enhetens vårdtyngd × listans åldersindex ÷ enhetens åldersindex: enhetens nivå, fördelad efter hur mycket äldre eller yngre listan är än enheten.',
    inputs: { unitCareWeight: 'enhetens vårdtyngd', listIndex: 'listans åldersindex', unitIndex: 'enhetens åldersindex' },
  },
  careWeightSuggestedUnit: {
    label: 'Föreslagen vårdtyngd ur enhetens åldrar',
    rule: 'Enhetens åldersindex mot referensen.',
    inputs: {},
  },
} as const;

/** Age bands of the reference table, as the screens name them. */
export const AGE_BAND_NAMES = ['0–5 år', '6–15 år', '16–19 år', '20–29 år', '30–49 år', '50–66 år', '67–79 år', '80–89 år', '90 år och äldre'] as const;

/** Where the rules come from, said under every explanation (plain Swedish; never a file name or section). */
export const PEER_SOURCE_TEXT = {
  norway:
    'Källa: Statistisk sentralbyrå i Norge, konsultationer hos fastlege per person efter ålder 2023 (i genomsnitt 3,0). Sverige publicerar inga sådana siffror.',
  ownRates: 'Källa: enhetens egna kontakter per åldersgrupp ur kontaktloggen.',
  editedReference: (name: string) => `Källa: referenstabellen som enheten har ändrat (${name}).`,
  bma: 'Källa: British Medical Association, råd om säker arbetsbelastning i allmänmedicin (högst 25 kontakter per dag).',
  profileSafeDay: (profile: string, value: string) => `Källa: regelprofilen ${profile} (${value} kontakter per dag).`,
  team: 'Källa: Kapacitets modell efter Altschuler m.fl. (2012), där andra yrken i teamet tar över en del av läkarbesöken; andelarna är enhetens egna.',
  model: 'Källa: Kapacitets egen modell. Att dela riktvärdet med vårdtyngden är verktygets val, ingen publicerad svensk formel.',
} as const;

/** Words and notes of these explanations. */
export const PEER_WORDS = {
  noWorkingDays: 'inga arbetsdagar',
  noTeam: 'inget team tar över läkarbesök',
  noList: (category: string) => `${category}: ingen lista som fast läkarkontakt`,
  fictiveList: 'fiktiv lista, ingen fast läkarkontakt',
  listedUnknown: 'Listans storlek är inte känd och räknas som 0.',
  noAgreement: 'ingen överenskommen listlängd',
  noOpenPlaces: 'inga lediga platser att fördela',
  agreedCaps: (agreed: string) => `Den överenskomna listlängden ${agreed} är lägre än kapaciteten och sätter taket.`,
  noAges: 'listans åldrar är inte kända',
  safeDayNote: (value: string, limit: string, over: boolean) =>
    over ? `${value} besök per arbetsdag är över gränsen ${limit} för en säker arbetsdag.` : `Gränsen för en säker arbetsdag är ${limit} kontakter.`,
  perDayNote: 'Per dag i arbete: en deltid räknas som hela dagar färre, inte som kortare dagar.',
  teamDoctor: 'Läkarens egna andelar för teamet.',
  teamUnit: 'Enhetens andelar för teamet, eftersom läkaren saknar egna.',
  teamGuidelineNote: 'Riktvärdet är oförändrat: teamet syns bara i tidsmodellen.',
  teamGap: (without: string, withTeam: string) => `Glappet enligt tidsmodellen utan teamet är ${without} patienter, med teamet ${withTeam}.`,
  ageIndexUnit: 'Åldersindex för enheten',
  ageIndexCounts: (known: string, unknown: string) => `${known} patienter med känd ålder; ${unknown} utan ålder räknas inte.`,
  ageIndexOwnUnit: 'Mot enhetens egna besökstal är enheten 1,00 per definition; läkarnas index visar hur listorna skiljer sig från enheten.',
  sexNotWeighed: (female: string, male: string) =>
    `Kvinnor ${female}, män ${male}. Könet vägs inte in: referensen har inga siffror per ålder och kön samtidigt.`,
  basisTakesPrecedence: (basis: string) => `${basis} är angiven och gäller före förslaget; förslaget visas bara som jämförelse.`,
  careWeightModel:
    'Att dela riktvärdet med vårdtyngden är Kapacitets modell, ingen publicerad svensk formel (ingen svensk källa kopplar ACG eller CNI till en läkares listlängd).',
  basisNote: (basis: string) => `Vårdtyngden är angiven som: ${basis}.`,
  suggestionModelNote:
    'Förslaget är ett underlag, inte en publicerad svensk vårdtyngd: åldern förklarar en del av vårdbehovet men inte sjuklighet eller socioekonomi.',
} as const;

/** How a care weight's basis is named (selects, explanations, report). */
export const CARE_WEIGHT_BASIS_LABELS = {
  acg: 'Regionens ACG-vikt',
  cni: 'Care Need Index (CNI)',
  ageIndex: 'Åldersindex ur listningen',
  other: 'Annat värde',
} as const;

/** The professions of the team, as the forms name them. */
export const TEAM_LABELS = {
  nurse: 'Sjuksköterska',
  physiotherapist: 'Fysioterapeut',
  psychologist: 'Psykolog',
  other: 'Andra yrken',
} as const;

/** Finding messages of these rules. */
export const PEER_FINDING_TEXT = {
  dayAboveSafe: (name: string, perDay: string, limit: string) =>
    `${name}: tidsmodellen ger ${perDay} besök per arbetsdag, över gränsen ${limit} kontakter för en säker arbetsdag.`,
} as const;

/** Plan-file validation messages of these fields. */
export const PEER_PARSE_TEXT = {
  delegationTooLarge: 'Teamet kan tillsammans ta över högst 90 % av läkarbesöken.',
  unknownBasis: (value: string, known: string) => `”${value}” är ingen känd källa för vårdtyngden (${known}).`,
  ageCounts: (bands: string) => `Åldrarna ska vara ${bands} antal patienter, ett per åldersgrupp.`,
  referenceRates: (bands: string) => `Referenstabellen ska ha ${bands} besökstal, ett per åldersgrupp.`,
  safeDayRange: 'Kontakter per arbetsdag ska vara ett tal större än 0 och högst 100.',
} as const;

/** Texts of the views that show these figures (unit part, care weights per list, team, report). */
export const PEERS_UI = {
  basisLabel: 'Vårdtyngden kommer från',
  basisNone: 'Inte angivet',
  suggestionHeading: 'Förslag ur listningens åldrar',
  suggestionUnit: (value: string) => `Åldersindex för enheten: ${value}`,
  suggestionExplain: 'Åldersindex för enheten',
  adopt: 'Använd förslaget',
  adoptShort: 'Använd',
  adoptFor: (value: string, name: string) => `förslaget ${value} för ${name}`,
  adoptAll: 'Använd förslagen för alla läkare',
  adopted: 'Förslaget används.',
  noAges:
    'Läs in en listningsrapport med en rad per patient och deras ålder (Importera, eller dra filen hit) för ett förslag till vårdtyngd ur listornas åldrar.',
  precedence: (basis: string) => `${basis} är angiven och gäller före åldersindexet, som bara visas som jämförelse.`,
  ownRates: 'Mot enhetens egna besökstal är enheten 1,00 per definition; förslagen per läkare visar hur listorna skiljer sig från enheten.',
  modelNote:
    'Att dela riktvärdet med vårdtyngden är Kapacitets modell, ingen publicerad svensk formel. Åldersindexet är ett underlag: det väger åldern mot Norges besök per person och ålder (2023), eftersom Sverige inte publicerar några.',
  doctorsHeading: 'Vårdtyngd per lista ur listningen',
  doctorsIntro:
    'Förslaget är enhetens vårdtyngd × listans åldersindex ÷ enhetens åldersindex: enhetens nivå, fördelad efter hur mycket äldre eller yngre listan är. Använd det för en läkare i taget eller för alla på en gång (ett ångrasteg).',
  colDoctor: 'Läkare',
  colUsed: 'Vårdtyngd som används',
  colBasis: 'Kommer från',
  colIndex: 'Åldersindex',
  colSuggested: 'Förslag',
  colAction: 'Åtgärd',
  sameAsUsed: 'Används redan',
  sourceUnit: 'Enhetens',
  sourceTyped: 'Inskrivet värde',
  sourceDefault: 'Blandad befolkning',
  regionPrecedes: (basis: string) => `${basis} gäller`,
  teamHeading: 'Teamet tar över läkarbesök',
  teamIntro:
    'Andelen av dagens läkarbesök som andra yrken tar över. Tidsmodellen räknar med färre läkarbesök per patient; riktvärdet är oförändrat. En läkare kan ha egna andelar (Scenarier → tänk-om).',
  teamShare: (profession: string) => `${profession} (andel av läkarbesöken)`,
  teamTotal: (share: string) => `Tillsammans ${share} av läkarbesöken.`,
  teamPatients: 'Patienter som teamet ger plats för (tidsmodellen)',
  teamGapAside: (withTeam: string, without: string) => `Glapp enligt tidsmodellen ${withTeam} (utan teamet ${without})`,
  freePlaces: 'Lediga platser (kapacitet − listade)',
  freeOpenAside: (open: string) => `att fördela ${open}`,
  freeAgreedAside: (agreed: string) => `kapacitet − överenskommen listlängd ${agreed}`,
  aboveSafeDay: 'Läkare över en säker arbetsdag',
  visitsPerDay: 'Besök per arbetsdag',
  safeDayProfile: 'Kontakter per arbetsdag som är säkert',
  safeDayHint: 'Standard 25, British Medical Association:s råd om en säker arbetsdag i allmänmedicin.',
  safeDayBadge: 'BMA',
  reportPeersHeading: 'Det andra länder väger in: arbetsdag, team, lediga platser och vårdtyngd ur åldrar',
  reportPeersIntro: (limit: string) =>
    `Besök per arbetsdag är alla läkarens besök enligt tidsmodellen per dag i arbete, mot ${limit} kontakter för en säker arbetsdag. Lediga platser är kapacitet − listade (negativt: fler listade än kapaciteten räcker till).`,
  reportUnitCaption: 'Enheten',
  reportDoctorsCaption: 'Per läkare',
  colVisitsPerDay: 'Besök per arbetsdag',
  colFreePlaces: 'Lediga platser',
  colFreeAgreed: 'Kapacitet − överenskommen listlängd',
  gridFreeAgreed: 'Lediga mot överenskommen',
  gridFreePlacesHint: 'Beräknas: kapacitet − listade. Negativt när fler är listade än kapaciteten räcker till. Enter visar uträkningen.',
  gridFreeAgreedHint: 'Beräknas: kapacitet − överenskommen listlängd, när en sådan är inskriven. Enter visar uträkningen.',
  gridVisitsPerDayHint: 'Beräknas: läkarens alla besök per år enligt tidsmodellen ÷ dagar i arbete. Enter visar uträkningen.',
  colTeam: 'Teamet tar över',
  colTeamPatients: 'Teamet ger plats för',
  colAgeIndex: 'Åldersindex',
  reportColSuggested: 'Föreslagen vårdtyngd',
  overSafeDay: 'över säker arbetsdag',
  measure: 'Mått',
  value: 'Värde',
  howComputed: 'Så räknas det',
  rowFreePlaces: 'Lediga platser (kapacitet − listade)',
  rowFreeOpen: 'Lediga platser att fördela',
  rowFreeAgreed: 'Kapacitet utöver överenskommen listlängd',
  rowTeam: 'Andel av läkarbesöken som teamet tar över',
  rowTeamPatients: 'Patienter som teamet ger plats för (tidsmodellen)',
  rowGapTime: 'Glapp enligt tidsmodellen',
  rowAgeIndex: 'Åldersindex för enheten',
  rowAboveSafe: 'Läkare över en säker arbetsdag',
  chainsHeading: 'Uträkningar',
  doctorFiguresHeading: (name: string) => `${name}: arbetsdag, lediga platser, team och åldrar`,
  daySafeWithin: (limit: string) => `inom en säker arbetsdag (högst ${limit} kontakter)`,
  daySafeOver: (limit: string) => `över en säker arbetsdag (högst ${limit} kontakter)`,
  showChain: 'Visa hela uträkningen',
  safeDayShipped: (value: string, source: string) => `Säker arbetsdag: högst ${value} kontakter per dag (${source}).`,
  safeDaySourceBma: 'British Medical Association',
  referenceHeading: 'Åldersindexets referenstabell',
  referenceIntro:
    'Besök per person och år efter ålder, som åldersindexet väger listornas åldrar mot. Sverige publicerar inga sådana siffror; standard är Norges konsultationer hos fastlege 2023. Enheten kan skriva in egna.',
  referenceShipped: 'Norge 2023 (Statistisk sentralbyrå), medelvärde 3,0 — standard',
  referenceEdited: (name: string) => `Enhetens egen tabell: ${name}`,
  referenceName: 'Tabellens namn',
  referenceNameDefault: 'Egen tabell',
  referenceRate: (band: string) => `${band} (besök per person och år)`,
  referenceMean: 'Medelvärde i referensbefolkningen (besök per person och år)',
  referenceReset: 'Tillbaka till Norges siffror (2023)',
  referenceCaption: 'Referenstabell per åldersgrupp',
  referenceBand: 'Åldersgrupp',
  referenceValue: 'Besök per person och år',
  referenceOwn: 'Enhetens egna besök ur kontaktloggen',
  referenceOwnNoLog:
    'Läs in en kontaktlogg med en kolumn för patientens ålder eller födelseår (Uppföljning → Kontinuitet) och en listning med en rad per patient, så räknas enhetens egna besök per person och åldersgrupp fram här.',
  referenceOwnNoAges: (file: string) => `Kontaktloggen ${file} har ingen kolumn för ålder eller födelseår, så enhetens egna besök per åldersgrupp kan inte räknas.`,
  referenceOwnNoListing: 'Läs in en listning med en rad per patient och deras ålder, så att antalet listade per åldersgrupp är känt.',
  referenceOwnFound: (file: string, from: string, to: string, visits: string, mean: string) =>
    `Ur ${file} (${from} – ${to}): ${visits} besök av patienter med känd ålder, i medel ${mean} besök per listad och år.`,
  referenceOwnWithoutAge: (n: string) => `${n} besök saknar ålder och räknas inte.`,
  referenceOwnAdopt: 'Använd enhetens egna besökstal som referens',
  referenceOwnNone: 'Loggens besök och listans åldrar räcker inte till egna besökstal (inga besök eller inga listade i perioden).',
  referenceOwnName: (file: string, from: string, to: string) => `Egna besök ur ${file} (${from} – ${to})`,
} as const;

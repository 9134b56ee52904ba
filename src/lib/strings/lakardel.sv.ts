// Swedish texts of the workbooks' print setup and of the läkardel file per doctor (Socialstyrelsen's
// separate doctor part), its import and its empty template. A leaf: imports nothing.

/** Footer of every printed sheet: the sheet's name at the left, "Sida 1 av 3" at the right. */
export const WORKBOOK_PRINT = {
  pageOf: (page: string, pages: string) => `Sida ${page} av ${pages}`,
} as const;

/** The läkardel file per doctor: one doctor's part as its own small workbook. */
export const LAKARDEL = {
  sheet: 'Läkardel',
  title: (name: string) => `Läkardel: ${name}`,
  subtitle: (unit: string, plan: string, date: string) => `${unit} · plan ${plan} · skapad ${date}`,
  instructions: [
    'Fyll i de gula cellerna i kolumnen Värde: din tjänstgöringsgrad, timmar per vecka för andra uppdrag, frånvaro under året och, om du vet dem, listade patienter och listans vårdtyngd.',
    'Kapaciteten räknas om direkt i Excel eller LibreOffice (formlerna under Resultat). Skriv tal som du vill: 80 %, 0,8, 2,5.',
    'Spara filen som .xlsx och skicka tillbaka den till verksamhetschefen, som läser in den i Kapacitet och ser varje ändring innan den förs in i planen.',
    'Ändra inte bladens namn. Antagandena (bladet Antaganden) kommer från enhetens plan.',
  ],
  headers: { item: 'Uppgift', value: 'Värde', note: 'Förklaring', key: 'Nyckel' },
  inputsHeading: 'Läkarens uppgifter (fyll i)',
  unitHeading: 'Från enheten (ändras i Kapacitet)',
  resultsHeading: 'Resultat (formler – räknas om när du ändrar något)',
  labels: {
    id: 'Läkarens id i planen',
    name: 'Namn',
    category: 'Kategori',
    employment: 'Tjänstgöringsgrad',
    stMonthsDone: 'ST månader gjorda',
    stMonthsTotal: 'ST månader totalt',
    absenceWeeks: 'Frånvaro under året (veckor)',
    listed: 'Listade patienter i dag',
    listPoints: 'Listningspoäng',
    careWeight: 'Listans vårdtyngd (tomt = enhetens)',
    plannedEnd: 'Planerat slut (ÅÅÅÅ-MM-DD)',
    'unit.careWeight': 'Enhetens vårdtyngd',
    'unit.model': 'Modell som styr planen',
  },
  dutyLabel: (kind: string) => `${kind} (timmar per vecka)`,
  notes: {
    employment: 'Andel av heltid, t.ex. 80 %.',
    category: 'specialist, ST, geriatriker, barnläkare, dispens, hyrläkare eller AT/BT.',
    st: 'Bara för ST-läkare.',
    duty: 'Tid för uppdraget utöver det riktvärdet redan räknar med.',
    absenceWeeks: 'Till exempel sidotjänstgöring eller längre ledighet inom planåret.',
    careWeight: '1,0 = blandad befolkning.',
    unit: 'Kan inte ändras här.',
  },
  // Import
  notLakardel: 'Filen är ingen läkardel: bladet "Läkardel" saknas.',
  noDoctorId: 'Filen saknar läkarens id (den raden har tagits bort?). Hämta en ny läkardel ur Kapacitet.',
  unknownDoctor: (name: string) => `Läkaren i filen (”${name}”) finns inte i planen. Den kan ha tagits bort, eller filen hör till en annan enhet.`,
  sameDoctorTwice: (name: string) => `Två filer gäller samma läkare (”${name}”). Läs in en av dem.`,
  unitChanged: 'Enhetens uppgifter i läkardelen läses inte in (de ändras i Kapacitet).',
  empty: 'Inga filer valdes.',
} as const;

/** The empty template ("Hämta tom mall"): the unit workbook with no data and an instructions sheet first. */
export const TEMPLATE = {
  sheet: 'Instruktioner',
  title: 'Kapacitet – tom mall för enhetsdel och läkardel',
  lines: [
    'Så fyller du i mallen:',
    '1. Bladet Enhet: skriv enhetens namn och antalet listade, och om du vet dem enhetens vårdtyngd och hur många som har fast läkarkontakt i dag.',
    '2. Bladet Läkare: en rad per läkare. Namn, Kategori och Tjänstgöringsgrad behövs; resten fyller du i om du vet det. Kapaciteten räknas ut i kolumnerna till höger.',
    '3. Kategori skrivs som specialist, ST, geriatriker, barnläkare, dispens, hyrläkare eller AT/BT. Tal skrivs som du vill: 80 %, 0,8, 1 100.',
    '4. Spara som .xlsx och läs in filen i Kapacitet (Importera Excel). Du får veta om något inte kan läsas, med blad, rad och kolumn.',
    'Bladet Antaganden visar tidsmodellens antaganden och riktvärdena. Ändra dem bara om enheten arbetar på ett annat sätt.',
  ],
  fileName: 'Kapacitet tom mall.xlsx',
} as const;

/** The läkardel files in the app: buttons, the review of changes, outcomes. */
export const LAKARDEL_UI = {
  heading: 'Läkardelar i Excel',
  headingShort: 'Excel',
  filePrefix: 'Läkardel',
  exportOne: (name: string) => `Hämta läkardel för ${name}`,
  exportShort: 'Hämta läkardel',
  exportHint: 'En liten Excel-fil med läkarens uppgifter och kapaciteten som formler, att fylla i och skicka tillbaka.',
  importFiles: 'Läs in läkardelar …',
  importHint: 'Välj en eller flera ifyllda läkardelar. Du ser varje ändring innan något förs in i planen.',
  template: 'Hämta tom mall',
  templateHint: 'En tom arbetsbok (Enhet, Läkare, Antaganden) med instruktioner, att fylla i och läsa in med Importera Excel.',
  exported: (name: string, file: string) => `Läkardelen för ${name} sparades som ${file}.`,
  templateSaved: (file: string) => `Den tomma mallen sparades som ${file}.`,
  nothingApplied: 'Inget fördes in i planen.',
  noChanges: 'Filerna innehåller inga ändringar mot planen.',
  review: (files: number) => (files === 1 ? 'Granska ändringarna och för in dem.' : `Granska ändringarna från ${files} filer och för in dem.`),
  applied: (names: string[]) => `Ändringarna för ${names.join(', ')} finns nu i planen (Ctrl+Z ångrar alla på en gång).`,
  cancelled: 'Inläsningen avbröts; planen är oförändrad.',
  dialogTitle: 'Ändringar från läkardelar',
  dialogIntro: 'Så här skulle planen ändras. Inget har förts in ännu.',
  file: 'Fil',
  field: 'Uppgift',
  before: 'I planen',
  after: 'I filen',
  none: 'inga ändringar',
  empty: '(tomt)',
  applyAll: 'För in ändringarna',
  cancel: 'Avbryt',
  errorsHeading: 'Filerna kunde inte läsas in (inget har ändrats):',
  where: (file: string, sheet: string, row: number | null, column: string | null) =>
    [file, sheet, row !== null ? `rad ${row}` : '', column ?? ''].filter(Boolean).join(', '),
} as const;

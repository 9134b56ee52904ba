// Swedish strings of the follow-up area (snapshots, continuity, allocation). A leaf: imports nothing.
// Numbers arrive pre-formatted (sv-SE) from the caller.

const CATEGORY: Record<string, string> = {
  specialist: 'specialist i allmänmedicin',
  st: 'ST-läkare',
  geriatrician: 'geriatriker',
  pediatrician: 'barnläkare',
  dispensation: 'specialist med dispens',
  locum: 'hyrläkare',
  junior: 'AT/BT-läkare',
};

export const PRIORITY_LABELS: Record<string, string> = {
  multimorbid: 'Multisjuka',
  nursingHome: 'SÄBO',
  homeCare: 'Hemsjukvård',
  palliative: 'Palliativ vård',
  chronic: 'Annan kronisk sjukdom',
  other: 'Övriga',
};

export const AGE_BAND_LABELS: Record<string, string> = {
  '0-17': '0–17 år',
  '18-64': '18–64 år',
  '65+': '65 år och äldre',
  unknown: 'Okänd ålder',
};

export const CONTACT_TYPE_LABELS: Record<string, string> = {
  visit: 'Besök',
  video: 'Video',
  phone: 'Telefon',
  chat: 'Chatt',
  other: 'Övrigt',
};

export const FOLLOWUP_ENGINE = {
  trendHeaders: {
    month: 'Månad',
    listed: 'Listade',
    withNamedDoctor: 'Med fast läkarkontakt',
    coverage: 'Andel med fast läkarkontakt',
    nursingHome: 'Andel SÄBO-boende med fast läkarkontakt',
    threshold: 'Regionens tröskel',
    goal: 'Nationellt mål',
    source: 'Källa',
    sources: { manual: 'Inmatad', import: 'Listningsrapport', plan: 'Från planen' } as Record<string, string>,
    doctorListed: (name: string) => `Listade – ${name}`,
  },
  validate: {
    month: 'Månaden måste anges som ÅÅÅÅ-MM, till exempel 2026-11.',
    fields: {
      listed: 'Listade',
      withNamedDoctor: 'Med fast läkarkontakt',
      withNamedDoctorNursingHome: 'SÄBO-boende med fast läkarkontakt',
      nursingHomeTotal: 'SÄBO-boende totalt',
    } as Record<string, string>,
    wholeNumber: (field: string) => `${field}: ange ett heltal som är 0 eller större.`,
    namedAboveListed: 'Med fast läkarkontakt kan inte vara fler än listade.',
    nursingAboveTotal: 'SÄBO-boende med fast läkarkontakt kan inte vara fler än SÄBO-boende totalt.',
    doctorName: (row: number) => `Läkare på rad ${row}: namn saknas.`,
    doctorListed: (name: string) => `${name}: listade måste vara ett heltal som är 0 eller större.`,
    doctorPoints: (name: string) => `${name}: listningspoäng måste vara ett tal som är 0 eller större.`,
  },
  allocation: {
    category: CATEGORY,
    priorityShort: {
      multimorbid: 'multisjuka',
      nursingHome: 'SÄBO',
      homeCare: 'i hemsjukvård',
      palliative: 'palliativa',
      chronic: 'med annan kronisk sjukdom',
      other: 'övriga',
    } as Record<string, string>,
    noList: (category: string) => `Tar inga patienter: ${category} kan inte vara fast läkarkontakt.`,
    capacity: (capacity: string, listed: string, free: string, listedUnknown: boolean) =>
      `Kapacitet ${capacity} patienter, listade ${listed}${listedUnknown ? ' (okänt – räknat som 0)' : ''}: ledigt ${free} platser (kapacitet − listade).`,
    careWeight: (cw: string) =>
      `Listans vårdtyngd är ${cw}: en patient med vårdtyngd w tar w ÷ ${cw} plats, så tyngre patienter tar mer av kapaciteten.`,
    ageOld: 'Tar bara patienter som är 65 år eller äldre (geriatriker).',
    ageYoung: 'Tar bara patienter som är 0–17 år (barnläkare).',
    full: 'Ingen ledig kapacitet: listan är redan full.',
    received: (parts: string, total: string, slots: string) => `Föreslås ta ${total} patienter (${parts}), som tar ${slots} platser.`,
    load: (before: string | null, after: string) =>
      before === null ? `Belastning efter förslaget: ${after}.` : `Belastning före ${before}, efter förslaget ${after}.`,
    balanced:
      'Varje patient går till den behöriga läkare som får lägst belastning efter att ha tagit patienten; prioriterade grupper fördelas först.',
  },
};

/** Messages of the contact-log import (src/lib/io/contacts.ts). */
export const CONTACTS_IO = {
  sheetCsv: 'CSV',
  empty: 'Filen är tom eller saknar rader med kontakter.',
  unreadable: 'Filen kunde inte läsas som CSV eller Excel-arbetsbok.',
  noHeader: 'Hittar ingen rubrikrad. Första raden ska ha rubriker som Patient, Datum, Läkare och Kontakttyp.',
  missingColumn: (what: string) => `Kolumnen för ${what} saknas. Ange vilken kolumn som innehåller ${what}.`,
  columnNames: {
    patient: 'patientnyckel',
    date: 'datum',
    doctor: 'läkare',
    type: 'kontakttyp',
    named: 'fast läkarkontakt',
  } as Record<string, string>,
  emptyCell: (what: string) => `Cellen saknar ${what}.`,
  badDate: (value: string) => `”${value}” är inget giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD.`,
  doctorPersonnummer:
    'Kolumnen för läkare ser ut att innehålla personnummer. Läkare ska anges med namn eller HSA-id; importen avbröts och inget sparades.',
  tooManyErrors: (n: number) => `… och ${n} fel till.`,
  tooManyRows: (max: string) => `Filen har fler än ${max} rader; dela upp den per period.`,
  pseudonymised: (n: string) =>
    `${n} patientnycklar såg ut som personnummer. De ersattes direkt vid inläsningen med tillfälliga pseudonymer (P1, P2 …) som bara finns i minnet; personnumren sparas aldrig och visas inte.`,
  otherTypes: (n: string, examples: string) => `${n} kontakter hade en okänd kontakttyp (${examples}) och räknas som ”Övrigt”.`,
  conflictingNamed: (n: string) =>
    `${n} patienter hade olika fast läkarkontakt på olika rader; den senaste (efter datum) används.`,
  mappingUnknownPatients: (n: string) => `${n} rader i filen med fast läkarkontakt gällde patienter som inte finns i kontaktloggen.`,
  mappingNoRows: 'Filen med fast läkarkontakt innehöll inga rader med både patient och läkare.',
};

/** Allocation workbook (src/lib/io/allocationWorkbook.ts). */
export const ALLOCATION_WORKBOOK = {
  summarySheet: 'Förslag',
  patientsSheet: 'Patienter',
  unassignedSheet: 'Ej fördelade',
  title: (unit: string, date: string) => `Förslag till fördelning av fast läkarkontakt – ${unit} – ${date}`,
  explain:
    'Förslaget är ett underlag: listningspersonalen beslutar. Prioriterade grupper först; ingen läkare över sin kapacitet; jämn belastning.',
  headers: {
    doctor: 'Läkare',
    id: 'Id',
    free: 'Ledigt före (platser)',
    assigned: 'Föreslagna patienter',
    slots: 'Platser som tas',
    loadBefore: 'Belastning före',
    loadAfter: 'Belastning efter',
    reasons: 'Motivering',
    priority: 'Prioriterad grupp',
    ageBand: 'Åldersgrupp',
    careWeight: 'Vårdtyngd',
    count: 'Antal',
    patientKey: 'Patientnyckel (pseudonym)',
    done: 'Klar (x)',
    cause: 'Orsak',
  },
  causes: {
    noEligibleDoctor: 'Ingen läkare på enheten får ta gruppen (åldersgrupp eller kategori).',
    noCapacity: 'Behöriga läkare har ingen ledig kapacitet.',
  } as Record<string, string>,
  unknownWeight: 'okänd',
};

/** Patient list for the allocation (src/lib/io/allocationWorkbook.ts). */
export const PATIENT_LIST_IO = {
  sheetCsv: 'CSV',
  unreadable: 'Filen kunde inte läsas som CSV eller Excel-arbetsbok.',
  empty: 'Filen innehåller inga patienter.',
  missingKey: 'Kolumnen med patientnyckel saknas (rubrik till exempel ”Patientnyckel”).',
  emptyKey: 'Patientnyckel saknas.',
  personnummer:
    'Patientnyckeln ser ut att vara personnummer. Personnummer tas aldrig emot här: exportera listan med pseudonyma nycklar (till exempel löpnummer) och försök igen. Inget sparades.',
  badPriority: (v: string) => `”${v}” är ingen känd prioriterad grupp (multisjuk, SÄBO, hemsjukvård, palliativ, kronisk eller övrig).`,
  badAge: (v: string) => `”${v}” är ingen ålder eller åldersgrupp (till exempel 72, 0–17, 18–64 eller 65+).`,
  badBirthYear: (v: string) => `”${v}” är inget födelseår.`,
  badWeight: (v: string) => `”${v}” är ingen vårdtyngd (ett tal större än 0, till exempel 1,2).`,
};

// Words people use in workbooks they make by hand, read as the items they mean, and the warnings
// about what could not be read (issue 13: never silently dropped). A leaf: imports nothing.

/** Labels of the Enhet sheet's items as people write them (besides the exported labels). */
export const UNIT_LABEL_ALIASES: Record<string, readonly string[]> = {
  name: ['Enhet', 'Enhetens namn', 'Namn', 'Vårdcentral', 'Vårdcentralens namn', 'Hälsocentral'],
  listed: ['Listade', 'Listade invånare', 'Antal listade', 'Listade patienter', 'Listning'],
  careWeight: ['Vårdtyngd', 'Enhetens vårdtyngd', 'Vårdtyngd (index)', 'Vårdtyngd (index, 1,0 = blandad befolkning)', 'ACG', 'CNI'],
  withNamedDoctor: ['Med fast läkarkontakt', 'Listade med fast läkarkontakt', 'Fast läkarkontakt', 'Antal med fast läkarkontakt', 'Listade med fast läkarkontakt i dag'],
  withNamedDoctorNursingHome: ['SÄBO med fast läkarkontakt', 'SÄBO-boende med fast läkarkontakt', 'Boende på SÄBO med fast läkarkontakt'],
  targetCoverage: ['Mål', 'Målandel', 'Mål för andel', 'Mål: andel listade med fast läkarkontakt', 'Mål för andel med fast läkarkontakt'],
  model: ['Modell', 'Kapacitetsmodell', 'Modell som styr planen'],
  profile: ['Profil', 'Regelprofil', 'Region', 'Region/profil'],
  'priority.multimorbid': ['Multisjuka', 'Multisjuka patienter', 'Prioriterade: multisjuka'],
  'priority.nursingHome': ['SÄBO', 'Boende på SÄBO', 'SÄBO-boende', 'Särskilt boende', 'Prioriterade: boende på SÄBO'],
  'priority.homeCare': ['Hemsjukvård', 'I hemsjukvård', 'Prioriterade: hemsjukvård'],
  'priority.palliative': ['Palliativ vård', 'Palliativa', 'Palliativa patienter', 'Prioriterade: palliativ vård'],
  'priority.chronic': ['Annat kontinuerligt vårdbehov', 'Annat kroniskt vårdbehov', 'Kroniskt vårdbehov', 'Kontinuerligt vårdbehov', 'Prioriterade: annat kontinuerligt vårdbehov'],
};

export const HANDMADE = {
  unknownUnitLabel: (label: string) => `Uppgiften ”${label}” känns inte igen och lästes inte. Skriv den som en av uppgifterna i Kapacitets mall.`,
  missingItem: (label: string) => `Uppgiften ”${label}” saknas på bladet (den behövs).`,
  valueWithoutLabel: 'Cellen har ett värde men ingen uppgift till vänster (kolumn A) och lästes inte.',
  unknownColumn: (header: string) => `Kolumnen ”${header}” känns inte igen och lästes inte.`,
  noUnitSheet: 'Bladet Enhet saknas: enhetens uppgifter (listade, vårdtyngd, mål, regelprofil) behölls som de är i planen.',
  noUnitSheetNoPlan: 'Bladet Enhet saknas: fyll i enhetens uppgifter (namn, listade, vårdtyngd) under Enhet.',
  noAssumptionsSheet: 'Bladet Antaganden saknas: tidsmodellens antaganden och regelprofilen behölls som de är i planen.',
} as const;

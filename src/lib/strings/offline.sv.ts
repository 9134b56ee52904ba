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
  quotaTitle: 'Webbläsarens lagringsutrymme är fullt',
  quotaBody:
    'Den senaste ändringen kunde inte sparas. Spara en säkerhetskopia som fil nu, och frigör sedan utrymme ' +
    '(till exempel gamla säkerhetskopior i appen eller andra webbplatsers data).',
  usage: (used: string, quota: string, percent: string) => `Använt ${used} av ${quota} (${percent})`,
  unavailable: 'Webbläsaren låter inte appen spara något (privat läge?). Ändringar försvinner när fliken stängs.',
} as const;

export const REPORT_SV = {
  heading: 'Rapport',
  title: (unit: string) => `Kapacitetsplan – ${unit}`,
  intro: 'Underlag för planeringsmötet. Skriv ut eller spara som PDF (A4).',
  print: 'Skriv ut / spara som PDF',
  printHint: 'Välj ”Spara som PDF” i utskriftsdialogen för en PDF-fil.',
  metaPlan: 'Plan',
  metaDate: 'Datum',
  metaProfile: 'Regelprofil',
  metaModel: 'Kapacitet räknas enligt',
  modelGuideline: 'riktvärdet (uppifrån och ned)',
  modelTime: 'tidsmodellen (nedifrån och upp)',
  loading: 'Laddar planen …',
  noPlan: 'Ingen plan är vald. Välj eller skapa en plan först.',
  summaryHeading: 'Sammanfattning för enheten',
  doctorsHeading: 'Läkare',
  chartsHeading: 'Diagram',
  findingsHeading: 'Iakttagelser',
  noFindings: 'Inga iakttagelser: planen uppfyller profilens regler.',
  assumptionsHeading: 'Antaganden och regelvärden',
  profileValuesHeading: 'Regelprofilens värden',
  timeHeading: 'Tidsmodellens antaganden',
  localAssumption: 'lokalt antagande',
  localAssumptionNote:
    'Värden märkta ”lokalt antagande” är enhetens eller verktygets egna antaganden – inte Socialstyrelsens. ' +
    'De kan ändras under Inställningar.',
  stRampNote: (start: string, end: string) =>
    `ST-läkarens grundvärde växer med utbildningen: ${start} vid start till ${end} vid slut (lokalt antagande: riktvärdet anger bara mitten).`,
  stRampOff: 'ST-läkare räknas med riktvärdet för mitten av utbildningen under hela ST.',
  source: 'Källa',
  footer: (date: string) => `Skapad med Kapacitet ${date}. Beräkningarna följer Socialstyrelsens riktvärde för fast läkarkontakt.`,
  // Summary rows
  listed: 'Listade invånare',
  careWeight: 'Vårdtyngd (enheten)',
  withNamedDoctor: 'Har fast läkarkontakt i dag',
  coverageToday: 'Andel med fast läkarkontakt i dag',
  capacity: 'Kapacitet i planen',
  capacityGuideline: 'Kapacitet enligt riktvärdet',
  capacityTime: 'Kapacitet enligt tidsmodellen',
  coveragePossible: 'Möjlig andel med fast läkarkontakt',
  targetCoverage: 'Mål för andel',
  gapPatients: 'Glapp mot målet',
  fteNeeded: 'Behov av fler heltider (specialist)',
  priorityCovered: 'Prioriterade patienter som ryms',
  employmentFte: 'Tjänstgöring (summa)',
  clinicalFte: 'Klinisk tid (summa)',
  stimulus: 'Uppskattad stimulansersättning per period',
  patients: 'patienter',
  heltider: 'heltider',
  // Doctor table
  colName: 'Läkare',
  colCategory: 'Kategori',
  colEmployment: 'Tjänstgöring',
  colDuties: 'Uppdrag (tim/v)',
  colClinical: 'Klinisk tjänstgöring',
  colCareWeight: 'Vårdtyngd',
  colGuideline: 'Kapacitet (riktvärde)',
  colTime: 'Kapacitet (tid)',
  colListed: 'Listade i dag',
  colLoad: 'Belastning',
  total: 'Summa',
  noDoctors: 'Planen har inga läkare ännu.',
  unknown: '–',
  overCapacity: 'över kapacitet',
  // Findings
  severityError: 'Fel',
  severityWarning: 'Varning',
  severityInfo: 'Information',
  // Charts (table alternative)
  chartCapacityTitle: 'Kapacitet och listade per läkare',
  chartTableCaption: 'Kapacitet och listade per läkare (tabell)',
  chartUnitTitle: 'Enhetens kapacitet mot listade',
  chartLegendCapacity: 'Kapacitet',
  chartLegendListed: 'Listade i dag',
  chartLegendTarget: 'Mål (listade × mål för andel)',
} as const;

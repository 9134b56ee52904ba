/**
 * Ordlista och hjälp (issue 10.5): every term the app, report and workbook use, in plain Swedish, with where
 * each rule or default comes from: Socialstyrelsen (the guideline), a region's rule, or our own assumption.
 * One term per concept: the words here are the words used everywhere else. Numbers in the defaults are filled
 * in by the view through fmt (the values are the engine's own constants).
 */

export type TermSource = 'socialstyrelsen' | 'region' | 'assumption' | 'research' | 'unit';

export const SOURCE_LABELS: Record<TermSource, string> = {
  socialstyrelsen: 'Socialstyrelsen',
  region: 'En regions regel',
  assumption: 'Kapacitets eget antagande (kan ändras)',
  research: 'Forskning och uppföljning',
  unit: 'Enhetens egna uppgifter',
};

export interface Term {
  id: string;
  term: string;
  text: string;
  source: TermSource;
  /** Where it comes from, in words. */
  from: string;
}

export const TERMS: readonly Term[] = [
  { id: 'fast-lakarkontakt', term: 'Fast läkarkontakt', source: 'socialstyrelsen', from: 'Hälso- och sjukvårdslagen och Socialstyrelsens vägledning.',
    text: 'En namngiven läkare på vårdcentralen som har ansvaret för patienten över tid och samordnar vården. Det är den roll Kapacitet planerar: hur många patienter varje läkare kan vara fast läkarkontakt för.' },
  { id: 'fast-vardkontakt', term: 'Fast vårdkontakt', source: 'socialstyrelsen', from: 'Patientlagen.',
    text: 'En samordnande kontakt av vilken yrkesgrupp som helst, till exempel en sjuksköterska. Inte samma sak som fast läkarkontakt, och räknas inte här.' },
  { id: 'riktvarde', term: 'Riktvärde', source: 'socialstyrelsen', from: 'Socialstyrelsens underlag för planering av fast läkarkontakt.',
    text: '1 100 invånare per heltidsspecialist i allmänmedicin och 550 per ST-läkare mitt i utbildningen, för en blandad befolkning. Varken golv eller tak: ett stöd för planeringen.' },
  { id: 'vardtyngd', term: 'Vårdtyngd', source: 'unit', from: 'Enhetens eller regionens uppgift, till exempel ACG-vikter eller ett behovsindex.',
    text: 'Hur vårdtung en befolkning är jämfört med en blandad befolkning (index 1,00). En lista med vårdtyngd 1,20 behöver mer tid per patient, så kapaciteten delas med 1,20.' },
  { id: 'tjanstgoringsgrad', term: 'Tjänstgöringsgrad', source: 'unit', from: 'Läkarens anställning.',
    text: 'Andel av heltid, till exempel 80 %.' },
  { id: 'klinisk-tjanstgoring', term: 'Klinisk tjänstgöring', source: 'unit', from: 'Räknas av Kapacitet från läkarens uppgifter.',
    text: 'Den del av tjänsten som blir kvar för patienterna: tjänstgöringsgrad × (1 − andra uppdrag ÷ veckoarbetstid) × (1 − frånvaroveckor ÷ arbetsveckor per år). Till exempel 80 % × (1 − 4 / 32) × (1 − 6 / 42).' },
  { id: 'andra-uppdrag', term: 'Andra uppdrag', source: 'unit', from: 'Enhetens uppgifter.',
    text: 'Handledning, ledning (till exempel medicinskt ledningsansvar), forskning, sidouppdrag, möten och annat, i timmar per vecka, utöver det som riktvärdet redan räknar med. Varje uppdrag visas också som de patienter det motsvarar.' },
  { id: 'franvaro', term: 'Frånvaro', source: 'unit', from: 'Enhetens uppgifter.',
    text: 'Veckor under planåret då läkaren inte finns på enheten, till exempel föräldraledighet eller sidotjänstgöring under ST.' },
  { id: 'st-lakare', term: 'ST-läkare och ST-månader', source: 'socialstyrelsen', from: 'HSLF-FS 2021:8 (ST minst 5 år och 6 månader inklusive BT); SOSFS 2015:8 (5 år).',
    text: 'Specialiseringstjänstgöring i allmänmedicin. Riktvärdet anger 550 mitt i utbildningen; Kapacitet låter listan växa från halva till en och en halv gånger det under utbildningen (ett eget antagande), efter gjorda ST-månader av ST-tidens längd.' },
  { id: 'listningspoang', term: 'Listningspoäng', source: 'region', from: 'Regionens ersättningssystem, till exempel Västra Götaland.',
    text: 'Regionens ålders- och könsviktade poäng för en lista. En uppgift som regionen rapporterar; Kapacitet räknar inte ut den.' },
  { id: 'fiktiv-lista', term: 'Fiktiv lista', source: 'region', from: 'Region Västmanlands regel för hyrläkare.',
    text: 'En lista för patienter hos en hyrläkare, som inte kan vara fast läkarkontakt. Den heter ”<enhetens namn> Dr <namn>” och visas aldrig som fast läkarkontakt.' },
  { id: 'overenskommen-listlangd', term: 'Överenskommen listlängd', source: 'region', from: 'Västra Götalands krav på en överenskommelse; Kronobergs regel att chefen beslutar efter dialog.',
    text: 'Det antal patienter som vårdgivaren och läkaren har kommit överens om att läkaren är fast läkarkontakt för.' },
  { id: 'kapacitet', term: 'Kapacitet', source: 'socialstyrelsen', from: 'Riktvärdet eller tidsmodellen.',
    text: 'Hur många patienter läkaren kan vara fast läkarkontakt för, i hela patienter (avrundat nedåt).' },
  { id: 'tidsmodellen', term: 'Tidsmodellen', source: 'assumption', from: 'Samma samband som Murray och Tantau (listans storlek = besök läkaren har tid med ÷ besök varje patient behöver), med Kapacitets standardvärden.',
    text: 'Räknar nerifrån: arbetstid → tid för patienter → direkt patienttid → besök per år → patienter. Kapacitet visar både riktvärdet och tidsmodellen; enheten väljer vilken som styr planen.' },
  { id: 'belastning', term: 'Belastning', source: 'unit', from: 'Räknas av Kapacitet.',
    text: 'Listade i dag ÷ kapacitet, i hela procent. Över 100 % är över kapacitet; ∞ betyder listade patienter men ingen kapacitet (till exempel hos en hyrläkare).' },
  { id: 'glapp', term: 'Glapp', source: 'unit', from: 'Räknas av Kapacitet.',
    text: 'Så många patienter som saknar plats: målet × listade, avrundat uppåt, minus kapaciteten (aldrig under 0). Extra heltidsspecialister = glappet × vårdtyngd ÷ 1 100.' },
  { id: 'prioriterade', term: 'Prioriterade grupper', source: 'socialstyrelsen', from: 'Socialstyrelsens underlag för planering av fast läkarkontakt.',
    text: 'Multisjuka, boende på SÄBO, hemsjukvård, palliativ vård och annat kontinuerligt vårdbehov. De får fast läkarkontakt först: ”prioriterade som ryms” är det minsta av antalet prioriterade och kapaciteten.' },
  { id: 'lista-pa-papperet', term: 'Lista på papperet', source: 'research', from: 'Vårdanalys (2023): ungefär tre av tio invånare säger att de har en fast läkarkontakt, medan enheterna rapporterar över 55 %.',
    text: 'Patienter som har en fast läkarkontakt i dag utöver det läkarnas kapacitet räcker till: listade med fast läkarkontakt − kapaciteten.' },
  { id: 'anmarkning', term: 'Anmärkning', source: 'region', from: 'Regelprofilen (nationellt, Västra Götaland, Västmanland, Värmland eller egen).',
    text: 'Något i planen som en regel säger till om, som fel, varning eller information, till exempel en lista över kapaciteten eller en hyrläkare med egen lista.' },
  { id: 'regelprofil', term: 'Regelprofil', source: 'region', from: 'Socialstyrelsen och regionernas regler.',
    text: 'Riktvärden, ST-rampen, listgränser, trösklar och ersättning för en region, som data. Välj under Inställningar; en egen profil sparas med planen.' },
  { id: 'upc', term: 'UPC', source: 'research', from: 'Usual Provider of Care, Breslau och Reeb (1975).',
    text: 'Den andel av patientens läkarkontakter som var hos den läkare patienten träffat mest.' },
  { id: 'coc', term: 'COC (Bice–Boxerman)', source: 'research', from: 'Bice och Boxerman (1977).',
    text: 'Ett kontinuitetsindex mellan 0 och 1 som blir högre ju färre läkare patientens kontakter är spridda på.' },
  { id: 'enhetsdel-lakardel', term: 'Enhetsdel och läkardel', source: 'socialstyrelsen', from: 'Socialstyrelsens två Excel-underlag.',
    text: 'Enhetsdelen är enhetens uppgifter och sammanfattning; läkardelen är en rad per läkare. Kapacitet ersätter båda och skriver arbetsböcker som fortsätter räkna i Excel.' },
  { id: 'apt', term: 'Arbetsplatsträff (APT)', source: 'socialstyrelsen', from: 'Socialstyrelsens reflektionsmaterial, med egna ord.',
    text: 'Personalmöte med tre områden: rutiner och arbetssätt, personal och kompetens, information och kommunikation.' },
];

export const GLOSSARY = {
  heading: 'Ordlista och hjälp',
  intro: 'Vad orden i Kapacitet betyder, hur de två modellerna räknar och varifrån varje standardvärde kommer.',
  termsHeading: 'Ord',
  source: 'Källa',
  modelsHeading: 'De två sätten att räkna kapacitet',
  guidelineModel: 'Riktvärdet (uppifrån)',
  guidelineModelText: 'Grundvärde (1 100 för en specialist, 550 mitt i ST) × klinisk tjänstgöring ÷ vårdtyngd, avrundat nedåt till hela patienter. Till exempel 1 100 × 80 % × (1 − 4 / 32) ÷ 1,12 = 687.',
  timeModel: 'Tidsmodellen (nerifrån)',
  timeModelText: 'Arbetstid minus andra uppdrag, gånger arbetsveckor och närvaro, blir tid för patienter; minus indirekt tid blir direkt patienttid; delat med besökslängden blir besök per år; gånger andelen för egna listade och delat med besök per patient och år och vårdtyngd blir patienter.',
  defaultsHeading: 'Standardvärden och varifrån de kommer',
  colWhat: 'Vad',
  colValue: 'Standardvärde',
  colFrom: 'Kommer från',
  fromSocialstyrelsen: 'Socialstyrelsen',
  fromAssumption: 'Kapacitets eget antagande',
  fromRegion: (region: string) => `Regionens regel (${region})`,
  stRamp: 'ST-listan vid start och slut (andel av ST-riktvärdet)',
  stMonths: 'ST-tidens längd för en ny ST-läkare (månader)',
  targetCoverage: 'Mål för andel listade med fast läkarkontakt',
  goalCoverage: 'Nationellt mål: andel listade med fast läkarkontakt',
  minEmployment: 'Kortaste planerade anställning för en fast läkarkontakt (månader)',
  vgrLimits: 'Listgränser per heltid (Västra Götaland)',
  explainLink: (term: string) => `Vad betyder ${term}? Se ordlistan`,
  explainLinkGeneral: 'Ordlista och hjälp',
} as const;

// The names of a doctor's fields as the läkardel grid, messages and finding links call them (the
// grid's column headers; soft hyphens let them wrap in narrow columns). A leaf: imports nothing.

export const DOCTOR_FIELDS = {
    name: 'Namn',
    category: 'Kategori',
    employment: 'Tjänst\u00adgörings\u00adgrad',
    stMonthsDone: 'ST mån. gjorda',
    stMonthsTotal: 'ST mån. totalt',
    absenceWeeks: 'Frånvaro (veckor)',
    listed: 'Listade',
    listPoints: 'Listningspoäng',
    careWeight: 'Vårdtyngd',
    careWeightPoints: 'Vårdtyngdspoäng',
    plannedEnd: 'Planerat slut',
    fictiveListName: 'Fiktiv lista (hyrläkare)',
    capacityGuideline: 'Kapacitet (riktvärde)',
    capacityTime: 'Kapacitet (tid)',
    loadRatio: 'Belastning',
    findings: 'Anmärk\u00adningar',
    page: 'Läkar\u00adsamtal',
    agreedListSize: 'Överenskommen listlängd',
    agreedUntil: 'Överens\u00adkommelsen gäller till',
} as const;

/** The header of one duty kind's column, e.g. "Handledning (tim/v)". */
export const dutyField = (kindLabel: string) => `${kindLabel} (tim/v)`;

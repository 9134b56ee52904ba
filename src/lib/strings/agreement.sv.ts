// Swedish texts of the agreement (överenskommelse, domain.md §8): the engine's findings about it.
// A leaf: imports nothing.

export const AGREEMENT_FINDING_TEXT = {
  listAboveAgreed: (name: string, listed: string, agreed: string, over: string) =>
    `${name} har ${listed} listade, ${over} fler än den överenskomna listlängden ${agreed}.`,
  agreementExpired: (name: string, until: string, today: string) =>
    `Överenskommelsen med ${name} gällde till ${until} och har gått ut (i dag ${today}). Gör en ny överenskommelse.`,
  agreedAboveCapacity: (name: string, agreed: string, capacity: string, model: string) =>
    `Den överenskomna listlängden för ${name} är ${agreed}, mer än kapaciteten ${capacity} enligt ${model}.`,
} as const;

/** parsePlan messages for the agreement fields. */
export const AGREEMENT_PARSE_TEXT = {
  untilBeforeOn: (on: string, until: string) => `Överenskommelsen gäller till ${until}, före datumet då den gjordes (${on}).`,
  noteTooLong: (max: string) => `Anteckningen om överenskommelsen får vara högst ${max} tecken.`,
} as const;

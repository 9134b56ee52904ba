/**
 * Swedish texts about personal identity numbers (personnummer). A leaf: imports nothing.
 */

/** What a personnummer is replaced with wherever one would be shown (previews, error messages). */
export const PERSONNUMMER_MASK = 'ÅÅMMDD-XXXX';

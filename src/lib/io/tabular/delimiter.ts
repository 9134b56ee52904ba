/**
 * The one delimiter detector of io (issue 17.3). Swedish Excel writes `;` (the decimal comma takes
 * `,`), English systems `,`, "Unicode text" and clipboards a tab. The detector reads the first lines
 * with the real reader (so a delimiter inside quotes does not count) and picks the candidate that
 * splits them most consistently into more than one field.
 */
import { readRecords } from './reader';

export type Delimiter = ';' | ',' | '\t';

/** In order of preference when two split the lines equally well (Swedish files first). */
export const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/** Lines and characters looked at: enough for a header and a sample, cheap for a 200 MB log. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 64 * 1024;

/**
 * The delimiter of a delimited text: for each candidate, the first 20 non-blank records are read and
 * the candidate scores by how many of them share one field count above 1 (then by that count);
 * ties go to the earlier of `DELIMITERS`. `;` when nothing splits (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Drop the last, possibly cut, line of a long text.
  if (sample.length < text.length) {
    const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (cut > 0) sample = sample.slice(0, cut);
  }
  let best: Delimiter = ';';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    // The most common field count above 1, and how many records have it (a title line does not spoil it).
    const freq = new Map<number, number>();
    for (const c of fieldCounts(sample, d)) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + Math.min(c, 999));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Field counts of the first non-blank records (only counted: one field is kept per record). */
function fieldCounts(sample: string, d: Delimiter): number[] {
  const counts: number[] = [];
  readRecords([sample], d, (r) => {
    if (r.count > 1 || r.field(0).trim() !== '') counts.push(r.count);
    return counts.length < SAMPLE_LINES;
  }, 1);
  return counts;
}

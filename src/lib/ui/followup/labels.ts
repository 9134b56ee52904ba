// Kept apart from lineChart.ts, which loads Chart.js (only when a chart is drawn).

/**
 * Legend and table labels that tell namesakes apart: the second "Anna Berg" is "Anna Berg (2)". The
 * series stay keyed by id; this is only what a reader sees.
 */
export function distinctLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const k = name.trim().toLocaleLowerCase('sv-SE');
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

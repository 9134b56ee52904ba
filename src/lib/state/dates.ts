/** The local calendar date as ISO YYYY-MM-DD (the user's "today", not UTC's). */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A problem found in a user's file, placed as a person sees it in the spreadsheet program
 * (contracts.md: `{ sheet, row, column, message }`, Swedish).
 */
export interface IoMessage {
  /** Sheet name ("Läkare"), or the file name/kind for CSV ("CSV"). */
  sheet: string;
  /** Spreadsheet row number (1-based) as shown in Excel; null when the problem is the whole sheet/file. */
  row: number | null;
  /** Header name as written in the file, or the column letter when there is no header; null for a whole row/sheet. */
  column: string | null;
  message: string;
}

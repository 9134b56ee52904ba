// Swedish texts of the workbooks' print setup and of the läkardel file per doctor (Socialstyrelsen's
// separate doctor part), its import and its empty template. A leaf: imports nothing.

/** Footer of every printed sheet: the sheet's name at the left, "Sida 1 av 3" at the right. */
export const WORKBOOK_PRINT = {
  pageOf: (page: string, pages: string) => `Sida ${page} av ${pages}`,
} as const;

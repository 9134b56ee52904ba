// The import/export buttons and the drop zone, in a file of their own: the first view needs these and
// nothing else of io.sv.ts (issue 13.6, ≤ 100 KB gzip; a strings file shared with a later view is
// bundled whole with the first one).
export const IO_UI = {
  importButton: 'Importera Excel',
  importHint: 'Läs in en plan från en Excel-arbetsbok (.xlsx) som Kapacitet har skapat eller som följer samma mall.',
  exportButton: 'Exportera Excel',
  exportHint: 'Spara planen som en Excel-arbetsbok med levande formler.',
  listingButton: 'Importera listning',
  listingHint: 'Läs in antal listade per läkare från en listningsrapport (Excel eller CSV).',
  dropZone: 'Släpp en fil här för att importera',
  dropZoneHint: 'Excel-arbetsbok (.xlsx) med en plan, eller en listningsrapport (.xlsx, .csv).',
  dropZoneChoose: 'eller välj fil',
} as const;


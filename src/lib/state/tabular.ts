/**
 * The one delimited-text reader and writer of io (src/lib/io/tabular) for the UI, which may not
 * import io (lint): the grid's clipboard (src/lib/ui/grid/tsv.ts) reads and writes TSV with them, so a
 * pasted block is split by the same RFC 4180 rules as every imported CSV. A thin re-export.
 */
export { readCsv, writeDelimited } from '../io/tabular/index';
export type { TableCell, WriteOptions } from '../io/tabular/index';

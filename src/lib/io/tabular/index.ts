/**
 * The tabular-text toolkit of io (issue 17.3): one decoder, one delimiter detector, one RFC 4180
 * reader (whole text or streamed in chunks) and one writer. Every CSV/TSV in the app goes through
 * these: listing reports, contact logs, patient lists, named-doctor files, the follow-up CSV export
 * and the grid's clipboard (through src/lib/state/tabular.ts, since the UI may not import io).
 */
export { CHUNK_BYTES, NotUtf8Error, decodeChunked, decodeText, sniffEncoding, textChunks } from './decode';
export type { DecodedText, Sniffed, TextEncodingName } from './decode';
export { DELIMITERS, detectDelimiter } from './delimiter';
export type { Delimiter } from './delimiter';
export { CsvRecord, CsvStream, DEFAULT_FIELD_CAPACITY, MAX_RECORD_CHARS, readCsv, readRecords } from './reader';
export type { ReadCsvOptions, RecordCallback } from './reader';
export { writeCsv, writeDelimited, writeField } from './writer';
export type { TableCell, WriteOptions } from './writer';

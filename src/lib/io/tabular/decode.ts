/**
 * The one text decoder of io (issue 17.3, 12.7): the bytes of a CSV/TSV/text export → text.
 *
 * Encodings seen in Swedish primary-care exports: UTF-8 with or without BOM (web systems, LibreOffice),
 * Windows-1252 (Excel's "CSV" on Swedish Windows, older journal systems) and UTF-16 little- or
 * big-endian, with or without BOM (Excel's "Unicode text", some Windows report tools). UTF-16 is
 * recognised by its BOM or, without one, by the zero bytes every ASCII character carries on the same
 * side; a file that is neither text in any of these nor a spreadsheet is "binary".
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** How the bytes start: the encoding and the length of its byte-order mark. */
export interface Sniffed {
  encoding: TextEncodingName | 'binary';
  /** Bytes of the byte-order mark to skip. */
  bom: number;
}

const SNIFF_BYTES = 4096;

/**
 * The encoding from the byte-order mark, else from the zero bytes of the first 4 kB: text in UTF-16
 * has a zero byte beside nearly every ASCII character (odd offsets for little-endian, even for
 * big-endian); any other zero byte means the file is not text. 'utf-8' here means "UTF-8 or
 * Windows-1252": only decoding the whole text tells them apart (see decodeText).
 */
export function sniffEncoding(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (pairs > 0) {
    // Most characters of a CSV are ASCII: in UTF-16 one side of ≥ 60 % of the pairs is zero, the other rarely.
    if (zeroOdd >= pairs * 0.6 && zeroEven <= pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (zeroEven >= pairs * 0.6 && zeroOdd <= pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  }
  if (zeroEven + zeroOdd > 0) return { encoding: 'binary', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * Decodes a whole text file: BOM or zero-byte pattern first, then UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252. Null for a binary file (zero bytes that are not UTF-16).
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const s = sniffEncoding(bytes);
  if (s.encoding === 'binary') return null;
  const body = bytes.subarray(s.bom);
  if (s.encoding !== 'utf-8') return { text: new TextDecoder(s.encoding).decode(body), encoding: s.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** Thrown by `textChunks` when bytes read as strict UTF-8 are not UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not utf-8');
  }
}

/** Bytes decoded per chunk by `textChunks` (4 MB: about 80 000 contact-log rows). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The text of `bytes` in chunks, for the streaming reader: memory stays one chunk of text instead of
 * the whole file as a string. With `encoding` 'utf-8' the decoder is strict and throws NotUtf8Error
 * at the first invalid byte; the caller then starts again with 'windows-1252' (decodeChunked does so).
 */
export function* textChunks(bytes: Uint8Array, encoding: TextEncodingName, bom: number, chunkBytes = CHUNK_BYTES): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const decode = (part?: Uint8Array, stream = false): string => {
    try {
      return part ? decoder.decode(part, { stream }) : decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
  };
  // Even steps keep UTF-16 code units whole; the streaming decoder joins split surrogates and UTF-8 sequences.
  const step = Math.max(2, chunkBytes & ~1);
  for (let at = bom; at < bytes.length; at += step) {
    const end = Math.min(bytes.length, at + step);
    const text = decode(bytes.subarray(at, end), end < bytes.length);
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}

/**
 * Runs `consume` over the chunks of a text file: as UTF-8 first (or the sniffed UTF-16), and once
 * more from the start as Windows-1252 if the bytes turn out not to be UTF-8. Returns the encoding
 * used, or null for a binary file. `consume` must start from scratch on each call.
 */
export function decodeChunked<T>(bytes: Uint8Array, consume: (chunks: Iterable<string>, encoding: TextEncodingName) => T, chunkBytes = CHUNK_BYTES): { value: T; encoding: TextEncodingName } | null {
  const s = sniffEncoding(bytes);
  if (s.encoding === 'binary') return null;
  if (s.encoding !== 'utf-8') return { value: consume(textChunks(bytes, s.encoding, s.bom, chunkBytes), s.encoding), encoding: s.encoding };
  try {
    return { value: consume(textChunks(bytes, 'utf-8', s.bom, chunkBytes), 'utf-8'), encoding: 'utf-8' };
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    return { value: consume(textChunks(bytes, 'windows-1252', s.bom, chunkBytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

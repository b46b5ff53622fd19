// Bytes of an uploaded file → text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM; refuses zips and binaries.
import { MAX_BYTES } from './limits';
import { fail, ok, type Result } from './types';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: Encoding;
}

/** How many leading bytes are looked at for NUL and control bytes; a binary shows itself early. */
const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** NUL, or control bytes other than tab, line feed, carriage return, form feed: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
      return true;
  }
  return false;
}

/**
 * The text of `input` without a byte order mark. Text that is not valid UTF-8 is read as
 * Windows-1252, what Excel on Windows writes for "CSV (comma delimited)" (Finnish letters survive).
 */
export function decode(input: string | Uint8Array): Result<DecodedText> {
  if (typeof input === 'string') {
    if (input.length > MAX_BYTES)
      return fail({ kind: 'too-large', limit: 'bytes', max: MAX_BYTES });
    return ok({ text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' });
  }
  if (input.length > MAX_BYTES) return fail({ kind: 'too-large', limit: 'bytes', max: MAX_BYTES });
  // "PK\x03\x04": a zip, e.g. an .xlsx renamed to .csv.
  if (startsWith(input, [0x50, 0x4b, 0x03, 0x04])) return fail({ kind: 'not-text', detail: 'zip' });
  if (startsWith(input, [0xff, 0xfe]))
    return ok({
      text: new TextDecoder('utf-16le').decode(input.subarray(2)),
      encoding: 'utf-16le',
    });
  if (startsWith(input, [0xfe, 0xff]))
    return ok({
      text: new TextDecoder('utf-16be').decode(input.subarray(2)),
      encoding: 'utf-16be',
    });
  const body = startsWith(input, [0xef, 0xbb, 0xbf]) ? input.subarray(3) : input;
  if (looksBinary(body)) return fail({ kind: 'not-text', detail: 'binary' });
  try {
    return ok({ text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' });
  } catch {
    return ok({ text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' });
  }
}

// File bytes → text: the encodings spreadsheets and CRMs write, and the files that are refused outright.
import { describe, expect, it } from 'vitest';
import { decode, importDeals, MAX_BYTES } from '../../../core/import/index';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decode', () => {
  it('refuses a zip such as an .xlsx renamed to .csv', () => {
    expect(decode(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toEqual({
      ok: false,
      error: { kind: 'not-text', detail: 'zip' },
    });
  });

  it('refuses a binary file (NUL and control bytes)', () => {
    expect(decode(new TextEncoder().encode('Amount\n12\u0000\u0001\u0002'))).toEqual({
      ok: false,
      error: { kind: 'not-text', detail: 'binary' },
    });
  });

  it('reads UTF-8 with and without a BOM, the BOM dropped', () => {
    const text = 'Deal Name\nSäästö';
    const plain = new TextEncoder().encode(text);
    expect(decode(plain)).toEqual({ ok: true, value: { text, encoding: 'utf-8' } });
    expect(decode(bytes(0xef, 0xbb, 0xbf, ...plain))).toEqual({
      ok: true,
      value: { text, encoding: 'utf-8' },
    });
    expect(decode(`\uFEFF${text}`)).toEqual({ ok: true, value: { text, encoding: 'utf-8' } });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decode(bytes(0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00))).toEqual({
      ok: true,
      value: { text: 'Aä', encoding: 'utf-16le' },
    });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe4))).toEqual({
      ok: true,
      value: { text: 'Aä', encoding: 'utf-16be' },
    });
  });

  it('reads text that is not UTF-8 as Windows-1252, what Excel on Windows saves as CSV', () => {
    // "Hävitty" with ä as the single byte 0xE4.
    expect(decode(bytes(0x48, 0xe4, 0x76, 0x69, 0x74, 0x74, 0x79))).toEqual({
      ok: true,
      value: { text: 'Hävitty', encoding: 'windows-1252' },
    });
  });

  it('refuses a file above the byte limit before reading it', () => {
    const tooLarge = { kind: 'too-large', limit: 'bytes', max: MAX_BYTES };
    expect(decode(new Uint8Array(MAX_BYTES + 1))).toEqual({ ok: false, error: tooLarge });
    expect(decode('a'.repeat(MAX_BYTES + 1))).toEqual({ ok: false, error: tooLarge });
  });

  it('passes the refusal through importDeals', () => {
    expect(importDeals(bytes(0x50, 0x4b, 0x03, 0x04))).toEqual({
      ok: false,
      error: { kind: 'not-text', detail: 'zip' },
    });
  });
});

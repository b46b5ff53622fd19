// Splits a large block of cell inputs into row chunks whose requests stay well under Excel on the web's payload limit.

/**
 * Excel on the web refuses a request (or a response) above 5 MB: "Resource limits and performance
 * optimization for Office Add-ins", section "Excel add-ins", learn.microsoft.com.
 */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What one chunk's cell inputs may weigh as JSON: half the limit, leaving room for what Office.js
 * wraps around each call and for any difference in how Excel counts the bytes.
 */
export const CHUNK_BYTES = WEB_PAYLOAD_LIMIT / 2;

/** The UTF-8 size of `value` as JSON, the form Office.js sends cell inputs in. */
export function jsonBytes(value: string | number | boolean): number {
  if (typeof value !== 'string') return String(value).length;
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A quote or backslash is escaped; a lone surrogate half counts 3, a pair 3 + 3 ≥ its 4.
    bytes += code === 0x22 || code === 0x5c ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** The JSON size of one row of inputs, brackets and commas included. */
export function rowBytes(row: readonly (string | number | boolean)[]): number {
  let bytes = 1 + row.length;
  for (const value of row) bytes += jsonBytes(value);
  return bytes;
}

/** A run of rows [start, end) sent in one request. */
export interface RowChunk {
  start: number;
  end: number;
}

/**
 * Consecutive chunks covering every row, each weighing at most `budget` bytes by `weigh` (a row
 * heavier than the budget alone goes in a chunk of its own), so the number of requests grows
 * with the data's size ÷ budget only.
 */
export function rowChunks(
  count: number,
  weigh: (row: number) => number,
  budget: number = CHUNK_BYTES,
): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < count; row++) {
    const weight = weigh(row);
    if (row > start && bytes + weight > budget) {
      chunks.push({ start, end: row });
      start = row;
      bytes = 0;
    }
    bytes += weight;
  }
  if (count > start) chunks.push({ start, end: count });
  return chunks;
}

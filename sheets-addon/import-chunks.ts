// How the sidebar splits an import's rows into google.script.run calls, and the bounds the server holds each call to.

/**
 * The most rows one call carries. Each call is one Apps Script execution (6 minutes at most,
 * Apps Script quotas): 20,000 rows × 12 columns is one setValues of 240,000 cells, a few seconds.
 */
export const IMPORT_CHUNK_ROWS = 20_000;

/**
 * The most JSON text (UTF-16 code units) of rows one call carries. google.script.run documents
 * which values may be passed (primitives, plain objects and arrays) and at most 10 concurrent
 * calls, but no size limit; Google's API front ends refuse request bodies above 10,485,760 bytes
 * ("Request payload size exceeds the limit: 10485760 bytes"). 2,000,000 code units are at most
 * 6 MB as UTF-8 (3 bytes per code unit), below that with room for the call's own wrapping;
 * typical CRM rows (about 150 characters) fill a chunk of 13,000 rows.
 */
export const IMPORT_CHUNK_CHARS = 2_000_000;

/**
 * Consecutive runs of `rows` (data rows, or the import record's lines) within both bounds, each
 * with the number of rows before it. A row on its own above the character bound still gets a
 * chunk of its own (cells are at most 50,000 characters, so a row is at most about 600,000).
 */
export function importChunks<Row>(
  rows: readonly Row[],
  maxRows = IMPORT_CHUNK_ROWS,
  maxChars = IMPORT_CHUNK_CHARS,
): { offset: number; rows: Row[] }[] {
  const chunks: { offset: number; rows: Row[] }[] = [];
  let start = 0;
  let chars = 0;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row).length + 1;
    if (i > start && (i - start >= maxRows || chars + size > maxChars)) {
      chunks.push({ offset: start, rows: rows.slice(start, i) });
      start = i;
      chars = 0;
    }
    chars += size;
  });
  if (rows.length > start) chunks.push({ offset: start, rows: rows.slice(start) });
  return chunks;
}

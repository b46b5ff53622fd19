// A1 notation for zero-based row/column positions.

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "B5" for row 4, column 1. */
export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B5:D9", or "B5" for a single cell. */
export function rangeRef(row1: number, col1: number, row2: number, col2: number): string {
  const first = cellRef(row1, col1);
  return row1 === row2 && col1 === col2 ? first : `${first}:${cellRef(row2, col2)}`;
}

/** Zero-based row and column of a cell reference like "B5". */
export function parseCell(ref: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`Not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** The corners of "B5:D9" (or of a single cell "B5"). */
export function parseRange(ref: string): {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
} {
  const [first, second = first] = ref.split(':') as [string, string?];
  const a = parseCell(first);
  const b = parseCell(second!);
  return { row1: a.row, col1: a.col, row2: b.row, col2: b.col };
}

// Renders rows of text as an aligned plain-text table for the console.

/** Columns padded to their widest cell; numbers (right-aligned) are told apart by `alignRight`. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: readonly boolean[] = [],
): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)];
}

// CSV/TSV text → header and data rows (papaparse does the quoting), blank lines and a totals row set aside.
import Papa from 'papaparse';
import { shorten } from '../errors';
import { MAX_ROWS } from './limits';
import { fail, ok, type Result, type RowProblem } from './types';

export type Delimiter = ',' | ';' | '\t';

/** A data row with the row number a spreadsheet opening the file would show (header = row 1). */
export interface SourceRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface RawTable {
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  readonly rows: readonly SourceRow[];
  /** The trailing totals row, dropped and reported (never summed as a deal). */
  readonly problems: readonly RowProblem[];
}

// A cell that is only such a label ("Total", "Grand Totals (38 records)", "Yhteensä:") marks a
// report's totals line; a whole-cell match keeps a deal named "Total Solutions Oy" a deal.
const TOTALS_LABEL =
  /^(?:(?:grand\s+)?totals?|yhteensä|kaikki\s+yhteensä|summa|sum)\s*(?:\(.*\))?:?$/i;

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A totals row: some cell is a "Total"/"Yhteensä" label, as report exports end. */
function isTotalsRow(cells: readonly string[]): boolean {
  return cells.some((cell) => TOTALS_LABEL.test(cell.trim()));
}

/** The delimiter with the most consistent, most numerous fields over the first lines. */
function detectDelimiter(text: string): Delimiter {
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    preview: 20,
    skipEmptyLines: true,
  });
  const delimiter = guess.meta.delimiter;
  return delimiter === ';' || delimiter === '\t' ? delimiter : ',';
}

export function readTable(text: string): Result<RawTable> {
  if (!/\S/.test(text)) return fail({ kind: 'empty' });
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const records = parsed.data;
  const headerIndex = records.findIndex((cells) => !isBlankRow(cells));
  const headers = (records[headerIndex] ?? []).map((header) => header.trim());
  let rows: SourceRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    if (!isBlankRow(cells)) rows.push({ row: i + 1, cells });
  }
  const problems: RowProblem[] = [];
  const last = rows[rows.length - 1];
  if (last && isTotalsRow(last.cells)) {
    const label = last.cells.find((cell) => TOTALS_LABEL.test(cell.trim())) ?? '';
    problems.push({
      row: last.row,
      column: '',
      value: shorten(label.trim()),
      reason: 'totals-row',
      leftOut: true,
    });
    rows = rows.slice(0, -1);
  }
  if (rows.length === 0) return fail({ kind: 'headers-only' });
  if (rows.length > MAX_ROWS) return fail({ kind: 'too-large', limit: 'rows', max: MAX_ROWS });
  return ok({ delimiter, headers, rows, problems });
}

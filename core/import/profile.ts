// One pass over a deals file for the sidebar: headers, the first rows and, per column, what choosing it needs (distinct values, date order, decimal mark); never the rows.
import { detectDayOrder, type DayOrder } from './dates';
import { decimalEvidence, type DecimalMark } from './numbers';
import { visitRows, type Delimiter, type SourceRow } from './table';
import { ok, type Result, type RowProblem } from './types';

/**
 * Distinct texts counted per column: a stage or status column has tens, so any column a user
 * may pick as one is counted whole; names and ids stop being counted here, which bounds the
 * memory to columns × this many strings whatever the row count.
 */
export const MAX_DISTINCT = 1000;

/** What one column of the file holds, summed as its rows pass. */
export interface ColumnProfile {
  /** Non-blank trimmed texts → rows holding them, in order of first appearance; the first MAX_DISTINCT. */
  readonly values: Map<string, number>;
  /** Whether more distinct texts came than `values` counts. */
  capped: boolean;
  /** Slashed dates that read as a day in either order, and how many read day first / month first. */
  slashed: number;
  dayFirst: number;
  monthFirst: number;
  /** The first cell with a slash, to show when asking for the day order. */
  example: string;
  /** Values proving a decimal point / a decimal comma. */
  dots: number;
  commas: number;
}

export interface FileProfile {
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The first data rows whole, for previewing a mapping. */
  readonly rows: readonly SourceRow[];
  /** Data rows, the trailing totals row not counted (`problems` reports it). */
  readonly rowCount: number;
  readonly problems: readonly RowProblem[];
  readonly columns: readonly ColumnProfile[];
}

// Cells are slices of the file's text; a kept slice would keep the whole text alive.
const own = (text: string) => (text.length > 12 ? (' ' + text).slice(1) : text);

function emptyProfile(): ColumnProfile {
  return {
    values: new Map(),
    capped: false,
    slashed: 0,
    dayFirst: 0,
    monthFirst: 0,
    example: '',
    dots: 0,
    commas: 0,
  };
}

function count(profile: ColumnProfile, raw: string): void {
  const cell = raw.trim();
  if (cell === '') return;
  const seen = profile.values.get(cell);
  if (seen !== undefined) profile.values.set(cell, seen + 1);
  else if (profile.values.size < MAX_DISTINCT) profile.values.set(own(cell), 1);
  else profile.capped = true;
  if (cell.includes('/')) {
    if (profile.example === '') profile.example = own(cell);
    // One value at a time, by the same rule that reads a whole column.
    const order = detectDayOrder([cell]);
    if (order !== null) {
      profile.slashed++;
      if (order !== 'mdy') profile.dayFirst++;
      if (order !== 'dmy') profile.monthFirst++;
    }
  }
  if (cell.includes('.') || cell.includes(',')) {
    const mark = decimalEvidence(cell);
    if (mark === '.') profile.dots++;
    else if (mark === ',') profile.commas++;
  }
}

/** The profile of the text of a deals file; refusals as `readTable` gives them. */
export function profileFile(text: string, firstRows: number): Result<FileProfile> {
  const rows: SourceRow[] = [];
  const columns: ColumnProfile[] = [];
  let rowCount = 0;
  const read = visitRows(text, {
    header(headers) {
      for (let c = 0; c < headers.length; c++) columns.push(emptyProfile());
    },
    row(row) {
      rowCount++;
      if (rows.length < firstRows) rows.push({ row: row.row, cells: row.cells.map(own) });
      const cells = row.cells;
      const n = Math.min(cells.length, columns.length);
      for (let c = 0; c < n; c++) count(columns[c] as ColumnProfile, cells[c] as string);
    },
  });
  if (!read.ok) return read;
  return ok({
    delimiter: read.value.delimiter,
    headers: read.value.headers.map(own),
    rows,
    rowCount,
    problems: read.value.problems,
    columns,
  });
}

/** The day order of the columns' slashed dates, as `detectDayOrder` reads them. */
export function profiledDayOrder(column: ColumnProfile): DayOrder | 'ambiguous' | null {
  if (column.slashed === 0) return null;
  if (column.dayFirst === column.slashed && column.monthFirst === column.slashed)
    return 'ambiguous';
  return column.monthFirst > column.dayFirst ? 'mdy' : 'dmy';
}

/** The decimal mark of the columns, as `detectDecimalMark` reads them: "." unless commas prove more. */
export function profiledDecimalMark(columns: readonly ColumnProfile[]): DecimalMark {
  let dots = 0;
  let commas = 0;
  for (const column of columns) {
    dots += column.dots;
    commas += column.commas;
  }
  return commas > dots ? ',' : '.';
}

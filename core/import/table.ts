// CSV/TSV text → header and data rows, streamed (papaparse does the quoting), blank lines and a totals row set aside.
import Papa from 'papaparse';
import { shorten } from '../errors';
import { MAX_ROWS } from './limits';
import { fail, ok, type Result, type RowProblem } from './types';

export type Delimiter = ',' | ';' | '\t';
type Newline = '\r\n' | '\n' | '\r';

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

/** How much of the start of a file the delimiter and line ends are guessed from (20 lines fit). */
const SAMPLE_CHARS = 65_536;

/**
 * The delimiter with the most consistent, most numerous fields over the first lines, and the
 * line end (handed to the full parse, which would otherwise guess it again over a megabyte).
 */
function detectLayout(text: string): { delimiter: Delimiter; newline: Newline | undefined } {
  const start = text.slice(0, SAMPLE_CHARS);
  // A first line longer than the sample: the guess needs the whole file, as it did before.
  const sample = /[\r\n]/.test(start) ? start : text;
  const guess = Papa.parse<string[]>(sample, {
    delimitersToGuess: [',', ';', '\t'],
    preview: 20,
    skipEmptyLines: true,
  });
  const found = guess.meta.delimiter;
  const delimiter = found === ';' || found === '\t' ? found : ',';
  const end = guess.meta.linebreak;
  return { delimiter, newline: end === '\r\n' || end === '\n' || end === '\r' ? end : undefined };
}

/**
 * Distinct texts a column may have for its cells to share one string per text: stages, owners,
 * sources, currencies and amounts repeat, so 100,000 rows hold a few hundred strings, not
 * 100,000 copies. A column with more distinct texts (names, ids, timestamps) stops sharing.
 */
const INTERNED_TEXTS = 4096;

/** How many data rows an import keeps whole, for showing the mapping with the first rows parsed. */
export const PREVIEW_ROWS = 10;

/**
 * The data rows of a file as columns: only the columns a mapping reads, each cell trimmed. A
 * 100,000-row export is read row by row into these, so no row array outlives its line.
 */
export interface ColumnTable {
  readonly delimiter: Delimiter;
  readonly headers: readonly string[];
  /** The spreadsheet row number of each data row. */
  readonly rowNumbers: readonly number[];
  /** Column index → the trimmed text of that column in every data row; absent when not kept. */
  readonly columns: readonly (readonly string[] | undefined)[];
  /** The first `PREVIEW_ROWS` data rows with all their cells. */
  readonly preview: readonly SourceRow[];
  /** The trailing totals row, dropped and reported (never summed as a deal). */
  readonly problems: readonly RowProblem[];
}

export interface RowVisitor {
  /** The header row (trimmed); called once, before any data row. */
  header(headers: readonly string[]): void;
  /** A data row that is neither blank nor the trailing totals row, in file order. */
  row(row: SourceRow): void;
}

/**
 * Streams the data rows of `text` to `visit`, holding each row back until the next one arrives
 * so that a trailing totals row is reported instead of read. Stops at the row limit.
 */
export function visitRows(
  text: string,
  visit: RowVisitor,
): Result<{ delimiter: Delimiter; headers: readonly string[]; problems: RowProblem[] }> {
  if (!/\S/.test(text)) return fail({ kind: 'empty' });
  const { delimiter, newline } = detectLayout(text);
  let headers: string[] | null = null;
  let held: SourceRow | null = null;
  let count = 0;
  let record = 0;
  const pass = (row: SourceRow): boolean => {
    if (count === MAX_ROWS) return false;
    count++;
    visit.row(row);
    return true;
  };
  let tooMany = false;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step(results, parser) {
      record++;
      const cells = results.data;
      if (isBlankRow(cells)) return;
      if (headers === null) {
        headers = cells.map((header) => header.trim());
        visit.header(headers);
        return;
      }
      const previous = held;
      held = { row: record, cells };
      if (previous !== null && !pass(previous)) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  const problems: RowProblem[] = [];
  const last = held as SourceRow | null;
  if (!tooMany && last !== null) {
    const label = last.cells.find((cell) => TOTALS_LABEL.test(cell.trim()));
    if (label === undefined) tooMany = !pass(last);
    else
      problems.push({
        row: last.row,
        column: '',
        value: shorten(label.trim()),
        reason: 'totals-row',
        leftOut: true,
      });
  }
  if (count === 0) return fail({ kind: 'headers-only' });
  if (tooMany) return fail({ kind: 'too-large', limit: 'rows', max: MAX_ROWS });
  return ok({ delimiter, headers: headers ?? [], problems });
}

/** Every data row of `text` with all its cells: for small files and tests; imports use `readColumns`. */
export function readTable(text: string): Result<RawTable> {
  const rows: SourceRow[] = [];
  const read = visitRows(text, { header: () => undefined, row: (row) => rows.push(row) });
  return read.ok ? ok({ ...read.value, rows }) : read;
}

/** An upper bound of the records in `text`: its line ends, plus one for a last line without one. */
function recordBound(text: string): number {
  let lines = 1;
  const end = text.includes('\n') ? '\n' : '\r';
  for (let at = text.indexOf(end); at >= 0 && lines <= MAX_ROWS + 2; at = text.indexOf(end, at + 1))
    lines++;
  return lines;
}

/**
 * The data rows of `text` as columns; `wanted` names the columns to keep once the headers are
 * known (the mapping reads them), every other cell is dropped as its row is read.
 */
export function readColumns(
  text: string,
  wanted: (headers: readonly string[]) => readonly number[],
): Result<ColumnTable> {
  const capacity = recordBound(text);
  const rowNumbers: number[] = [];
  const columns: (string[] | undefined)[] = [];
  const kept: string[][] = [];
  const keptIndexes: number[] = [];
  const interned: (Map<string, string> | null)[] = [];
  const preview: SourceRow[] = [];
  let size = 0;
  const read = visitRows(text, {
    header(headers) {
      for (const column of wanted(headers))
        if (column >= 0 && columns[column] === undefined) {
          // Written by index, not grown by push: growing 100,000-cell arrays of fresh strings cost
          // more than the parsing. Every cell up to `size` is written; the rest is cut off below.
          const cells = new Array<string>(capacity);
          columns[column] = cells;
          kept.push(cells);
          keptIndexes.push(column);
          interned.push(new Map());
        }
    },
    row(row) {
      rowNumbers.push(row.row);
      for (let k = 0; k < kept.length; k++) {
        let cell = (row.cells[keptIndexes[k] as number] ?? '').trim();
        const known = interned[k] as Map<string, string> | null;
        if (known !== null) {
          const same = known.get(cell);
          if (same !== undefined) cell = same;
          else if (known.size < INTERNED_TEXTS) known.set(cell, cell);
          else interned[k] = null;
        }
        (kept[k] as string[])[size] = cell;
      }
      size++;
      if (preview.length < PREVIEW_ROWS) preview.push(row);
    },
  });
  for (const cells of kept) cells.length = size;
  return read.ok ? ok({ ...read.value, rowNumbers, columns, preview }) : read;
}

/** The columns of a whole table, as `readColumns` gives them. */
export function tableColumns(table: RawTable, wanted: readonly number[]): ColumnTable {
  const columns: (string[] | undefined)[] = [];
  for (const column of wanted)
    if (column >= 0) columns[column] = table.rows.map((row) => (row.cells[column] ?? '').trim());
  return {
    delimiter: table.delimiter,
    headers: table.headers,
    rowNumbers: table.rows.map((row) => row.row),
    columns,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    problems: table.problems,
  };
}

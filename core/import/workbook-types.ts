// The shapes an import hands to hosts: the data sheet ("Deals"/"Kaupat") and the request that writes it with its analysis.
import type { Lang, SheetPlan, StyleRole } from '../templates/plan';
import type { DayOrder } from './dates';
import { FIELD_KEYS, type FieldKey, type Outcome } from './types';

/**
 * The data sheet's columns, A to L, in this order in every language. The pipeline template's
 * formulas read them by whole column (`'Deals'!$E:$E`), so a re-import with more or fewer rows
 * never breaks them: `row` (the row of the source file the deal came from), then the fields.
 */
export const DATA_COLUMNS = ['row', ...FIELD_KEYS] as const;
export type DataColumn = (typeof DATA_COLUMNS)[number];

/** A literal cell of the data sheet: text stays text (never a formula), dates are serials, "" is blank. */
export type DataValue = string | number;

/** A cell of the import record beside the deals: literal text or number, with its style role. */
export interface RecordCell {
  value: DataValue;
  role?: StyleRole;
  /** Number format code, as in plans ("yyyy-mm-dd"); absent means General. */
  format?: string;
}

/**
 * The data sheet an import (or the pipeline template's example) writes. One per workbook and
 * language: a re-import replaces its rows after asking. Hosts write:
 *  1. `header` into A1:L1 and `rows` from A2 (values only, in chunks where the host limits a
 *     request's size), formats per column from `columns`, widths, row 1 frozen;
 *  2. `record` from `recordAnchor` (column N, row 1), its columns `recordColumns` wide: the import's facts, the column and stage
 *     mappings (kept with the workbook so a re-import does not ask again: `readImportRecord`
 *     parses them back) and one line per reported row ("Import issues");
 *  3. an Excel table named `tableName` over A1:L(n+1) where the API has tables; in Sheets a
 *     named range `tableName` over the same cells.
 */
export interface DataSheetPlan {
  /** "Deals" / "Kaupat". Not made unique: the pipeline's formulas name this sheet. */
  sheetName: string;
  lang: Lang;
  /** Excel table / Sheets named range name, the same in every language ("KpiDeals"). */
  tableName: string;
  /** Column titles for A1:L1, in the sheet's language. */
  header: string[];
  /** Per column A–L: its key, number format ("" for General) and width in pixels. */
  columns: { key: DataColumn; format: string; width: number }[];
  /** The deals from row 2, each `DATA_COLUMNS.length` values long. */
  rows: DataValue[][];
  /** Top-left cell of `record` ("N1"). */
  recordAnchor: string;
  /** The import record: a dense grid, `null` for an empty cell. */
  record: (RecordCell | null)[][];
  /**
   * Per column of the record from its anchor: its width in pixels, fitted to its labels in both
   * languages and its values. Its length is the record's width (no line is longer), so hosts need
   * not scan up to 200,000 lines for it.
   */
  recordColumns: { width: number }[];
  /** Whether the rows are the labelled example data rather than the user's. */
  example: boolean;
}

/** What a re-import reads back from an existing data sheet's record, so it asks nothing twice. */
export interface SavedImportSettings {
  /** Field → the file's column header it was read from. */
  columns: Partial<Record<FieldKey, string>>;
  /** Stage name → outcome, as the user settled them. */
  stages: Record<string, Outcome>;
  /** Every header a field was read from, in order (Pipedrive's won / lost times); `columns` holds the first. */
  columnLists?: Partial<Record<FieldKey, string[]>>;
  /** Salesforce's "Won" and "Closed" checkbox headers, when they decided the outcome. */
  flags?: { won: string; closed: string };
  /** The user's day-first / month-first answers for date fields whose slashed dates read both ways. */
  dayOrders?: Partial<Record<FieldKey, DayOrder>>;
}

/**
 * What the sidebar asks a host to write for one import: the data sheet, then the pipeline
 * analysis that reads it. With `replace`, an existing data sheet of that name keeps its place
 * and only its rows and record are replaced (the user agreed); without, an existing data sheet
 * makes the host refuse with a message, writing nothing. The analysis sheet is new and made
 * unique like every template; hosts skip it when `analysis` is null (a re-import whose analysis
 * is already in the workbook). A failure part way leaves the workbook as it was.
 */
export interface ImportRequest {
  dataSheet: DataSheetPlan;
  analysis: SheetPlan | null;
  replace: boolean;
}

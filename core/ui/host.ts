// The contract between the one sidebar UI and the host it runs in (Excel, Google Sheets, preview).
import type { DataValue, ImportRequest } from '../import/workbook-types';
import type { HostDefaults, TemplateId, TemplateOptionsInput } from '../templates/options';

/** What the sidebar asks a host to insert: the same request shape everywhere (templates.md). */
export interface InsertRequest {
  templateId: TemplateId;
  options: TemplateOptionsInput;
}

/**
 * Everything the sidebar needs from a host. Each host implements this once (excel-addin/,
 * sheets-addon/, the preview); the UI never calls a host API itself.
 */
export interface SidebarHost {
  /** Which host this is: selects the CSS theme (Fluent in Excel, Google's add-on look in Sheets). */
  readonly kind: 'excel' | 'sheets' | 'preview';
  /** How formulas name the KPI functions in this host: "KPI." in Excel, "" in Sheets. */
  readonly functionPrefix: string;
  /** The host's display language (BCP 47, e.g. "fi-FI"), currency and current month. */
  defaults(): HostDefaults & { displayLanguage?: string };
  /**
   * Inserts a template into a new sheet. Resolves with the created sheet's name; rejects with an
   * Error whose message the sidebar shows to the user as is.
   */
  insertTemplate(request: InsertRequest): Promise<{ sheetName: string }>;
  /**
   * Puts a formula into the active cell (the top-left cell of a larger selection), where the host
   * can; otherwise the sidebar offers copying. Reads the cell and writes in one step, writing only
   * what `mayWrite` allows, so a cell that changed meanwhile is never overwritten. Rejects with an
   * Error whose message the sidebar shows as is.
   */
  insertFormula?(request: FormulaRequest): Promise<FormulaOutcome>;
  /**
   * The values of `range` ("N1:Q60") on sheet `sheetName`, or null when the workbook has no sheet
   * of that name: how a re-import finds the data sheet and its saved settings
   * (`parseImportRecord` in core/import turns the cells back into them). Blank cells are "".
   */
  readSheetValues?(sheetName: string, range: string): Promise<DataValue[][] | null>;
  /**
   * Writes an import: the data sheet, then its analysis sheet (see `ImportRequest`). Resolves with
   * the sheet names used; rejects with an Error whose message the sidebar shows as is, having
   * left the workbook as it was.
   */
  importDeals?(request: ImportRequest): Promise<{ dataSheet: string; analysis: string | null }>;
}

/** The cell a formula goes into, as the host found it. */
export interface TargetCell {
  /** The sheet holding the cell. */
  sheet: string;
  /** The cell in A1 notation ("B4"): the active cell, or the top-left cell of a larger selection. */
  address: string;
  /** The whole selection ("B4:D9") when it is more than one cell. */
  selection?: string;
  /** What the cell holds: its formula, or its value as text; "" when it is empty. */
  content: string;
}

/** What the sidebar asks a host to write into the active cell. */
export interface FormulaRequest {
  formula: string;
  /** The number format code for the result, as the templates use them; absent keeps the cell's own. */
  numberFormat?: string;
  /**
   * The cell as the user saw it when agreeing to replace what it holds. Absent: write only into
   * an empty cell.
   */
  expected?: TargetCell;
}

/** What came of a FormulaRequest. */
export type FormulaOutcome =
  | { status: 'written'; cell: TargetCell }
  /** Nothing written: the cell was not empty, or not the one `expected` describes; `cell` is as found. */
  | { status: 'refused'; cell: TargetCell }
  /** Nothing written: no cell (or no single block of cells) is selected. */
  | { status: 'noCell' };

/**
 * Whether a host may write into `found`: an empty cell when nothing was `expected`, else only the
 * very cell the user agreed to replace, still holding what it held then.
 */
export function mayWrite(found: TargetCell, expected?: TargetCell): boolean {
  if (expected === undefined) return found.content === '';
  return (
    found.sheet === expected.sheet &&
    found.address === expected.address &&
    found.content === expected.content
  );
}

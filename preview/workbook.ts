// The preview's in-browser workbook: sheets computed live by HyperFormula, with how each cell looks and who may edit it.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { parseRange } from '../core/templates/a1';
import type { Lang } from '../core/templates/options';
import type {
  ChartPlan,
  ConditionalFormatPlan,
  PlanCell,
  RowHeightPlan,
  ValidationPlan,
} from '../core/templates/plan';
import { formulaForCell } from './custom-validation';
import { registerKpiFunctions } from './kpi-functions-plugin';
import { previewText } from './messages';
import type { EngineValue } from './number-format';
import { readTypedInput, type CellContent } from './typed-input';

/** Everything about a sheet except its contents, which the engine holds. */
export interface PreviewSheet {
  name: string;
  /** The language numbers and dates are shown in. */
  lang: Lang;
  /** Format, style role, input flag and note per cell (null or missing: plain). */
  cells: (PlanCell | null)[][];
  rows: number;
  columns: number;
  /** Pixels per column from A. */
  columnWidths: number[];
  /** Rows that are at least this tall (a merged title, wrapped labels); absent: every row fits its text. */
  rowHeights?: RowHeightPlan[];
  frozen: { rows: number; columns: number };
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  /** Protected: only input cells can be edited. */
  locked: boolean;
  /**
   * Number format per column from A for cells `cells` leaves out: a data sheet's many rows share
   * their column's format instead of holding one cell description each.
   */
  columnFormats?: string[];
}

/** The number format a cell is shown in: its own, else its column's ("" and absent mean General). */
export function formatAt(sheet: PreviewSheet, { row, col }: CellPosition): string | undefined {
  const cell = sheet.cells[row]?.[col];
  return cell ? cell.format : sheet.columnFormats?.[col] || undefined;
}

/** How many rows a sheet may have: Excel's limit, far above the import's (HyperFormula's default is 40,000). */
const MAX_SHEET_ROWS = 1_048_576;

/** A cell position on the active sheet, zero-based. */
export interface CellPosition {
  row: number;
  col: number;
}

function contains(range: string, { row, col }: CellPosition): boolean {
  const r = parseRange(range);
  return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
}

/** A workbook of named sheets with an active sheet and an active cell, telling listeners of every change. */
export class PreviewWorkbook {
  private readonly engine: HyperFormula;
  private readonly sheets: PreviewSheet[] = [];
  private readonly listeners = new Set<() => void>();
  private activeName = '';
  private activeCell: CellPosition | null = null;
  /** While a transaction runs: how to undo each change made so far, and whether to notify at its end. */
  private undo: (() => void)[] | null = null;
  private changed = false;

  /** `maxRows` caps a sheet's rows; writing past it throws, as a host's limits do. */
  constructor({ maxRows = MAX_SHEET_ROWS }: { maxRows?: number } = {}) {
    registerKpiFunctions();
    // Unrounded doubles, so the preview shows what the core computes; expressions inside
    // SUMPRODUCT work on whole ranges, as in Excel, Sheets and LibreOffice. No undo history:
    // it would keep a copy of every imported data sheet.
    this.engine = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      smartRounding: false,
      useArrayArithmetic: true,
      maxRows,
      undoLimit: 0,
    });
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** The sheet shown, if any. */
  get active(): PreviewSheet | undefined {
    return this.sheet(this.activeName);
  }

  /** The selected cell of the active sheet, if any. */
  get selection(): CellPosition | null {
    return this.activeCell;
  }

  /** The sheet whose name is `name` ignoring case, as spreadsheets compare sheet names. */
  sheetNamed(name: string): PreviewSheet | undefined {
    const wanted = name.toLocaleLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLocaleLowerCase() === wanted);
  }

  /** Adds a sheet (its name must be unused) with `content`, and shows it. */
  addSheet(sheet: PreviewSheet, content: CellContent[][]): void {
    const id = this.engine.getSheetId(this.engine.addSheet(sheet.name))!;
    this.undo?.push(() => {
      this.engine.removeSheet(id);
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
    });
    this.sheets.push(sheet);
    this.engine.setSheetContent(id, content);
    this.activeName = sheet.name;
    this.activeCell = null;
    this.notify();
  }

  /**
   * Gives the existing sheet `sheet.name` new content and settings, and shows it. The sheet keeps
   * its place and identity, so formulas of other sheets that read it read the new content.
   */
  replaceSheet(sheet: PreviewSheet, content: CellContent[][]): void {
    const index = this.sheets.findIndex((old) => old.name === sheet.name);
    if (index < 0) throw new Error(`No sheet named ${sheet.name}`);
    const id = this.engine.getSheetId(sheet.name)!;
    const old = this.sheets[index]!;
    const oldContent = this.undo ? this.engine.getSheetSerialized(id) : [];
    this.undo?.push(() => {
      this.engine.setSheetContent(id, oldContent);
      this.sheets[index] = old;
    });
    this.sheets[index] = sheet;
    this.engine.setSheetContent(id, content);
    this.activeName = sheet.name;
    this.activeCell = null;
    this.notify();
  }

  /**
   * Runs `change` as one step: listeners hear once, at the end. When `change` throws, every sheet it added or replaced is put back as it was (the shown sheet
   * and selection too), listeners hear nothing, and the error is passed on.
   */
  transaction<T>(change: () => T): T {
    if (this.undo) return change();
    const shown = { name: this.activeName, cell: this.activeCell };
    this.undo = [];
    this.changed = false;
    try {
      return change();
    } catch (error) {
      for (const step of this.undo.reverse()) step();
      this.activeName = shown.name;
      this.activeCell = shown.cell;
      this.changed = false;
      throw error;
    } finally {
      this.undo = null;
      if (this.changed) this.notify();
    }
  }

  /** The values of `range` ("N1:Q40") on sheet `sheetName`: blanks "", TRUE/FALSE and errors as text. */
  rangeValues(sheetName: string, range: string): (string | number)[][] {
    const r = parseRange(range);
    const rows: (string | number)[][] = [];
    for (let row = r.row1; row <= r.row2; row++) {
      const line: (string | number)[] = [];
      for (let col = r.col1; col <= r.col2; col++) {
        const value = this.value(sheetName, { row, col });
        if (value === null) line.push('');
        else if (typeof value === 'boolean') line.push(value ? 'TRUE' : 'FALSE');
        else line.push(typeof value === 'object' ? value.error : value);
      }
      rows.push(line);
    }
    return rows;
  }

  activate(name: string): void {
    if (!this.sheet(name) || name === this.activeName) return;
    this.activeName = name;
    this.activeCell = null;
    this.notify();
  }

  select(position: CellPosition): void {
    this.activeCell = position;
    this.notify();
  }

  /** The computed value of a cell; errors as their code. */
  value(sheetName: string, { row, col }: CellPosition): EngineValue {
    const sheet = this.engine.getSheetId(sheetName);
    if (sheet === undefined) return null;
    const value = this.engine.getCellValue({ sheet, row, col });
    if (value instanceof DetailedCellError) return { error: value.value };
    return value as EngineValue;
  }

  /** The formula of a cell ("=…"), or undefined for a value. */
  formula(sheetName: string, { row, col }: CellPosition): string | undefined {
    const sheet = this.engine.getSheetId(sheetName);
    return sheet === undefined ? undefined : this.engine.getCellFormula({ sheet, row, col });
  }

  /** Whether the user may type into the cell: every cell of an unprotected sheet, else input cells. */
  editable(sheet: PreviewSheet, position: CellPosition): boolean {
    return !sheet.locked || sheet.cells[position.row]?.[position.col]?.input === true;
  }

  validation(sheet: PreviewSheet, position: CellPosition): ValidationPlan | undefined {
    return sheet.validations.find((validation) => contains(validation.range, position));
  }

  /**
   * Types `text` into a cell of the active sheet as a user would: refused when the cell is
   * locked or its validation rejects the text (the message says why), else stored and every
   * dependent cell recomputed.
   */
  enter(position: CellPosition, text: string): { ok: true } | { ok: false; message: string } {
    const sheet = this.active;
    if (!sheet || !this.editable(sheet, position))
      return { ok: false, message: previewText(sheet?.lang ?? 'en', 'locked') };
    const format = formatAt(sheet, position);
    const validation = this.validation(sheet, position);
    const typed = readTypedInput(text, format, validation, sheet.lang);
    if (!typed.ok) return typed;
    const id = this.engine.getSheetId(sheet.name)!;
    const address = { sheet: id, ...position };
    const before = this.engine.getCellSerialized(address);
    this.engine.setCellContents(address, [[typed.content]]);
    // A rule that compares the cell with others (a part not above its whole) is checked on the
    // sheet with the new value in place, and the old content is put back when it fails.
    if (validation?.rule.type === 'custom') {
      const { formula } = validation.rule;
      const check = formulaForCell(formula, validation.range, position.row, position.col);
      if (this.engine.calculateFormula(check, id) !== true) {
        this.engine.setCellContents(address, [[before]]);
        return { ok: false, message: validation.help };
      }
    }
    this.notify();
    return { ok: true };
  }

  /** Gives a cell of the active sheet the number format `format` (a code as plans use them). */
  setFormat({ row, col }: CellPosition, format: string): void {
    const sheet = this.active;
    if (!sheet) return;
    const cells = (sheet.cells[row] ??= []);
    cells[col] = { ...cells[col], format };
    this.notify();
  }

  /** Calls `listener` after every change (new sheet, switch, selection, edit); returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.undo) {
      this.changed = true;
      return;
    }
    for (const listener of this.listeners) listener();
  }
}

// The host-neutral description of one template sheet ("plan") that every host applies as is.
import { STATUS_TEXTS } from '../functions/status-texts';
import type { DataColumn, DataSheetPlan } from '../import/workbook-types';
import type { FormulaMode, HostDefaults, Lang, TemplateId, TemplateOptions } from './options';

/*
 * How hosts apply a plan
 * ----------------------
 * A plan is plain, JSON-serialisable data. A host:
 *  1. makes `sheetName` unique against the workbook's sheet names with `uniqueSheetName`
 *     (core/templates/sheet-name.ts) and adds a new sheet with that name;
 *  2. writes the dense grid `cells` to the rectangle A1:`lastCell` in one call per aspect
 *     (values/formulas, number formats, style roles via core/templates/theme.ts, notes);
 *  3. sets `columnWidths`, `rowHeights`, `frozen`, `merges`, `validations`, `conditionalFormats`,
 *     `charts` and, where the host has print settings, `print`;
 *  4. protects the sheet last when `protection.enabled` (no password), after unlocking
 *     every range in `protection.unlockedRanges`.
 * All ranges are A1 strings on the plan's own sheet, without a sheet name ("B5", "B5:D16").
 * Formulas are in the invariant form (English function names, comma separators, "." decimals)
 * and start with "=".
 *
 * Literal text: every string in `PlanCell.value` is literal text, never a formula, even when it
 * starts with "=", "+", "-" or "@" (row labels and names typed by the user). Hosts that parse
 * values (Excel `values`, Sheets `setValues`) must write such strings so they stay text — see
 * `looksLikeFormula` in core/templates/literal.ts.
 *
 * Named ranges: plans define none on purpose; names are workbook-global and would collide when
 * a template is inserted twice into the same workbook.
 */

/** A literal cell value. Numbers are plain numbers (dates are Excel serial numbers with a date format). */
export type CellValue = string | number | boolean;

/**
 * What a cell is for; the theme (core/templates/theme.ts) turns a role into fonts and fills,
 * so the plan never carries per-cell style objects.
 */
export type StyleRole =
  | 'title' // the sheet title, top left, merged across the table width
  | 'purpose' // the one-line purpose under the title
  | 'example' // the "Example data — replace with your own" label
  | 'section' // a heading above a block ("Inputs", "Results")
  | 'header' // a column header of a table
  | 'label' // a row label (KPI name, question, "Total")
  | 'name' // a row label in a wide table, wrapping onto more lines to keep its column narrow
  | 'body' // an ordinary table cell
  | 'result' // a computed KPI the sheet exists for
  | 'total' // a totals row cell
  | 'status' // an On track / At risk / Off track cell (coloured by conditional formats)
  | 'reference' // a published benchmark figure (editable)
  | 'source' // where a benchmark comes from
  | 'note'; // an explanatory sentence

/** Colours a conditional format applies: good (green), neutral (amber), bad (red). */
export type StatusRole = 'good' | 'neutral' | 'bad';

/**
 * How a formula cell is computed, as structured data. The `formula` string is rendered from
 * this for the chosen mode, and a host or file writer that needs a cell's value without a
 * formula engine (cached values in .xlsx) computes it with `evaluatePlan`
 * (core/templates/evaluate.ts), which calls the registry's `callFunction`.
 *
 * An argument is an A1 reference or range on the same sheet (a string) or a literal.
 * Every kind yields "" while its inputs are blank, so an empty sheet shows no errors.
 */
export type Calc =
  /**
   * A registry function: `fn` is its name in FUNCTIONS; `args` follow its parameters,
   * undefined for an omitted optional one. With `guard`, the result is "" while the guard
   * range holds no number (set functions such as NPS and VENDOR_SCORE divide by zero on an
   * empty data set).
   */
  | {
      kind: 'call';
      fn: string;
      args: readonly CallArgument[];
      guard?: string;
      /**
       * For a function returning a status (KPI_STATUS): the texts the sheet shows for its stable
       * identifiers, in the sheet's language; absent where the sheet shows the identifiers.
       */
      statusLabels?: StatusLabels;
    }
  /**
   * `then` while the cell `ref` holds `equals` (a choice from a dropdown, compared ignoring case
   * as spreadsheets do), `otherwise` else.
   */
  | { kind: 'ifText'; ref: string; equals: string; then: Calc; otherwise: Calc }
  /** Sum of the references/ranges; "" while none holds a number. */
  | { kind: 'sum'; refs: readonly string[] }
  /** Product of the references; "" while any is blank. */
  | { kind: 'product'; refs: readonly string[] }
  /**
   * a − b, times `scale` when given (100: a difference of two rates in percentage points);
   * "" while either is blank.
   */
  | { kind: 'difference'; a: string; b: string; scale?: number }
  /** How many numbers the range holds; "" when none. */
  | { kind: 'count'; range: string }
  /** How many non-blank cells the range holds; "" when none. */
  | { kind: 'countFilled'; range: string }
  /** How many cells of the range equal the text (case-insensitive); "" while the range is blank. */
  | { kind: 'countText'; range: string; text: string }
  /** 1 for the largest number of `range`, ties share a rank; "" while `ref` is blank. */
  | { kind: 'rank'; ref: string; range: string }
  /**
   * Which of two values is ahead: `labels.a`, `labels.b` or `labels.even` (localized text);
   * "" while either is blank. Lower wins when `higherIsBetter` is false.
   */
  | {
      kind: 'ahead';
      a: string;
      b: string;
      higherIsBetter: boolean;
      labels: { a: string; b: string; even: string };
    }
  /** The referenced cell's content (text or number); "" while it is blank. */
  | { kind: 'copy'; ref: string }
  /**
   * How many deals of the data sheet `sheet` meet every criterion: COUNTIFS over whole columns
   * (`'Deals'!$E:$E`), so an import of any length is read, in both formula modes alike. ""
   * while a cell of `unlessBlank` is blank (a source name not typed in).
   */
  | {
      kind: 'dataCount';
      sheet: string;
      criteria: readonly DataCriterion[];
      unlessBlank?: readonly string[];
    }
  /**
   * The sum of `column` over the deals of `sheet` meeting every criterion (SUMIFS over whole
   * columns), less the same sum of `minus` when given (days from created to closed); "" while a
   * cell of `unlessBlank` is blank.
   */
  | {
      kind: 'dataSum';
      sheet: string;
      column: DataColumn;
      minus?: DataColumn;
      criteria: readonly DataCriterion[];
      unlessBlank?: readonly string[];
    }
  /** `then`, or "" while the cell `ref` holds 0 or nothing: a rate of a month without deals. */
  | { kind: 'unlessZero'; ref: string; then: Calc }
  /** `total` less the sum of `parts`: "Other" beside the ones listed; "" while `total` is blank. */
  | { kind: 'remainder'; total: string; parts: readonly string[] };

/**
 * One condition on a data-sheet column, as COUNTIFS and SUMIFS take it: equal to a text or to
 * the content of a cell of this sheet (compared ignoring case), or a number compared with a
 * date cell of this sheet (`months` later: the start of the next month) or with a literal.
 */
export interface DataCriterion {
  column: DataColumn;
  op: '=' | '>=' | '<' | '>';
  /** A literal text to equal ("won"). */
  text?: string;
  /** A cell of this sheet whose content the column is compared with. */
  ref?: string;
  /** Months added to the date in `ref` (EDATE). */
  months?: number;
  /** A literal number to compare with. */
  number?: number;
}

/**
 * A flag argument read from a yes/no cell: TRUE unless the cell `ref` holds `isNot` (compared
 * ignoring case, as spreadsheets compare text), so a blank cell reads as TRUE.
 */
export interface TextFlag {
  ref: string;
  isNot: string;
}

/**
 * One argument of a registry call: an A1 reference or range (a string), a literal, a flag read
 * from a yes/no cell, or undefined for an omitted optional parameter.
 */
export type CallArgument = string | number | boolean | TextFlag | undefined;

/** KPI_STATUS's identifiers as a sheet shows them, by the identifiers' keys. */
export type StatusLabels = Readonly<Record<keyof typeof STATUS_TEXTS, string>>;

/**
 * One cell of the grid. A cell has a `value`, or a `formula` (with its `calc`), or neither
 * (blank). In KPI-functions mode a row, column or rectangle of the same KPI call is one formula
 * in its top-left cell (`spill`) whose result fills the others (`spilledFrom`): hosts write
 * that formula (Excel 365/2021 and Sheets spill it) and leave the covered cells empty, or the
 * spill fails; a covered cell keeps its style, format and `calc` (what it shows).
 */
export interface PlanCell {
  /** A literal value; strings are always literal text (see "Literal text" above). */
  value?: CellValue;
  /** A formula with a leading "=", invariant English/comma form, already rendered for the plan's mode. */
  formula?: string;
  /**
   * The structured computation of this one cell: present exactly when `formula` or
   * `spilledFrom` is (an anchor's `formula` computes its whole `spill` range).
   */
  calc?: Calc;
  /** On a formula whose result spills: the range it fills, this cell at its top left ("H6:H17"). */
  spill?: string;
  /** On a cell another formula's result fills: that formula's cell ("H6"); no value, no formula. */
  spilledFrom?: string;
  /** An Excel-style number format code ("0.0%", "#,##0 \"€\"", "yyyy-mm-dd"); absent means General. */
  format?: string;
  /** The style role; absent means plain. */
  role?: StyleRole;
  /** The user types into this cell: styled as input, unlocked under protection, usually validated. */
  input?: boolean;
  /** A cell note (comment) in the plan's language. */
  note?: string;
}

/** A data-validation rule on a range of input cells. */
export interface ValidationPlan {
  range: string;
  rule:
    | { type: 'number'; min?: number; max?: number; whole: boolean }
    | { type: 'date' }
    /** One of the given texts (dropdown). */
    | { type: 'list'; items: readonly string[] }
    /**
     * A formula (with its leading "=") that must be TRUE, written for the range's top-left cell
     * with relative references, as Excel, Sheets and .xlsx files apply it to every cell: a number
     * of its domain that does not exceed the whole it is part of (core/templates/cross-checks.ts).
     */
    | { type: 'custom'; formula: string };
  /** Help text shown when the cell is selected, in the plan's language. */
  help: string;
  /** Always true: invalid entries are rejected, not just flagged. */
  reject: boolean;
}

/** Colour the cells of `range` whose text equals `equals`: a status as the sheet shows it, in its language. */
export interface ConditionalFormatPlan {
  range: string;
  equals: string;
  role: StatusRole;
}

/** A chart drawn from ranges of the sheet. */
export interface ChartPlan {
  type: 'line' | 'column' | 'bar';
  title: string;
  /** The category labels (x axis), one row or one column. */
  categories: string;
  /** Each series: a literal legend name and its values, shaped like `categories`. */
  series: readonly { name: string; values: string }[];
  /** The cell at the chart's top-left corner. */
  anchor: string;
  /** Size in pixels. */
  width: number;
  height: number;
}

/** A row whose height hosts must set, because not every host fits it to its content. */
export interface RowHeightPlan {
  /** Zero-based, as in `cells`. */
  row: number;
  /** In pixels. */
  height: number;
}

/** How the sheet prints, read off the plan's own size (core/templates/print.ts). */
export interface PrintPlan {
  /** Landscape exactly when the printed columns are wider than a portrait page. */
  orientation: 'portrait' | 'landscape';
  /** Pages across: always one, so no table is split by its columns. */
  fitToWidth: 1;
  /** Pages down: 1 when the sheet fits one page, 0 for as many as its rows need. */
  fitToHeight: 0 | 1;
  /** The printed range: every cell, merged line and chart ("A1:N42"). */
  printArea: string;
  /** The header rows of the sheet's last table ("12:12"), repeated on each page after their first; null when the sheet has no table. */
  titleRows: string | null;
  /** Page margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  centerHorizontally: boolean;
}

/** Everything a host writes to insert one template. */
export interface SheetPlan {
  templateId: TemplateId;
  /** The options the plan was built with, every default filled in. */
  options: TemplateOptions;
  /** Base name, already sanitised (≤ 31 chars, no forbidden characters); make it unique on insert. */
  sheetName: string;
  /**
   * Dense rows × columns grid from A1: every row has `columnWidths.length` cells;
   * `null` marks an empty, unstyled cell.
   */
  cells: (PlanCell | null)[][];
  /** The bottom-right cell of the grid ("N42"). */
  lastCell: string;
  /** Width of each column from A, in pixels. */
  columnWidths: number[];
  /** Rows that need a set height (a merged title in a large font, wrapped text); every other row fits its content. */
  rowHeights: RowHeightPlan[];
  /** Rows and columns frozen at the top and left (0 for none). */
  frozen: { rows: number; columns: number };
  /** Merged ranges (title and purpose lines). */
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Protection without password: every cell locked except `unlockedRanges` (the input cells). */
  protection: { enabled: boolean; unlockedRanges: string[] };
  charts: ChartPlan[];
  /** Print settings for the hosts that have them (Excel, .xlsx files); Apps Script has none. */
  print: PrintPlan;
}

/** Where the plan goes: decides how functions-mode formulas name the KPI functions. */
export interface PlanTarget {
  /** "KPI." for Excel and .xlsx files, "" for Google Sheets (only used in functions mode). */
  functionPrefix: string;
}

/** Why options were refused: which option, and a message in the request's language. */
export interface OptionError {
  option: 'templateId' | keyof TemplateOptions | string;
  message: string;
}

/** The result of `buildPlan`: a plan, or the reasons it could not be built (errors are values). */
export type PlanResult =
  | {
      ok: true;
      plan: SheetPlan;
      /**
       * The data sheet the plan's formulas read (the pipeline template's labelled example deals,
       * or none without example data): hosts write it first, and only when the workbook has no
       * sheet of its name, so the analysis reads the user's own deals where they are.
       */
      dataSheet?: DataSheetPlan;
    }
  | { ok: false; errors: OptionError[] };

/** One entry of the template gallery (sidebar, `sales-kpi list`). */
export interface TemplateInfo {
  id: TemplateId;
  /** Name, one-line purpose and the KPIs tracked, in the requested language. */
  name: string;
  purpose: string;
  kpis: string[];
  /** The registry functions the template's formulas call. */
  functions: string[];
  /** The options that change this template (lang, mode, example and protect always apply). */
  options: TemplateOptionName[];
  /** This template's defaults for `periods` and `rows` where they apply. */
  defaultPeriods?: number;
  defaultRows?: number;
  /** What `rows` counts, as the option's label ("Vendors"), where it applies. */
  rowsLabel?: string;
}

/** The options only some templates use; the others apply to every template. */
export const TEMPLATE_OPTION_NAMES = ['periods', 'startMonth', 'rows', 'currency'] as const;
export type TemplateOptionName = (typeof TEMPLATE_OPTION_NAMES)[number];

/** The status identifiers KPI_STATUS returns; the same in every language. */
export { STATUS_TEXTS };

export type { FormulaMode, HostDefaults, Lang, TemplateId, TemplateOptions };

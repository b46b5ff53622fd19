// Reads the import calls' arguments from any client (data sheet, rows in chunks, the analysis plan) into checked, bounded copies.
import { MAX_ROWS } from '../core/import/limits';
import {
  DATA_COLUMNS,
  type DataSheetPlan,
  type DataValue,
  type RecordCell,
} from '../core/import/workbook-types';
import {
  LANGS,
  ROLE_STYLES,
  parseRange,
  sanitizeSheetName,
  type ChartPlan,
  type ConditionalFormatPlan,
  type PlanCell,
  type StyleRole,
  type ValidationPlan,
} from '../core/templates/index';
import type { SheetsPlan } from './apply-plan';
import { IMPORT_CHUNK_ROWS } from './import-chunks';
import {
  bool,
  either,
  fail,
  list,
  matching,
  nullable,
  number,
  oneOf,
  optional,
  shape,
  text,
  whole,
  type Reader,
} from './shape';

/** Sheets holds at most 50,000 characters in a cell. */
const CELL_TEXT = 50_000;
/** Names, formats, ranges and help texts: far longer than any plan writes. */
const SHORT_TEXT = 1_000;
/** Bounds on an analysis sheet, well above the largest template (24 periods, 50 rows). */
const PLAN_ROWS = 2_000;
const PLAN_COLUMNS = 200;
const PLAN_ITEMS = 2_000;
/** The record lists every reported row (at most one per data row) after its facts and mappings. */
const RECORD_ROWS = MAX_ROWS + 1_000;
const RECORD_COLUMNS = 26;
/**
 * A record sent in chunks waits on the draft sheet below the rows, behind its line number in
 * column A, within the draft's columns A–L: at most 11 cells a line (the core writes 4).
 */
export const RECORD_LINE_CELLS = DATA_COLUMNS.length - 1;
/** readSheetValues reads a record's facts and mappings back: far fewer cells than a whole record. */
const READ_CELLS = 52_000;
const WIDTH = whole(0, 2_000);

const A1_RANGE = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/;
const range = matching(A1_RANGE);
/** A named range's name: letters, digits and underscores, not starting with a digit, not a cell reference. */
const TABLE_NAME = /^(?![A-Za-z]{1,3}\d+$)[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const ROLES = Object.keys(ROLE_STYLES) as StyleRole[];

/** A sheet name as the core makes them: already sanitised. */
const sheetName: Reader<string> = (value, path) => {
  const name = text(SHORT_TEXT)(value, path);
  return name !== '' && sanitizeSheetName(name) === name ? name : fail(path);
};

/** A data sheet cell: text or a finite number, without the cost of a failed reader per number. */
const dataValue: Reader<DataValue> = (value, path) =>
  typeof value === 'number' ? number()(value, path) : text(CELL_TEXT)(value, path);

/** A list of exactly `length` items. */
const exactly =
  <T>(read: Reader<T>, length: number): Reader<T[]> =>
  (value, path) => {
    const items = list(read, length)(value, path);
    return items.length === length ? items : list(read, -1)(value, path);
  };

const dataRow = exactly(dataValue, DATA_COLUMNS.length);

/** Up to one chunk of data rows: how many one call writes. */
export const readRows = list(dataRow, IMPORT_CHUNK_ROWS);

const recordCell = shape<RecordCell>({
  value: dataValue,
  role: optional(oneOf(ROLES)),
  format: optional(text(SHORT_TEXT)),
});

const dataColumns: Reader<DataSheetPlan['columns']> = (value, path) => {
  const columns = exactly(
    shape<DataSheetPlan['columns'][number]>({
      key: oneOf(DATA_COLUMNS),
      format: text(SHORT_TEXT),
      width: WIDTH,
    }),
    DATA_COLUMNS.length,
  )(value, path);
  columns.forEach((column, i) => oneOf([DATA_COLUMNS[i]!])(column.key, `${path}[${i}].key`));
  return columns;
};

const dataSheetShape = shape<DataSheetPlan>({
  sheetName,
  lang: oneOf(LANGS),
  tableName: matching(TABLE_NAME),
  header: exactly(text(SHORT_TEXT), DATA_COLUMNS.length),
  columns: dataColumns,
  rows: readRows,
  recordAnchor: matching(/^[A-Z]{1,2}[1-9]\d{0,3}$/),
  record: list(list(nullable(recordCell), RECORD_COLUMNS), RECORD_ROWS),
  recordColumns: list(shape({ width: WIDTH }), RECORD_COLUMNS),
  example: bool,
});

/** A data sheet whose record lines fit its `recordColumns`: hosts write that many columns. */
export const readDataSheet: Reader<DataSheetPlan> = (value, path) => {
  const plan = dataSheetShape(value, path);
  plan.record.forEach((line, i) => {
    if (line.length > plan.recordColumns.length) fail(`${path}.record[${i}]`);
  });
  return plan;
};

const cellValue = either(text(CELL_TEXT), either(number(), bool));

const planCell = shape<Pick<PlanCell, 'value' | 'formula' | 'format' | 'role' | 'input' | 'note'>>({
  value: optional(cellValue),
  formula: optional(matching(/^=[^]{1,49999}$/)),
  format: optional(text(SHORT_TEXT)),
  role: optional(oneOf(ROLES)),
  input: optional(bool),
  note: optional(text(CELL_TEXT)),
});

const validation = shape<ValidationPlan>({
  range,
  rule: (value, path) => {
    const { type } = shape<{ type: ValidationPlan['rule']['type'] }>({
      type: oneOf(['number', 'date', 'list', 'custom']),
    })(value, path);
    switch (type) {
      case 'number':
        return shape<Extract<ValidationPlan['rule'], { type: 'number' }>>({
          type: oneOf(['number']),
          min: optional(number()),
          max: optional(number()),
          whole: bool,
        })(value, path);
      case 'list':
        return shape<Extract<ValidationPlan['rule'], { type: 'list' }>>({
          type: oneOf(['list']),
          items: list(text(SHORT_TEXT), PLAN_ITEMS),
        })(value, path);
      case 'custom':
        return shape<Extract<ValidationPlan['rule'], { type: 'custom' }>>({
          type: oneOf(['custom']),
          formula: matching(/^=[^]{1,999}$/),
        })(value, path);
      default:
        return { type };
    }
  },
  help: text(SHORT_TEXT),
  reject: bool,
});

const chart = shape<ChartPlan>({
  type: oneOf(['line', 'column', 'bar']),
  title: text(SHORT_TEXT),
  categories: range,
  series: list(shape({ name: text(SHORT_TEXT), values: range }), PLAN_ITEMS),
  anchor: range,
  width: WIDTH,
  height: WIDTH,
});

/**
 * The parts of an analysis plan Sheets writes. Formulas are written as sent: the sidebar built
 * them with the core, and google.script.run only answers pages this script served.
 */
const readAnalysis = shape<SheetsPlan>({
  options: shape({ lang: oneOf(LANGS) }),
  sheetName,
  cells: list(list(nullable(planCell), PLAN_COLUMNS), PLAN_ROWS),
  columnWidths: list(WIDTH, PLAN_COLUMNS),
  frozen: shape({ rows: whole(0, PLAN_ROWS), columns: whole(0, PLAN_COLUMNS) }),
  merges: list(range, PLAN_ITEMS),
  validations: list(validation, PLAN_ITEMS),
  conditionalFormats: list(
    shape<ConditionalFormatPlan>({
      range,
      equals: text(SHORT_TEXT),
      role: oneOf(['good', 'neutral', 'bad']),
    }),
    PLAN_ITEMS,
  ),
  protection: shape({ enabled: bool, unlockedRanges: list(range, PLAN_ITEMS) }),
  charts: list(chart, PLAN_ITEMS),
  rowHeights: optional(list(shape({ row: whole(0, PLAN_ROWS), height: WIDTH }), PLAN_ROWS)),
});

/** What importDeals writes: the data sheet (rows here, or already on a draft sheet) and the analysis. */
export interface ReadImport {
  dataSheet: DataSheetPlan;
  analysis: SheetsPlan | null;
  replace: boolean;
}

export const readImportRequest = shape<ReadImport>({
  dataSheet: readDataSheet,
  analysis: nullable(readAnalysis),
  replace: bool,
});

/** Rows already sent, chunk by chunk, to a draft sheet (appendImportRows), and the record's size when it went there too. */
export interface DraftRef {
  draft: string;
  rows: number;
  record?: { lines: number; width: number };
}

export const readDraftRef = shape<DraftRef>({
  draft: text(SHORT_TEXT),
  rows: whole(1, MAX_ROWS),
  record: optional(shape({ lines: whole(1, RECORD_ROWS), width: whole(1, RECORD_LINE_CELLS) })),
});

/** Lines of the import record from line `offset`, sent after all rows (a record can be as long as the rows). */
export interface RecordChunk {
  offset: number;
  lines: (RecordCell | null)[][];
}

/** One chunk of an import too large for one call: the first creates the draft sheet. */
export interface RowsChunk {
  /** The draft sheet the earlier chunks went to; null for the first chunk. */
  draft: string | null;
  /** The data sheet the rows are for, and the language of any refusal. */
  sheetName: string;
  lang: DataSheetPlan['lang'];
  replace: boolean;
  /** All rows of the import, for sizing the draft once. */
  totalRows: number;
  /** How many rows the earlier chunks held: where this one starts. */
  offset: number;
  rows: DataValue[][];
  /** Lines of the record instead of rows (`rows` is then empty). */
  record?: RecordChunk;
}

export const readRowsChunk = shape<RowsChunk>({
  draft: nullable(text(SHORT_TEXT)),
  sheetName,
  lang: oneOf(LANGS),
  replace: bool,
  totalRows: whole(1, MAX_ROWS),
  offset: whole(0, MAX_ROWS),
  rows: readRows,
  record: optional(
    shape<RecordChunk>({
      offset: whole(0, RECORD_ROWS),
      lines: list(list(nullable(recordCell), RECORD_LINE_CELLS), IMPORT_CHUNK_ROWS),
    }),
  ),
});

/** readSheetValues' arguments: a sheet name and an A1 range of at most READ_CELLS cells. */
export function readSheetRange(sheet: unknown, a1: unknown): { sheetName: string; range: string } {
  const ref = range(a1, 'range');
  const { row1, col1, row2, col2 } = parseRange(ref);
  const cells = (row2 - row1 + 1) * (col2 - col1 + 1);
  if (row2 < row1 || col2 < col1 || cells > READ_CELLS) fail('range');
  return { sheetName: text(SHORT_TEXT)(sheet, 'sheetName'), range: ref };
}

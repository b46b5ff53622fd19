/// <reference types="google-apps-script" />
// Writes a CRM import with SpreadsheetApp: rows to a hidden draft sheet (in chunks), then the data sheet, its named range and the analysis; undone on failure.
import { DATA_COLUMNS, type DataSheetPlan, type DataValue } from '../core/import/workbook-types';
import {
  columnName,
  parseCell,
  parseRange,
  uniqueSheetName,
  type PlanCell,
} from '../core/templates/index';
import { applyPlanToSheets, removeSheet, type SheetsPlan, type SheetsServices } from './apply-plan';
import { spreadsheetDateReader } from './dates';
import { sheetsGrid, widthRuns } from './grid';
import type { DraftRef, ReadImport, RecordChunk, RowsChunk } from './import-request';
import { SHEETS_MESSAGES, reasonOf, type SheetsMessages } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/**
 * Drafts are named "Import draft Deals" (made unique): a call naming any other sheet as its
 * draft is refused, so no client can have rows appended to, or a sheet deleted from, the user's
 * own sheets.
 */
export const DRAFT_PREFIX = 'Import draft ';

const WIDTH = DATA_COLUMNS.length;
/** The rows of a new sheet. */
const NEW_SHEET_ROWS = 1000;

/** An error whose message is already what the user reads (a refusal, or an import that could not be undone). */
class FinalMessage extends Error {}
const GENERAL = 'General';

/** Sheets' "as typed" parsing would turn "=1+1" or "+x" into a formula: text is written behind an apostrophe. */
const literal = (value: DataValue): DataValue =>
  typeof value === 'string' && value !== '' ? `'${value}` : value;

function sheetNamed(spreadsheet: Spreadsheet, name: string): Sheet | undefined {
  const wanted = name.toLowerCase();
  return spreadsheet.getSheets().find((sheet) => sheet.getName().toLowerCase() === wanted);
}

function draftNamed(spreadsheet: Spreadsheet, name: string, messages: SheetsMessages): Sheet {
  const draft = name.startsWith(DRAFT_PREFIX) ? sheetNamed(spreadsheet, name) : undefined;
  if (!draft) throw new FinalMessage(messages.importIncomplete);
  return draft;
}

/** Grows a sheet to at least `rows` × `columns` (a new sheet has 1000 × 26). */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * A new hidden draft. Drafts of the same data sheet left by an import whose sidebar was closed
 * part way are deleted first: only one import of a data sheet runs at a time.
 */
function createDraft(spreadsheet: Spreadsheet, sheetName: string, totalRows: number): Sheet {
  const base = `${DRAFT_PREFIX}${sheetName}`;
  const sheets = spreadsheet.getSheets();
  for (const stale of sheets)
    if (stale.getName().toLowerCase().startsWith(base.toLowerCase()))
      spreadsheet.deleteSheet(stale);
  const names = spreadsheet.getSheets().map((sheet) => sheet.getName());
  const draft = spreadsheet.insertSheet(uniqueSheetName(base, names));
  draft.hideSheet();
  // A spreadsheet holds at most 10 million cells: the draft keeps only columns A–L (a new
  // sheet has 26), so 200,000 rows take 2.4 million cells, not 5.2, beside the sheet they replace.
  const columns = draft.getMaxColumns();
  if (columns > WIDTH) draft.deleteColumns(WIDTH + 1, columns - WIDTH);
  ensureSize(draft, totalRows + 1, WIDTH);
  return draft;
}

/**
 * Writes `rows` from data row `offset` (sheet row offset + 2) in one setValues. The draft must
 * hold exactly the rows before them, so a lost or repeated chunk is noticed, not written twice.
 */
function writeRows(draft: Sheet, offset: number, rows: DataValue[][], messages: SheetsMessages) {
  if (draft.getLastRow() !== (offset === 0 ? 0 : offset + 1))
    throw new FinalMessage(messages.importIncomplete);
  if (rows.length > 0)
    draft
      .getRange(offset + 2, 1, rows.length, WIDTH)
      .setValues(rows.map((row) => row.map(literal)));
}

/** The import record's size: lines and the widest line's cells. */
interface RecordSize {
  lines: number;
  width: number;
}

/**
 * Writes record lines sent in chunks below the draft's rows, each behind its line number in
 * column A (so a blank line still counts as written), with their styles: the draft must hold
 * exactly the rows and the record lines before them.
 */
function writeRecordLines(
  draft: Sheet,
  totalRows: number,
  record: RecordChunk,
  messages: SheetsMessages,
) {
  if (draft.getLastRow() !== totalRows + 1 + record.offset)
    throw new FinalMessage(messages.importIncomplete);
  if (record.lines.length === 0) return;
  const width = record.lines.reduce((most, line) => Math.max(most, line.length), 0);
  const first = totalRows + 2 + record.offset;
  ensureSize(draft, first + record.lines.length - 1, WIDTH);
  writeBlock(
    draft.getRange(first, 1, record.lines.length, width + 1),
    record.lines.map((line, i) => [
      { value: record.offset + i + 1 },
      ...Array.from({ length: width }, (_, c): PlanCell | null => line[c] ?? null),
    ]),
  );
}

/**
 * Copies a record sent in chunks (values and formats) from below the draft's rows to its anchor
 * on `target`; on the draft itself (a new data sheet) the lines it came in are cleared and the
 * rows they alone needed deleted.
 */
function moveRecord(
  draft: Sheet,
  target: Sheet,
  dataSheet: DataSheetPlan,
  rows: number,
  size: RecordSize,
  messages: SheetsMessages,
): void {
  const anchor = parseCell(dataSheet.recordAnchor);
  // Right of the rows' columns A–L, so the lines it came in (A–L below the rows) are not its own.
  if (anchor.col < WIDTH) throw new FinalMessage(messages.importIncomplete);
  ensureSize(target, anchor.row + size.lines, anchor.col + size.width);
  draft
    .getRange(rows + 2, 2, size.lines, size.width)
    .copyTo(target.getRange(anchor.row + 1, anchor.col + 1, size.lines, size.width));
  if (draft !== target) return;
  draft.getRange(rows + 2, 1, size.lines, size.width + 1).clear();
  const needed = Math.max(rows + 1, anchor.row + size.lines, NEW_SHEET_ROWS);
  if (draft.getMaxRows() > needed) draft.deleteRows(needed + 1, draft.getMaxRows() - needed);
}

function refuseExisting(
  spreadsheet: Spreadsheet,
  sheetName: string,
  replace: boolean,
  messages: SheetsMessages,
): Sheet | undefined {
  const existing = sheetNamed(spreadsheet, sheetName);
  if (existing && !replace) throw new FinalMessage(messages.dataSheetExists(sheetName));
  return existing;
}

/**
 * One chunk of an import too large for one google.script.run call: the first (no `draft`)
 * refuses an existing data sheet unless `replace`, then creates the hidden draft sheet; each
 * writes its rows in one setValues. A failure deletes the draft. Returns the draft's name for
 * the next chunk and for importDeals.
 */
export function appendImportRows(spreadsheet: Spreadsheet, chunk: RowsChunk): { draft: string } {
  const messages = SHEETS_MESSAGES[chunk.lang];
  let draft: Sheet;
  if (chunk.draft === null) {
    refuseExisting(spreadsheet, chunk.sheetName, chunk.replace, messages);
    if (chunk.offset !== 0) throw new FinalMessage(messages.importIncomplete);
    draft = createDraft(spreadsheet, chunk.sheetName, chunk.totalRows);
  } else {
    draft = draftNamed(spreadsheet, chunk.draft, messages);
  }
  try {
    if (chunk.offset + chunk.rows.length > chunk.totalRows)
      throw new FinalMessage(messages.importIncomplete);
    if (!chunk.record) writeRows(draft, chunk.offset, chunk.rows, messages);
    else if (chunk.rows.length > 0) throw new FinalMessage(messages.importIncomplete);
    else writeRecordLines(draft, chunk.totalRows, chunk.record, messages);
  } catch (error) {
    const left = removeSheet(spreadsheet, draft);
    throw failure(chunk.sheetName, error, left, messages);
  }
  return { draft: draft.getName() };
}

/** Deletes a draft the sidebar gave up on (a later chunk could not be sent). */
export function discardImportDraft(spreadsheet: Spreadsheet, name: string): void {
  const draft = name.startsWith(DRAFT_PREFIX) ? sheetNamed(spreadsheet, name) : undefined;
  if (draft) spreadsheet.deleteSheet(draft);
}

function failure(
  sheetName: string,
  error: unknown,
  cleanup: string | undefined,
  messages: SheetsMessages,
): Error {
  if (error instanceof FinalMessage && cleanup === undefined) return error;
  // applyPlanToSheets says what failed in a whole sentence of its own; its cause is the reason.
  const reason = reasonOf(
    error instanceof Error && error.cause !== undefined ? error.cause : error,
  );
  return new Error(
    cleanup === undefined
      ? messages.importFailed(sheetName, reason)
      : messages.importFailedNotUndone(sheetName, reason, cleanup),
    { cause: error },
  );
}

/**
 * Writes an import request: the data sheet (rows from `request` or, with `draft`, already on
 * that draft sheet), its named range, then the analysis. Without `replace` an existing data
 * sheet is refused. A new data sheet is the draft, finished and renamed; a replaced one keeps
 * its name and place (formulas such as 'Deals'!$E:$E keep reading it): its rows and record are
 * cleared and the draft's copied in. Any failure undoes everything: the draft is deleted, a
 * replaced sheet's old values and the named range's old extent come back.
 */
export function commitImport(
  spreadsheet: Spreadsheet,
  request: ReadImport,
  draftRef: DraftRef | null,
  services: SheetsServices,
): { dataSheet: string; analysis: string | null } {
  const { dataSheet } = request;
  const messages = SHEETS_MESSAGES[dataSheet.lang];
  let existing: Sheet | undefined;
  try {
    existing = refuseExisting(spreadsheet, dataSheet.sheetName, request.replace, messages);
  } catch (refusal) {
    if (draftRef) discardImportDraft(spreadsheet, draftRef.draft);
    throw refusal;
  }
  const rows = draftRef ? draftRef.rows : dataSheet.rows.length;
  const sentRecord = draftRef?.record;
  const record = sentRecord ?? { lines: dataSheet.record.length, width: recordWidth(dataSheet) };
  const draft = draftRef
    ? draftNamed(spreadsheet, draftRef.draft, messages)
    : createDraft(spreadsheet, dataSheet.sheetName, rows);
  let draftLeft = true;
  const dropDraft = () => {
    spreadsheet.deleteSheet(draft);
    draftLeft = false;
  };
  try {
    if (!draftRef) writeRows(draft, 0, dataSheet.rows, messages);
    else if (draft.getLastRow() !== rows + 1 + (sentRecord?.lines ?? 0))
      throw new FinalMessage(messages.importIncomplete);
    const moveSent = (target: Sheet) => {
      if (sentRecord) moveRecord(draft, target, dataSheet, rows, sentRecord, messages);
    };
    return existing
      ? replaceRows(
          spreadsheet,
          existing,
          draft,
          dropDraft,
          { dataSheet, rows, record, moveSent },
          request.analysis,
          services,
        )
      : finishNew(
          spreadsheet,
          draft,
          { dataSheet, rows, record, moveSent },
          request.analysis,
          services,
        );
  } catch (error) {
    const left = draftLeft ? removeSheet(spreadsheet, draft) : undefined;
    throw failure(dataSheet.sheetName, error, left, messages);
  }
}

/** The named range `name`, if the spreadsheet has one. */
function namedRange(spreadsheet: Spreadsheet, name: string): NamedRange | undefined {
  return spreadsheet.getNamedRanges().find((named) => named.getName() === name);
}

/** Points `name` at `range`; returns how to undo that. */
function pointName(spreadsheet: Spreadsheet, name: string, range: Range): () => void {
  const named = namedRange(spreadsheet, name);
  if (!named) {
    spreadsheet.setNamedRange(name, range);
    return () => spreadsheet.removeNamedRange(name);
  }
  const before = named.getRange();
  named.setRange(range);
  return () => named.setRange(before);
}

/** The new data sheet: the draft finished, shown and renamed, then the name and the analysis. */
function finishNew(
  spreadsheet: Spreadsheet,
  draft: Sheet,
  { dataSheet, rows, record, moveSent }: Written,
  analysis: SheetsPlan | null,
  services: SheetsServices,
): { dataSheet: string; analysis: string | null } {
  moveSent(draft);
  decorate(draft, dataSheet, rows, record);
  draft.showSheet();
  // Renamed before the analysis is written, so its formulas find the sheet they name.
  draft.setName(dataSheet.sheetName);
  const undoName = pointName(
    spreadsheet,
    dataSheet.tableName,
    draft.getRange(1, 1, rows + 1, WIDTH),
  );
  try {
    return finishAnalysis(spreadsheet, draft, dataSheet, analysis, services);
  } catch (error) {
    undoName();
    throw error;
  }
}

function finishAnalysis(
  spreadsheet: Spreadsheet,
  dataSheetTab: Sheet,
  dataSheet: DataSheetPlan,
  analysis: SheetsPlan | null,
  services: SheetsServices,
): { dataSheet: string; analysis: string | null } {
  if (!analysis) {
    dataSheetTab.activate();
    return { dataSheet: dataSheet.sheetName, analysis: null };
  }
  return {
    dataSheet: dataSheet.sheetName,
    analysis: applyPlanToSheets(spreadsheet, analysis, services).sheetName,
  };
}

/** What commitImport writes: the data sheet, its rows, its record's size, and how to move a record sent in chunks to a sheet. */
interface Written {
  dataSheet: DataSheetPlan;
  rows: number;
  record: RecordSize;
  moveSent: (target: Sheet) => void;
}

/** The blocks an import owns on its data sheet, `rows` tall: columns A–L and the record's columns. */
function ownedBlocks(dataSheet: DataSheetPlan, record: RecordSize, rows: number): string[] {
  const { col } = parseCell(dataSheet.recordAnchor);
  const width = Math.max(1, record.width);
  return [
    `A1:${columnName(WIDTH - 1)}${rows}`,
    `${columnName(col)}1:${columnName(col + width - 1)}${rows}`,
  ];
}

/** What setValues writes back for a cell read with getValues/getFormulas: its formula, else its value kept literal. */
function restorable(value: unknown, formula: string): unknown {
  if (formula !== '') return formula;
  return typeof value === 'string' ? literal(value) : value;
}

/**
 * Replaces the rows and record of the existing data sheet with the draft's, in place. The old
 * values (and any formulas the user put in those blocks) are read first and written back if
 * anything fails; the draft is deleted either way.
 */
function replaceRows(
  spreadsheet: Spreadsheet,
  target: Sheet,
  draft: Sheet,
  dropDraft: () => void,
  { dataSheet, rows, record, moveSent }: Written,
  analysis: SheetsPlan | null,
  services: SheetsServices,
): { dataSheet: string; analysis: string | null } {
  const messages = SHEETS_MESSAGES[dataSheet.lang];
  const oldBlocks = target.getRangeList(
    ownedBlocks(dataSheet, record, Math.max(1, target.getLastRow())),
  );
  const backup = oldBlocks.getRanges().map((range) => ({
    range,
    values: range.getValues(),
    formulas: range.getFormulas(),
  }));
  let undoName: (() => void) | undefined;
  try {
    oldBlocks.clearContent();
    ensureSize(target, Math.max(rows + 1, record.lines), recordEnd(dataSheet, record));
    if (rows > 0)
      draft
        .getRange(2, 1, rows, WIDTH)
        .copyTo(target.getRange(2, 1, rows, WIDTH), { contentsOnly: true });
    moveSent(target);
    dropDraft();
    decorate(target, dataSheet, rows, record);
    undoName = pointName(spreadsheet, dataSheet.tableName, target.getRange(1, 1, rows + 1, WIDTH));
    return finishAnalysis(spreadsheet, target, dataSheet, analysis, services);
  } catch (error) {
    try {
      undoName?.();
      target.getRangeList(ownedBlocks(dataSheet, record, target.getMaxRows())).clearContent();
      for (const { range, values, formulas } of backup)
        range.setValues(
          values.map((row, r) => row.map((value, c) => restorable(value, formulas[r]![c]!))),
        );
    } catch (cleanup) {
      throw new FinalMessage(
        messages.importFailedNotUndone(dataSheet.sheetName, reasonOf(error), reasonOf(cleanup)),
        { cause: error },
      );
    }
    throw error;
  }
}

/** The record's width: the plan's, as scanning up to 200,000 lines for the widest is slow and spreading them overflows the stack. */
function recordWidth(dataSheet: DataSheetPlan): number {
  return dataSheet.recordColumns.length;
}

/** The last column the record reaches (1-based), at least L. */
function recordEnd(dataSheet: DataSheetPlan, record: RecordSize): number {
  const { col } = parseCell(dataSheet.recordAnchor);
  return Math.max(WIDTH, col + Math.max(1, record.width));
}

/** Writes styled literal cells (header, record) into `range`, one call per aspect. */
function writeBlock(range: Range, cells: (PlanCell | null)[][]): void {
  const grid = sheetsGrid({ cells });
  range.setValues(grid.values);
  range.setNumberFormats(grid.numberFormats);
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  range.setFontWeights(grid.fontWeights);
  range.setFontStyles(grid.fontStyles);
}

/**
 * Everything but the rows: header, number formats per column (one call per distinct format),
 * widths, the frozen header row and the record block (unless it came in chunks and is already
 * in place). The number of calls does not depend on the rows.
 */
function decorate(sheet: Sheet, dataSheet: DataSheetPlan, rows: number, record: RecordSize): void {
  ensureSize(sheet, Math.max(rows + 1, record.lines), recordEnd(dataSheet, record));
  writeBlock(sheet.getRange(1, 1, 1, WIDTH), [
    dataSheet.header.map((value): PlanCell => ({ value, role: 'header' })),
  ]);
  if (rows > 0) {
    const byFormat = new Map<string, string[]>();
    dataSheet.columns.forEach(({ format }, c) => {
      const key = format === '' ? GENERAL : format;
      byFormat.set(key, [
        ...(byFormat.get(key) ?? []),
        `${columnName(c)}2:${columnName(c)}${rows + 1}`,
      ]);
    });
    for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
  }
  for (const run of widthRuns(dataSheet.columns.map((column) => column.width)))
    sheet.setColumnWidths(run.start, run.count, run.width);
  const recordColumn = parseCell(dataSheet.recordAnchor).col;
  for (const run of widthRuns(dataSheet.recordColumns.map((column) => column.width)))
    sheet.setColumnWidths(recordColumn + run.start, run.count, run.width);
  sheet.setFrozenRows(1);
  const width = recordWidth(dataSheet);
  if (dataSheet.record.length > 0 && width > 0) {
    const anchor = parseCell(dataSheet.recordAnchor);
    const cells = dataSheet.record.map((row) =>
      Array.from({ length: width }, (_, c): PlanCell | null => row[c] ?? null),
    );
    writeBlock(sheet.getRange(anchor.row + 1, anchor.col + 1, cells.length, width), cells);
  }
}

/**
 * The values of `a1` on the sheet named `sheetName` (null when there is none), clipped to the
 * sheet's size. Dates come back as serial numbers in the spreadsheet's time zone, TRUE/FALSE as
 * text, blanks as "".
 */
export function readSheetValues(
  spreadsheet: Spreadsheet,
  sheetName: string,
  a1: string,
): DataValue[][] | null {
  const sheet = sheetNamed(spreadsheet, sheetName);
  if (!sheet) return null;
  const { row1, col1, row2, col2 } = parseRange(a1);
  const rows = Math.min(row2 + 1, sheet.getMaxRows()) - row1;
  const columns = Math.min(col2 + 1, sheet.getMaxColumns()) - col1;
  if (rows < 1 || columns < 1) return [];
  const serialOf = spreadsheetDateReader();
  return sheet
    .getRange(row1 + 1, col1 + 1, rows, columns)
    .getValues()
    .map((row) =>
      row.map((value: unknown): DataValue => {
        if (typeof value === 'number' || typeof value === 'string') return value;
        if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
        // Dates from SpreadsheetApp, told apart without instanceof (which fails across realms).
        return Object.prototype.toString.call(value) === '[object Date]'
          ? serialOf(value as Date)
          : '';
      }),
    );
}

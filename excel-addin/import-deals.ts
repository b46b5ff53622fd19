/// <reference types="office-js" />
// Writes a CRM import into the open workbook: the data sheet in request-sized chunks, then its analysis; a failure leaves the workbook as it was.
import type {
  DataSheetPlan,
  DataValue,
  ImportRequest,
  RecordCell,
} from '../core/import/workbook-types';
import { columnName, parseRange, rangeRef } from '../core/templates/index';
import {
  applyPlanToExcel,
  areas,
  draftSheetName,
  removeDraft,
  setColumnWidths,
} from './apply-plan';
import { literalText } from './cell-input';
import { CHUNK_BYTES, jsonBytes, rowBytes, rowChunks, type RowChunk } from './chunks';
import {
  analysisFailed,
  importError,
  sheetExistsError,
  type ImportCleanup,
} from './import-messages';
import { applyStyle, pointsOf, styleBlocks } from './plan-styles';
import { detectExcelSupport, type ExcelSupport } from './support';

/** One cell input: a number, literal text (apostrophe-prefixed where Excel would parse it) or a formula being restored. */
type Input = string | number | boolean;

/** A rectangle by zero-based rows and columns, both ends included. */
interface Box {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** Cell inputs of a rectangle whose top-left cell is (row1, col1). */
interface Block {
  row1: number;
  col1: number;
  inputs: Input[][];
}

/** A data value as Excel must receive it to keep it a value: text stays text. */
function cellInput(value: DataValue): Input {
  return typeof value === 'string' ? literalText(value) : value;
}

function boxOf(range: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): Box {
  return {
    row1: range.rowIndex,
    col1: range.columnIndex,
    row2: range.rowIndex + range.rowCount - 1,
    col2: range.columnIndex + range.columnCount - 1,
  };
}

function union(a: Box, b: Box): Box {
  return {
    row1: Math.min(a.row1, b.row1),
    col1: Math.min(a.col1, b.col1),
    row2: Math.max(a.row2, b.row2),
    col2: Math.max(a.col2, b.col2),
  };
}

function addressOf(box: Box): string {
  return rangeRef(box.row1, box.col1, box.row2, box.col2);
}

/** The data rows as inputs, in chunks that each fit one request with their number formats. */
function dataChunks(plan: DataSheetPlan): { block: Block; chunks: RowChunk[] } {
  const inputs = plan.rows.map((row) => row.map(cellInput));
  const formatBytes = plan.columns.reduce(
    (sum, column) => sum + (column.format === '' ? 0 : jsonBytes(column.format) + 3),
    0,
  );
  return {
    block: { row1: 1, col1: 0, inputs },
    chunks: rowChunks(inputs.length, (row) => rowBytes(inputs[row]!) + formatBytes),
  };
}

/** Queues one chunk of data rows: the formatted columns' number formats, then the values. */
function queueDataChunk(
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  { block, chunk }: { block: Block; chunk: RowChunk },
): void {
  const first = block.row1 + chunk.start;
  const last = block.row1 + chunk.end - 1;
  const count = chunk.end - chunk.start;
  plan.columns.forEach(({ format }, col) => {
    if (format !== '')
      sheet.getRange(rangeRef(first, col, last, col)).numberFormat = Array.from(
        { length: count },
        () => [format],
      );
  });
  sheet.getRange(rangeRef(first, 0, last, plan.columns.length - 1)).values = block.inputs.slice(
    chunk.start,
    chunk.end,
  );
}

/** The rectangle the import record fills, from its anchor ("N1"); undefined when it is empty. */
function recordBox(plan: DataSheetPlan): Box | undefined {
  const width = plan.recordColumns.length;
  if (plan.record.length === 0 || width === 0) return undefined;
  const { row1, col1 } = parseRange(plan.recordAnchor);
  return { row1, col1, row2: row1 + plan.record.length - 1, col2: col1 + width - 1 };
}

/** The import record as a dense grid, `recordColumns` wide. */
function recordCells(plan: DataSheetPlan, box: Box): (RecordCell | null)[][] {
  const width = box.col2 - box.col1 + 1;
  return plan.record.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}

/** Sets the import record's column widths, from its anchor's column (the gap before it keeps Excel's). */
function setRecordWidths(sheet: Excel.Worksheet, plan: DataSheetPlan): void {
  const { col1 } = parseRange(plan.recordAnchor);
  plan.recordColumns.forEach(({ width }, c) => {
    const column = columnName(col1 + c);
    sheet.getRange(`${column}:${column}`).format.columnWidth = pointsOf(width);
  });
}

/** Queues the header row and the import record's styles (its cells go in chunks: `writeRecord`). */
function queueHeaderAndStyles(
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  support: ExcelSupport,
): void {
  sheet.getRange(rangeRef(0, 0, 0, plan.header.length - 1)).values = [plan.header.map(cellInput)];
  const box = recordBox(plan);
  if (!box) return;
  for (const { style, ranges } of styleBlocks({ cells: recordCells(plan, box) })) {
    const placed = ranges.map((address) => {
      const { row1, col1, row2, col2 } = parseRange(address);
      return rangeRef(row1 + box.row1, col1 + box.col1, row2 + box.row1, col2 + box.col1);
    });
    for (const target of areas(sheet, placed, support)) applyStyle(target.format, style);
  }
}

/**
 * Writes the import record's values and number formats one request-sized chunk per sync: it
 * lists every reported row, so a badly read file makes it as long as the deals.
 */
async function writeRecord(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  support: ExcelSupport,
): Promise<void> {
  const box = recordBox(plan);
  if (!box) return;
  const cells = recordCells(plan, box);
  const inputs = cells.map((row) => row.map((cell) => (cell ? cellInput(cell.value) : '')));
  const formats = cells.map((row) => row.map((cell) => cell?.format ?? 'General'));
  const chunks = rowChunks(
    inputs.length,
    (row) => rowBytes(inputs[row]!) + rowBytes(formats[row]!),
  );
  for (const { start, end } of chunks) {
    quietly(context, support);
    const range = sheet.getRange(
      rangeRef(box.row1 + start, box.col1, box.row1 + end - 1, box.col2),
    );
    range.numberFormat = formats.slice(start, end);
    range.values = inputs.slice(start, end);
    await context.sync();
  }
}

/** The data sheet's table cells: the header and every deal (one blank row when there are none). */
function tableAddress(plan: DataSheetPlan): string {
  return rangeRef(0, 0, Math.max(1, plan.rows.length), plan.columns.length - 1);
}

/** `wanted`, or the first "wanted2", "wanted3"… that no table in `taken` has (Excel's names ignore case). */
function freeTableName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  let name = wanted;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
  return name;
}

/**
 * Each batch of a long write runs without recalculating after each of its writes (ExcelApi 1.6:
 * formulas reading the data sheet's whole columns are calculated once, after the batch's sync)
 * and without repainting the grid where Excel allows it (ExcelApi 1.9).
 */
function quietly(context: Excel.RequestContext, support: ExcelSupport): void {
  const { application } = context.workbook;
  application.suspendApiCalculationUntilNextSync();
  if (support.screenUpdating) application.suspendScreenUpdatingUntilNextSync();
}

/** Writes the data rows one request-sized chunk per sync. */
async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  support: ExcelSupport,
): Promise<void> {
  const { block, chunks } = dataChunks(plan);
  for (const chunk of chunks) {
    quietly(context, support);
    queueDataChunk(sheet, plan, { block, chunk });
    await context.sync();
  }
}

/** What the first read found: every sheet's name and every table's name. */
interface Found {
  sheetNames: string[];
  tableNames: string[];
}

async function readNames(
  context: Excel.RequestContext,
  lang: DataSheetPlan['lang'],
): Promise<Found> {
  const { worksheets, tables } = context.workbook;
  worksheets.load('items/name');
  tables.load('items/name');
  try {
    await context.sync();
  } catch (error) {
    throw importError(lang, error, 'nothingWritten');
  }
  return {
    sheetNames: worksheets.items.map((sheet) => sheet.name),
    tableNames: tables.items.map((table) => table.name),
  };
}

/**
 * A new data sheet, built under a draft name and renamed by the last batch: whichever batch
 * fails, the partly written sheet still has its draft name and is deleted by it.
 */
async function writeNewDataSheet(
  context: Excel.RequestContext,
  plan: DataSheetPlan,
  found: Found,
  support: ExcelSupport,
): Promise<void> {
  const draftName = draftSheetName(plan.sheetName);
  try {
    quietly(context, support);
    const sheet = context.workbook.worksheets.add(draftName);
    // Freezing panes acts on the active sheet's view.
    sheet.activate();
    queueHeaderAndStyles(sheet, plan, support);
    setColumnWidths(
      sheet,
      plan.columns.map((column) => column.width),
    );
    setRecordWidths(sheet, plan);
    sheet.freezePanes.freezeRows(1);
    await context.sync();
    await writeRecord(context, sheet, plan, support);
    await writeRows(context, sheet, plan, support);
    const table = sheet.tables.add(tableAddress(plan), true);
    table.name = freeTableName(plan.tableName, found.tableNames);
    sheet.name = plan.sheetName;
    await context.sync();
  } catch (error) {
    const cleanup = await removeDraft(context, draftName);
    throw importError(
      plan.lang,
      error,
      cleanup === 'nothingToRemove' ? 'nothingWritten' : cleanup,
      plan.sheetName,
      draftName,
    );
  }
}

/** The existing data sheet as it was before a replacing import: its values, and its table's cells. */
interface Saved {
  used: Box;
  blocks: Block[];
  /** The data table's cells on this sheet, when it has one. */
  table?: Box;
  /** The name the import gives the table: the data table's, or a free one when it had none here. */
  tableName: string;
}

/** Why a read came back too large for one response. */
function tooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * What a cell held, as an input that writes it back: its formula, else its value (text kept
 * text). A text cell reads the same through `formulas` and `values`; a formula does not.
 */
function restoringInput(formula: unknown, value: unknown): Input {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return formula;
  if (typeof value === 'string') return literalText(value);
  return typeof value === 'number' || typeof value === 'boolean' ? value : '';
}

/**
 * Reads every value of the sheet's used range, in row chunks sized from `bytesPerRow` (a guess:
 * the new rows' weight), halving a chunk whenever Excel finds the response too large.
 */
async function readValues(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Box,
  bytesPerRow: number,
): Promise<Block[]> {
  const blocks: Block[] = [];
  // Formulas and values both come back: twice the cells of one read.
  let rows = Math.max(1, Math.floor(CHUNK_BYTES / (2 * bytesPerRow)));
  for (let row1 = used.row1; row1 <= used.row2;) {
    const row2 = Math.min(used.row2, row1 + rows - 1);
    const range = sheet.getRange(rangeRef(row1, used.col1, row2, used.col2));
    range.load('formulas,values');
    try {
      await context.sync();
    } catch (error) {
      if (!tooLarge(error) || rows === 1) throw error;
      rows = Math.ceil(rows / 2);
      continue;
    }
    const values = range.values;
    blocks.push({
      row1,
      col1: used.col1,
      inputs: range.formulas.map((row, r) =>
        row.map((formula, c) => restoringInput(formula, values[r]![c])),
      ),
    });
    row1 = row2 + 1;
  }
  return blocks;
}

async function saveDataSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  found: Found,
): Promise<Saved> {
  const used = sheet.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const sheetTables = sheet.tables;
  sheetTables.load('items/name');
  const hasTableName = found.tableNames.some(
    (name) => name.toLowerCase() === plan.tableName.toLowerCase(),
  );
  const tableRange = hasTableName
    ? context.workbook.tables
        .getItem(plan.tableName)
        .getRange()
        .load('rowIndex,columnIndex,rowCount,columnCount')
    : undefined;
  await context.sync();
  const onSheet = sheetTables.items.some(
    (table) => table.name.toLowerCase() === plan.tableName.toLowerCase(),
  );
  const usedBox = boxOf(used);
  const sample = plan.rows.slice(0, 1000);
  const weight =
    sample.reduce((sum, row) => sum + rowBytes(row.map(cellInput)), 0) / Math.max(1, sample.length);
  // The old rows came from an import like this one: guess their weight from the new rows',
  // widened to the used columns; a guess too low only costs a halved read.
  const bytesPerRow =
    Math.max(64, weight) * Math.max(1, (usedBox.col2 - usedBox.col1 + 1) / plan.columns.length);
  return {
    used: usedBox,
    blocks: await readValues(context, sheet, usedBox, bytesPerRow),
    ...(onSheet && tableRange ? { table: boxOf(tableRange) } : {}),
    tableName: onSheet ? plan.tableName : freeTableName(plan.tableName, found.tableNames),
  };
}

/** Queues giving the table `name` on `sheet` the cells `address`: resized in place where Excel can. */
function moveTable(
  sheet: Excel.Worksheet,
  name: string,
  address: string,
  support: ExcelSupport,
): void {
  if (support.tableResize) {
    sheet.tables.getItem(name).resize(address);
    return;
  }
  // Without Table.resize (before ExcelApi 1.13) the table is made again over the new cells.
  sheet.tables.getItem(name).convertToRange();
  sheet.tables.add(address, true).name = name;
}

/** What a replacing import writes into: the header, the rows, and the record beside them. */
function writtenBox(plan: DataSheetPlan): Box {
  const data: Box = {
    row1: 0,
    col1: 0,
    row2: Math.max(1, plan.rows.length),
    col2: plan.columns.length - 1,
  };
  const record = recordBox(plan);
  return record ? union(data, record) : data;
}

/**
 * Replaces the rows and record of the existing data sheet in place: the sheet keeps its name,
 * so formulas elsewhere that read its columns ('Deals'!$E:$E) keep working.
 */
async function replaceDataSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  saved: Saved,
  support: ExcelSupport,
): Promise<void> {
  const lastColumn = plan.columns.length - 1;
  quietly(context, support);
  // Old rows below the new ones and the old record go; other columns of the sheet stay as they are.
  if (saved.used.row2 >= 1)
    sheet.getRange(rangeRef(1, 0, saved.used.row2, lastColumn)).clear('Contents');
  const record = recordBox(plan);
  const recordColumn = record?.col1 ?? lastColumn + 2;
  if (saved.used.col2 >= recordColumn)
    sheet.getRange(rangeRef(0, recordColumn, saved.used.row2, saved.used.col2)).clear('Contents');
  queueHeaderAndStyles(sheet, plan, support);
  await context.sync();
  await writeRecord(context, sheet, plan, support);
  await writeRows(context, sheet, plan, support);
  const address = tableAddress(plan);
  if (saved.table) moveTable(sheet, saved.tableName, address, support);
  else sheet.tables.add(address, true).name = saved.tableName;
  await context.sync();
}

/**
 * Puts the sheet back as `saved` found it: clears what the import wrote, writes the old values
 * back in request-sized chunks and gives the table its old cells. Resolves whether that worked.
 */
async function restoreDataSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DataSheetPlan,
  saved: Saved,
  support: ExcelSupport,
): Promise<ImportCleanup> {
  try {
    // The failed batch may or may not have reached the table: look before putting it back.
    const sheetTables = sheet.tables;
    sheetTables.load('items/name');
    await context.sync();
    const ours = sheetTables.items.find(
      (table) => table.name.toLowerCase() === saved.tableName.toLowerCase(),
    );
    sheet.getRange(addressOf(union(saved.used, writtenBox(plan)))).clear('Contents');
    const old = saved.table ? addressOf(saved.table) : undefined;
    if (old && ours) moveTable(sheet, saved.tableName, old, support);
    else {
      ours?.convertToRange();
      if (old) sheet.tables.add(old, true).name = saved.tableName;
    }
    await context.sync();
    for (const block of saved.blocks) {
      const chunks = rowChunks(block.inputs.length, (row) => rowBytes(block.inputs[row]!));
      for (const chunk of chunks) {
        quietly(context, support);
        const first = block.row1 + chunk.start;
        const width = block.inputs[0]?.length ?? 0;
        sheet.getRange(
          rangeRef(first, block.col1, first + chunk.end - chunk.start - 1, block.col1 + width - 1),
        ).formulas = block.inputs.slice(chunk.start, chunk.end);
        await context.sync();
      }
    }
    return 'restored';
  } catch {
    return 'notRestored';
  }
}

/** What to do when the workbook already has a sheet of the data sheet's name and `replace` is off. */
export interface WriteOptions {
  /** 'refuse': an import, which must not touch the user's data; 'keep': a template's example data, which is left out. */
  existing: 'refuse' | 'keep';
}

/**
 * Writes `request` into the workbook behind `context`: the data sheet (new, under a draft name
 * renamed last; or, with `replace`, the existing sheet's rows in place, its old values read
 * first), then the analysis like any template. Values go in chunks that keep each request
 * under Excel on the web's 5 MB limit, so the number of syncs is a few plus rows ÷ chunk size.
 * Whatever fails, the workbook is left as it was: a new data sheet is deleted, a replaced one
 * gets its old values and table back. Rejects with a `DealsImportError` in the plan's language.
 */
export async function writeImport(
  context: Excel.RequestContext,
  request: ImportRequest,
  support: ExcelSupport = detectExcelSupport(),
  options: WriteOptions = { existing: 'refuse' },
): Promise<{ dataSheet: string; analysis: string | null }> {
  const plan = request.dataSheet;
  const found = await readNames(context, plan.lang);
  const existing = found.sheetNames.find(
    (name) => name.toLowerCase() === plan.sheetName.toLowerCase(),
  );
  let undo: () => Promise<ImportCleanup>;
  if (existing === undefined) {
    await writeNewDataSheet(context, plan, found, support);
    undo = async () => {
      try {
        context.workbook.worksheets.getItem(plan.sheetName).delete();
        await context.sync();
        return 'removed';
      } catch {
        return 'notRemoved';
      }
    };
  } else if (request.replace) {
    const sheet = context.workbook.worksheets.getItem(existing);
    let saved: Saved;
    try {
      saved = await saveDataSheet(context, sheet, plan, found);
    } catch (error) {
      throw importError(plan.lang, error, 'nothingWritten', existing);
    }
    undo = () => restoreDataSheet(context, sheet, plan, saved, support);
    try {
      await replaceDataSheet(context, sheet, plan, saved, support);
    } catch (error) {
      throw importError(plan.lang, error, await undo(), existing);
    }
  } else if (options.existing === 'keep') {
    undo = () => Promise.resolve('nothingWritten');
  } else throw sheetExistsError(plan.lang, existing);

  const dataSheet = existing ?? plan.sheetName;
  if (request.analysis === null) return { dataSheet, analysis: null };
  try {
    const { sheetName } = await applyPlanToExcel(context, request.analysis, support);
    return { dataSheet, analysis: sheetName };
  } catch (error) {
    throw analysisFailed(plan.lang, error, await undo(), dataSheet);
  }
}

/** The values of `range` on sheet `sheetName` (blank cells ""), or null when there is no such sheet. */
export async function readSheetValues(
  context: Excel.RequestContext,
  sheetName: string,
  range: string,
): Promise<DataValue[][] | null> {
  const { worksheets } = context.workbook;
  worksheets.load('items/name');
  await context.sync();
  const sheet = worksheets.items.find(
    (item) => item.name.toLowerCase() === sheetName.toLowerCase(),
  );
  if (!sheet) return null;
  const cells = sheet.getRange(range).load('values');
  await context.sync();
  return cells.values.map((row) =>
    row.map((value: unknown): DataValue =>
      typeof value === 'number' || typeof value === 'string'
        ? value
        : typeof value === 'boolean'
          ? String(value).toUpperCase()
          : '',
    ),
  );
}

/** The task pane's `importDeals`: one `Excel.run` for the whole import. */
export function importDealsIntoExcel(
  request: ImportRequest,
): Promise<{ dataSheet: string; analysis: string | null }> {
  return Excel.run((context) => writeImport(context, request));
}

/** The task pane's `readSheetValues`. */
export function readSheetValuesFromExcel(
  sheetName: string,
  range: string,
): Promise<DataValue[][] | null> {
  return Excel.run((context) => readSheetValues(context, sheetName, range));
}

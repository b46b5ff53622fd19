/// <reference types="office-js" />
// Inserts a template plan into the open workbook with Office.js: one new sheet, at most three round trips.
import {
  columnName,
  parseRange,
  rangeRef,
  sanitizeSheetName,
  STATUS_STYLES,
  uniqueSheetName,
  type ChartPlan,
  type PrintPlan,
  type SheetPlan,
  type ValidationPlan,
} from '../core/templates/index';
import { gridInputs } from './cell-input';
import { insertError, type Cleanup } from './insert-error';
import { applyStyle, pointsOf, styleBlocks } from './plan-styles';
import { detectExcelSupport, type ExcelSupport } from './support';

/** Excel refuses an address list longer than 8192 characters in `getRanges`. */
const MAX_ADDRESS_LIST = 8000;

/** Excel's largest number: the bound of a number check with no limit on one side. */
const EXCEL_MAX = 9.99999999999999e307;

/** Excel's limits on a validation's messages: the input prompt's, and the shorter error alert's. */
const VALIDATION_MESSAGE_LIMITS = { prompt: 255, errorAlert: 225 } as const;

const CHART_TYPES = { line: 'Line', column: 'ColumnClustered', bar: 'BarClustered' } as const;

/** Ranges to format together: one RangeAreas per address list that fits, else one Range each. */
export function areas(
  sheet: Excel.Worksheet,
  addresses: readonly string[],
  support: ExcelSupport,
): (Excel.Range | Excel.RangeAreas)[] {
  if (!support.rangeAreas) return addresses.map((address) => sheet.getRange(address));
  const lists: string[][] = [];
  let length = 0;
  for (const address of addresses) {
    const current = lists[lists.length - 1];
    if (current && length + address.length + 1 <= MAX_ADDRESS_LIST) {
      current.push(address);
      length += address.length + 1;
    } else {
      lists.push([address]);
      length = address.length;
    }
  }
  return lists.map((list) => sheet.getRanges(list.join(',')));
}

/** Column widths, one call per run of equally wide columns. */
export function setColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): void {
  let start = 0;
  for (let col = 1; col <= widths.length; col++) {
    if (col < widths.length && widths[col] === widths[start]) continue;
    const columns = `${columnName(start)}:${columnName(col - 1)}`;
    sheet.getRange(columns).format.columnWidth = pointsOf(widths[start]!);
    start = col;
  }
}

function freeze(sheet: Excel.Worksheet, { rows, columns }: SheetPlan['frozen']): void {
  if (rows > 0 && columns > 0)
    sheet.freezePanes.freezeAt(sheet.getRange(rangeRef(0, 0, rows - 1, columns - 1)));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
}

/** The rows the plan sets a height for: Excel does not fit a row to merged cells (the title). */
function setRowHeights(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const lastColumn = plan.columnWidths.length - 1;
  for (const { row, height } of plan.rowHeights)
    sheet.getRange(rangeRef(row, 0, row, lastColumn)).format.rowHeight = pointsOf(height);
}

/** Print settings need ExcelApi 1.9; older Excel keeps its defaults. */
function setPageLayout(sheet: Excel.Worksheet, print: PrintPlan, support: ExcelSupport): void {
  if (!support.pageLayout) return;
  const { pageLayout } = sheet;
  pageLayout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pageLayout.zoom = {
    horizontalFitToPages: print.fitToWidth,
    // 0 is Excel's "Automatic": as many pages down as the rows need.
    verticalFitToPages: print.fitToHeight,
  };
  pageLayout.setPrintArea(print.printArea);
  if (print.titleRows !== null) pageLayout.setPrintTitleRows(print.titleRows);
  pageLayout.setPrintMargins('Inches', print.margins);
  pageLayout.centerHorizontally = print.centerHorizontally;
}

function excelRule(rule: ValidationPlan['rule']): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      // A list source is comma-separated; the plan's items (status texts, yes/no) hold no commas.
      return { list: { inCellDropDown: true, source: rule.items.join(',') } };
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' } };
    case 'number': {
      const check: Excel.BasicDataValidation =
        rule.min !== undefined && rule.max !== undefined
          ? { formula1: rule.min, formula2: rule.max, operator: 'Between' }
          : rule.min !== undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : rule.max !== undefined
              ? { formula1: rule.max, operator: 'LessThanOrEqualTo' }
              : { formula1: -EXCEL_MAX, formula2: EXCEL_MAX, operator: 'Between' };
      return rule.whole ? { wholeNumber: check } : { decimal: check };
    }
    case 'custom':
      // Excel reads the formula's relative references from the range's top-left cell.
      return { custom: { formula: rule.formula } };
  }
}

/** `text` cut to `max` characters, ending in "…" when cut (Excel refuses a longer message outright). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function validate(sheet: Excel.Worksheet, validation: ValidationPlan): void {
  const { dataValidation } = sheet.getRange(validation.range);
  const { help } = validation;
  dataValidation.ignoreBlanks = true;
  dataValidation.rule = excelRule(validation.rule);
  dataValidation.prompt = {
    showPrompt: true,
    title: '',
    message: clip(help, VALIDATION_MESSAGE_LIMITS.prompt),
  };
  dataValidation.errorAlert = {
    showAlert: validation.reject,
    style: validation.reject ? 'Stop' : 'Warning',
    title: '',
    message: clip(help, VALIDATION_MESSAGE_LIMITS.errorAlert),
  };
}

function colourStatuses(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const { range, equals, role } of plan.conditionalFormats) {
    const { cellValue } = sheet.getRange(range).conditionalFormats.add('CellValue');
    cellValue.format.fill.color = STATUS_STYLES[role].fill;
    cellValue.format.font.color = STATUS_STYLES[role].fontColor;
    cellValue.rule = { formula1: `="${equals.replace(/"/g, '""')}"`, operator: 'EqualTo' };
  }
}

function drawChart(sheet: Excel.Worksheet, chart: ChartPlan): void {
  const [first, ...others] = chart.series;
  if (!first) return;
  const categories = parseRange(chart.categories);
  const seriesBy = categories.row2 > categories.row1 ? 'Columns' : 'Rows';
  const drawn = sheet.charts.add(CHART_TYPES[chart.type], sheet.getRange(first.values), seriesBy);
  drawn.title.text = chart.title;
  drawn.legend.position = 'Bottom';
  // Each series is given its values and categories explicitly, so Excel's guess of headers never applies.
  const firstSeries = drawn.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setValues(sheet.getRange(first.values));
  firstSeries.setXAxisValues(sheet.getRange(chart.categories));
  for (const { name, values } of others) {
    const series = drawn.series.add(name);
    series.setValues(sheet.getRange(values));
    series.setXAxisValues(sheet.getRange(chart.categories));
  }
  drawn.setPosition(chart.anchor);
  drawn.width = pointsOf(chart.width);
  drawn.height = pointsOf(chart.height);
}

/**
 * A name for the sheet while it is being built that no one else's sheet has: a random token
 * before the template's name. Only this insertion uses it, so a rollback by this name can
 * never reach a sheet it did not create.
 */
export function draftSheetName(base: string): string {
  const [token = 0] = crypto.getRandomValues(new Uint32Array(1));
  return sanitizeSheetName(`~${token.toString(16).padStart(8, '0')} ${base}`);
}

/**
 * Queues the whole sheet, added as `draftName` and renamed to `sheetName` by the batch's last
 * call: whichever call fails, the sheet left behind still has its draft name. Nothing reaches
 * Excel until the next sync. Returns the new sheet.
 */
function queueSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  names: { draftName: string; sheetName: string },
  support: ExcelSupport,
): Excel.Worksheet {
  const { application } = context.workbook;
  application.suspendApiCalculationUntilNextSync();
  if (support.screenUpdating) application.suspendScreenUpdatingUntilNextSync();

  const sheet = context.workbook.worksheets.add(names.draftName);
  // Freezing panes acts on the active sheet's view, so the new sheet is activated first.
  sheet.activate();
  const grid = sheet.getRange(`A1:${plan.lastCell}`);
  const { numberFormats, formulas } = gridInputs(plan);
  grid.numberFormat = numberFormats;
  grid.formulas = formulas;
  for (const { style, ranges } of styleBlocks(plan))
    for (const target of areas(sheet, ranges, support)) applyStyle(target.format, style);
  setColumnWidths(sheet, plan.columnWidths);
  for (const merge of plan.merges) sheet.getRange(merge).merge(false);
  // Wrapped headers get the height their text needs; merged title lines are left as they are.
  grid.format.autofitRows();
  setRowHeights(sheet, plan);
  freeze(sheet, plan.frozen);

  if (support.notes)
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.note !== undefined) sheet.notes.add(rangeRef(r, c, r, c), cell.note);
      }),
    );
  for (const validation of plan.validations) validate(sheet, validation);
  colourStatuses(sheet, plan);
  for (const chart of plan.charts) drawChart(sheet, chart);
  setPageLayout(sheet, plan.print, support);

  if (plan.protection.enabled) {
    for (const target of areas(sheet, plan.protection.unlockedRanges, support))
      target.format.protection.locked = false;
    // No password: the lock guards formulas against slips, and users can lift it themselves.
    sheet.protection.protect({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowEditObjects: true,
      selectionMode: 'Normal',
    });
  }
  // Fails when a co-author or a second insertion took the name since it was read.
  sheet.name = names.sheetName;
  return sheet;
}

/**
 * Deletes the partly built sheet a failed batch may have left behind. It is found by its draft
 * name, never by the final one: a sheet of the final name that appeared meanwhile is someone
 * else's. (The Worksheet object `add` returned cannot be used: Office.js only makes it usable in
 * a later batch from the results of a batch that succeeded.)
 */
export async function removeDraft(
  context: Excel.RequestContext,
  draftName: string,
): Promise<Cleanup> {
  try {
    context.workbook.worksheets.getItem(draftName).delete();
    await context.sync();
    return 'removed';
  } catch (error) {
    return (error as { code?: unknown } | null)?.code === 'ItemNotFound'
      ? 'nothingToRemove'
      : 'notRemoved';
  }
}

/**
 * Calculation was suspended while the sheet was written, and Office.js leaves propagating the
 * new formulas to the add-in. Only the new sheet is calculated (`Worksheet.calculate`, ExcelApi
 * 1.6): `Application.calculate` would recalculate every open workbook. The sheet itself is
 * complete at this point, so a failed recalculation is not a failed insertion: Excel
 * recalculates on the next edit anyway.
 */
async function recalculate(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<void> {
  try {
    sheet.calculate(true);
    await context.sync();
  } catch {
    // Deliberately not rolled back: see above.
  }
}

/**
 * Inserts `plan` as a new sheet of the workbook behind `context`, with at most three
 * `context.sync()` calls whatever the plan's size: one to read the sheet names (the new name is
 * made unique as "Name (2)"), one that writes the whole sheet, and a third that either
 * calculates the new sheet (calculation is suspended while writing) or, when the write failed,
 * deletes the partly built sheet. Existing sheets, names and charts are never touched, even
 * when another sheet takes the chosen name between the first two syncs: the insertion then
 * fails, removes only its own sheet and says so.
 * Cell notes need ExcelApi 1.18 and print settings ExcelApi 1.9; older Excel versions go without.
 * Resolves to the new sheet's name; rejects with a `TemplateInsertError` in the plan's language.
 */
export async function applyPlanToExcel(
  context: Excel.RequestContext,
  plan: SheetPlan,
  support: ExcelSupport = detectExcelSupport(),
): Promise<{ sheetName: string }> {
  const { lang } = plan.options;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  try {
    await context.sync();
  } catch (error) {
    throw insertError(lang, error, 'nothingToRemove');
  }
  const sheetName = uniqueSheetName(
    plan.sheetName,
    worksheets.items.map((sheet) => sheet.name),
  );
  const draftName = draftSheetName(plan.sheetName);
  let sheet: Excel.Worksheet;
  try {
    sheet = queueSheet(context, plan, { draftName, sheetName }, support);
    await context.sync();
  } catch (error) {
    throw insertError(lang, error, await removeDraft(context, draftName), sheetName, draftName);
  }
  await recalculate(context, sheet);
  return { sheetName };
}

/// <reference types="office-js" />
// Inserts a template plan into the open workbook with Office.js: one new sheet, at most three round trips.
import {
  buildPlan,
  columnName,
  parseRange,
  rangeRef,
  STATUS_STYLES,
  uniqueSheetName,
  type ChartPlan,
  type OptionError,
  type SheetPlan,
  type TemplateOptionsInput,
  type ValidationPlan,
} from '../core/templates/index';
import { gridInputs } from './cell-input';
import { excelHostDefaults } from './host-defaults';
import { insertError, type Cleanup } from './insert-error';
import { FUNCTION_NAMESPACE } from './manifest';
import { applyStyle, pointsOf, styleBlocks } from './plan-styles';
import { detectExcelSupport, type ExcelSupport } from './support';

/** Excel refuses an address list longer than 8192 characters in `getRanges`. */
const MAX_ADDRESS_LIST = 8000;

/** Excel's largest number: the bound of a number check with no limit on one side. */
const EXCEL_MAX = 9.99999999999999e307;

/** Excel limits a validation prompt or alert message to 255 characters. */
const MAX_VALIDATION_MESSAGE = 255;

const CHART_TYPES = { line: 'Line', column: 'ColumnClustered', bar: 'BarClustered' } as const;

/** Ranges to format together: one RangeAreas per address list that fits, else one Range each. */
function areas(
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
function setColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): void {
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
  }
}

function validate(sheet: Excel.Worksheet, validation: ValidationPlan): void {
  const { dataValidation } = sheet.getRange(validation.range);
  const message = validation.help.slice(0, MAX_VALIDATION_MESSAGE);
  dataValidation.ignoreBlanks = true;
  dataValidation.rule = excelRule(validation.rule);
  dataValidation.prompt = { showPrompt: true, title: '', message };
  dataValidation.errorAlert = {
    showAlert: validation.reject,
    style: validation.reject ? 'Stop' : 'Warning',
    title: '',
    message,
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

/** Queues the whole sheet: nothing reaches Excel until the next sync. */
function queueSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  sheetName: string,
  support: ExcelSupport,
): void {
  const { application } = context.workbook;
  application.suspendApiCalculationUntilNextSync();
  if (support.screenUpdating) application.suspendScreenUpdatingUntilNextSync();

  const sheet = context.workbook.worksheets.add(sheetName);
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
}

/** Deletes the sheet a failed batch may have left behind (a sheet chosen unique, so never the user's). */
async function removeSheet(context: Excel.RequestContext, sheetName: string): Promise<Cleanup> {
  try {
    context.workbook.worksheets.getItem(sheetName).delete();
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
 * new formulas to the add-in. The sheet itself is complete at this point, so a failed
 * recalculation is not a failed insertion: Excel recalculates on the next edit anyway.
 */
async function recalculate(context: Excel.RequestContext): Promise<void> {
  try {
    context.workbook.application.calculate('Recalculate');
    await context.sync();
  } catch {
    // Deliberately not rolled back: see above.
  }
}

/**
 * Inserts `plan` as a new sheet of the workbook behind `context`, with at most three
 * `context.sync()` calls whatever the plan's size: one to read the sheet names (the new name is
 * made unique as "Name (2)"), one that writes the whole sheet, and a third that either
 * recalculates the new formulas (calculation is suspended while writing) or, when the write
 * failed, deletes the partly built sheet. Existing sheets, names and charts are never touched.
 * Cell notes need ExcelApi 1.18 and are left out on older Excel versions.
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
  try {
    queueSheet(context, plan, sheetName, support);
    await context.sync();
  } catch (error) {
    throw insertError(lang, error, await removeSheet(context, sheetName), sheetName);
  }
  await recalculate(context);
  return { sheetName };
}

/** Options refused before anything was written; `errors` holds each option's message. */
export class TemplateOptionsError extends Error {
  override readonly name = 'TemplateOptionsError';

  constructor(readonly errors: OptionError[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}

/** What the sidebar asks for: a template and its options (any left out take their defaults). */
export interface InsertRequest {
  templateId: string;
  options?: TemplateOptionsInput;
}

/**
 * Builds the requested template with Excel's defaults (display language, locale currency,
 * this month) and inserts it in one `Excel.run`. Rejects with `TemplateOptionsError` when the
 * options are refused (nothing is written) or `TemplateInsertError` when Excel fails.
 */
export async function insertTemplateIntoExcel(
  request: InsertRequest,
): Promise<{ sheetName: string }> {
  const result = buildPlan(request.templateId, request.options ?? {}, excelHostDefaults(), {
    functionPrefix: `${FUNCTION_NAMESPACE}.`,
  });
  if (!result.ok) throw new TemplateOptionsError(result.errors);
  const { plan } = result;
  return Excel.run((context) => applyPlanToExcel(context, plan));
}

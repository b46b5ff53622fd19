// Applies a template plan to an ExcelJS workbook (one new sheet with values, formulas and their cached results), with the data sheet it reads.
import ExcelJS from 'exceljs';
import { isKpiError } from '../core/errors';
import { parseRange, rangeRef } from '../core/templates/a1';
import { evaluatePlan, type ComputedValue } from '../core/templates/evaluate';
import type { DataSheetPlan } from '../core/import/workbook-types';
import type { ConditionalFormatPlan, SheetPlan, ValidationPlan } from '../core/templates/plan';
import { uniqueSheetName } from '../core/templates/sheet-name';
import { STATUS_STYLES } from '../core/templates/theme';
import { addPlanCharts } from './xlsx-charts';
import { addDataSheetLayout, literalText, spliceDataRows } from './xlsx-data-sheet';
import { markDynamicArrays } from './xlsx-dynamic-arrays';
import { argb, excelStyle, widthInCharacters } from './xlsx-styles';

/**
 * Excel "repairs" away a validation whose texts are longer than the file format allows: the
 * prompt 255 characters, the error alert 224 (MS-OI29500, dataValidation@error).
 */
const MAX_VALIDATION_TEXT = { prompt: 255, error: 224 } as const;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A computed value as ExcelJS's cached formula result; an empty cell caches "". */
function cachedResult(value: ComputedValue): ExcelJS.CellFormulaValue['result'] {
  if (value === null) return '';
  if (isKpiError(value)) return { error: value.code };
  return value;
}

/** Every cell address of the ranges, as "row,col" keys. */
function cellsOf(ranges: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const range of ranges) {
    const { row1, col1, row2, col2 } = parseRange(range);
    for (let r = row1; r <= row2; r++) for (let c = col1; c <= col2; c++) keys.add(`${r},${c}`);
  }
  return keys;
}

function writeCells(
  sheet: ExcelJS.Worksheet,
  plan: SheetPlan,
  computed: readonly (readonly ComputedValue[])[],
): void {
  const unlocked = plan.protection.enabled
    ? cellsOf(plan.protection.unlockedRanges)
    : new Set<string>();
  plan.cells.forEach((line, r) => {
    const row = sheet.getRow(r + 1);
    line.forEach((cell, c) => {
      const open = unlocked.has(`${r},${c}`);
      if (!cell && !open) return;
      const target = row.getCell(c + 1);
      target.style = excelStyle(cell, open);
      if (cell?.formula !== undefined) {
        target.value = {
          formula: cell.formula.replace(/^=/, ''),
          result: cachedResult(computed[r]![c]!),
          // A spilling formula is an array formula over its range (ExcelJS's shareType/ref).
          ...(cell.spill !== undefined ? { shareType: 'array', ref: cell.spill } : {}),
        } as ExcelJS.CellFormulaValue;
      } else if (cell?.spilledFrom !== undefined) {
        // A cell of a spill range holds only its cached result, as Excel saves spilled cells.
        const result = cachedResult(computed[r]![c]!);
        if (result !== '') target.value = result as ExcelJS.CellValue;
      } else if (cell?.value !== undefined) {
        // ExcelJS writes every string as a shared string, never as a formula: "=x" stays text.
        target.value = typeof cell.value === 'string' ? literalText(cell.value) : cell.value;
      }
      if (cell?.note !== undefined) target.note = cell.note;
    });
  });
}

function validationOf(plan: ValidationPlan, topLeft: string): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    prompt: clip(plan.help, MAX_VALIDATION_TEXT.prompt),
    showErrorMessage: true,
    errorStyle: plan.reject ? 'stop' : 'information',
    error: clip(plan.help, MAX_VALIDATION_TEXT.error),
  };
  const rule = plan.rule;
  switch (rule.type) {
    case 'list':
      return {
        ...messages,
        type: 'list',
        formulae: [`"${rule.items.map((item) => item.replace(/"/g, '""')).join(',')}"`],
      };
    case 'date':
      // Any real date: Excel's serial numbers start at 1 (1900-01-01).
      return {
        ...messages,
        type: 'date',
        operator: 'greaterThanOrEqual',
        formulae: [new Date(Date.UTC(1899, 11, 31))],
      };
    case 'number': {
      const type = rule.whole ? 'whole' : 'decimal';
      if (rule.min !== undefined && rule.max !== undefined)
        return { ...messages, type, operator: 'between', formulae: [rule.min, rule.max] };
      if (rule.min !== undefined)
        return { ...messages, type, operator: 'greaterThanOrEqual', formulae: [rule.min] };
      if (rule.max !== undefined)
        return { ...messages, type, operator: 'lessThanOrEqual', formulae: [rule.max] };
      const numeric = rule.whole
        ? `AND(ISNUMBER(${topLeft}),${topLeft}=INT(${topLeft}))`
        : `ISNUMBER(${topLeft})`;
      return { ...messages, type: 'custom', formulae: [numeric] };
    }
    case 'custom':
      // Relative to the range's top-left cell, as the file format applies it to every cell.
      return { ...messages, type: 'custom', formulae: [rule.formula.replace(/^=/, '')] };
  }
}

function addValidations(sheet: ExcelJS.Worksheet, validations: readonly ValidationPlan[]): void {
  for (const validation of validations) {
    const { row1, col1 } = parseRange(validation.range);
    const topLeft = rangeRef(row1, col1, row1, col1);
    // ExcelJS keeps a range key as one rule (sqref), so large input blocks stay one rule.
    (
      sheet as unknown as {
        dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
      }
    ).dataValidations.add(validation.range, validationOf(validation, topLeft));
  }
}

function addConditionalFormats(
  sheet: ExcelJS.Worksheet,
  formats: readonly ConditionalFormatPlan[],
): void {
  formats.forEach((format, i) => {
    const colours = STATUS_STYLES[format.role];
    sheet.addConditionalFormatting({
      ref: format.range,
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: i + 1,
          formulae: [`"${format.equals.replace(/"/g, '""')}"`],
          style: {
            font: { color: argb(colours.fontColor) },
            fill: { type: 'pattern', pattern: 'solid', bgColor: argb(colours.fill) },
          },
        },
      ],
    });
  });
}

/** The plan's row heights (pixels; ExcelJS takes points) and print settings. */
function setPageLayout(sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const { row, height } of plan.rowHeights) sheet.getRow(row + 1).height = height * 0.75;
  const { print } = plan;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    // ExcelJS writes "$" before each corner it is given: "A$1:N$20" becomes "$A$1:$N$20".
    printArea: print.printArea.replace(/(\d+)/g, '$$$1'),
    ...(print.titleRows !== null ? { printTitlesRow: print.titleRows } : {}),
    horizontalCentered: print.centerHorizontally,
    margins: print.margins,
  };
}

/**
 * Adds the plan as a new sheet of `workbook` (named "Name (2)" if the name is taken) and
 * returns it. Formula cells carry their results computed by the core (over the deals of `data`
 * where they read a data sheet; `computed` when the caller has them already), so programs that show cached values (previews, viewers) show
 * the right numbers. ExcelJS cannot write charts: they are added to the written package by
 * `addPlanCharts` (cli/xlsx-charts.ts), as `planToXlsx` does.
 */
export async function addPlanSheet(
  workbook: ExcelJS.Workbook,
  plan: SheetPlan,
  data?: DataSheetPlan,
  computed: ComputedValue[][] = evaluatePlan(plan, data),
): Promise<ExcelJS.Worksheet> {
  const name = uniqueSheetName(
    plan.sheetName,
    workbook.worksheets.map((sheet) => sheet.name),
  );
  const { rows, columns } = plan.frozen;
  const sheet = workbook.addWorksheet(name, {
    views: rows > 0 || columns > 0 ? [{ state: 'frozen', xSplit: columns, ySplit: rows }] : [],
  });
  sheet.columns = plan.columnWidths.map((pixels) => ({ width: widthInCharacters(pixels) }));
  writeCells(sheet, plan, computed);
  for (const merge of plan.merges) sheet.mergeCells(merge);
  setPageLayout(sheet, plan);
  addValidations(sheet, plan.validations);
  addConditionalFormats(sheet, plan.conditionalFormats);
  if (plan.protection.enabled) {
    // No password (spec): the lock prevents accidents, not access.
    await sheet.protect('', { formatColumns: true, formatRows: true });
  }
  return sheet;
}

/**
 * The plan as an .xlsx file: one sheet, or with `data` the data sheet it reads first (its name
 * kept exactly, as the plan's formulas name it) and the plan's sheet after it, opened on the plan.
 */
export async function planToXlsx(plan: SheetPlan, data?: DataSheetPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sales-kpi';
  const dataSheet = data ? addDataSheetLayout(workbook, data) : null;
  // Computed once for the cells and the charts' caches: over 100,000 deals it takes seconds.
  const computed = evaluatePlan(plan, data);
  const sheet = await addPlanSheet(workbook, plan, data, computed);
  if (dataSheet) workbook.views = [{ ...WORKBOOK_VIEW, activeTab: 1 }];
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const charted = await addPlanCharts(await markDynamicArrays(xlsx), [
    { sheetName: sheet.name, plan, computed },
  ]);
  return data && dataSheet ? spliceDataRows(charted, data, dataSheet.name) : charted;
}

/** The workbook window ExcelJS writes by default; only the active tab changes. */
const WORKBOOK_VIEW = {
  x: 0,
  y: 0,
  width: 12000,
  height: 24000,
  firstSheet: 0,
  visibility: 'visible',
} as const;

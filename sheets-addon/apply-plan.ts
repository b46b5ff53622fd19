/// <reference types="google-apps-script" />
// Inserts a template plan into a spreadsheet with SpreadsheetApp, in a number of calls that does not grow with rows or periods.
import {
  parseCell,
  parseRange,
  uniqueSheetName,
  type ChartPlan,
  type SheetPlan,
  type ValidationPlan,
} from '../core/templates/index';
import {
  bottomBorders,
  coverGrid,
  hasNotes,
  heightRuns,
  sheetsGrid,
  statusRules,
  widthRuns,
} from './grid';
import { SHEETS_MESSAGES, reasonOf } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** The Apps Script services the insert needs besides the spreadsheet; tests pass fakes. */
export interface SheetsServices {
  spreadsheetApp: Pick<
    GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    'newDataValidation' | 'newConditionalFormatRule' | 'BorderStyle'
  >;
  charts: Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;
}

/**
 * The parts of a plan Sheets writes (no print settings or computations; row heights where a
 * template sets them): what an import's analysis sheet is read into from the sidebar's request.
 */
export type SheetsPlan = Pick<
  SheetPlan,
  | 'sheetName'
  | 'cells'
  | 'columnWidths'
  | 'frozen'
  | 'merges'
  | 'validations'
  | 'conditionalFormats'
  | 'protection'
  | 'charts'
> &
  Partial<Pick<SheetPlan, 'rowHeights'>> & { options: Pick<SheetPlan['options'], 'lang'> };

/** Sheets has no plain "is a number" criterion; a number rule without bounds accepts this span. */
const ANY_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * Adds the plan as a new sheet named `plan.sheetName`, or "Name (2)", … when taken, and makes it
 * the active sheet; existing sheets are never touched. On any failure the new sheet is deleted
 * and an Error says, in the plan's language, what failed and that nothing was changed.
 * The number of service calls depends on the template, never on its rows or periods.
 */
export function applyPlanToSheets(
  spreadsheet: Spreadsheet,
  plan: SheetsPlan,
  services: SheetsServices,
): { sheetName: string } {
  const messages = SHEETS_MESSAGES[plan.options.lang];
  const sheetName = uniqueSheetName(
    plan.sheetName,
    spreadsheet.getSheets().map((sheet) => sheet.getName()),
  );
  let sheet: Sheet;
  try {
    sheet = spreadsheet.insertSheet(sheetName);
  } catch (error) {
    throw new Error(messages.insertFailed(sheetName, reasonOf(error)), { cause: error });
  }
  try {
    writeSheet(sheet, plan, services);
  } catch (error) {
    const reason = reasonOf(error);
    const left = removeSheet(spreadsheet, sheet);
    throw new Error(
      left === undefined
        ? messages.insertFailed(sheetName, reason)
        : messages.insertFailedSheetLeft(sheetName, reason, left),
      { cause: error },
    );
  }
  return { sheetName };
}

/** Deletes a partly built sheet or draft; why not, when even that fails. */
export function removeSheet(spreadsheet: Spreadsheet, sheet: Sheet): string | undefined {
  try {
    spreadsheet.deleteSheet(sheet);
    return undefined;
  } catch (cleanup) {
    return reasonOf(cleanup);
  }
}

function writeSheet(sheet: Sheet, plan: SheetsPlan, services: SheetsServices): void {
  const rows = plan.cells.length;
  const columns = plan.columnWidths.length;
  // A new sheet's size is Sheets' default (1000 × 26), smaller than the largest plans; growing
  // it by the plan's own size always makes room, without asking for the size first.
  sheet.insertRowsAfter(1, rows);
  sheet.insertColumnsAfter(1, columns);

  const grid = sheetsGrid(plan);
  const range = sheet.getRange(1, 1, rows, columns);
  // Values first: number formats set afterwards win over any format Sheets infers from them.
  range.setValues(grid.values);
  range.setNumberFormats(grid.numberFormats);
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  range.setFontWeights(grid.fontWeights);
  range.setFontStyles(grid.fontStyles);
  range.setFontSizes(grid.fontSizes);
  range.setHorizontalAlignments(grid.horizontalAlignments);
  range.setVerticalAlignments(grid.verticalAlignments);
  range.setWraps(grid.wraps);
  if (hasNotes(plan)) range.setNotes(grid.notes);
  if (plan.validations.length > 0)
    range.setDataValidations(validationGrid(plan, services.spreadsheetApp));
  applyCrossChecks(sheet, plan, services.spreadsheetApp);

  for (const [colour, ranges] of bottomBorders(plan))
    sheet
      .getRangeList(ranges)
      .setBorder(
        null,
        null,
        true,
        null,
        null,
        null,
        colour,
        services.spreadsheetApp.BorderStyle.SOLID,
      );
  for (const run of widthRuns(plan.columnWidths))
    sheet.setColumnWidths(run.start, run.count, run.width);
  // The least height a row needs, as Excel and the .xlsx get it (a merged title in a large font,
  // which no host fits; wrapped labels); not setRowHeightsForced, so a taller text still grows it.
  for (const run of heightRuns(plan.rowHeights ?? []))
    sheet.setRowHeights(run.start, run.count, run.height);
  sheet.setFrozenRows(plan.frozen.rows);
  sheet.setFrozenColumns(plan.frozen.columns);
  for (const merge of plan.merges) sheet.getRange(merge).merge();

  const rules = statusRules(plan.conditionalFormats).map((rule) =>
    services.spreadsheetApp
      .newConditionalFormatRule()
      .whenTextEqualTo(rule.equals)
      .setBackground(rule.fill)
      .setFontColor(rule.fontColor)
      .setRanges(sheet.getRangeList(rule.ranges).getRanges())
      .build(),
  );
  if (rules.length > 0) sheet.setConditionalFormatRules(rules);

  for (const chart of plan.charts) insertChart(sheet, chart, services.charts.ChartType);

  // Last, as plan.ts asks: the description and open input ranges belong to the finished sheet.
  if (plan.protection.enabled) protectFormulas(sheet, plan);
  sheet.activate();
}

/**
 * Locks every cell but the plan's input ranges for everyone except the spreadsheet's owner and
 * the user inserting the template. A new protection mirrors the spreadsheet's permissions, so it
 * protects nothing, until the script changes its editors or domain edit (Apps Script reference,
 * `Sheet.protect()`): hence the editors are removed. Sheets never removes the owner or the
 * current user, so this needs no user identity (`Session.getEffectiveUser` would need the
 * userinfo.email scope); every call here is allowed by `spreadsheets.currentonly`.
 */
function protectFormulas(sheet: Sheet, plan: SheetsPlan): void {
  const protection = sheet
    .protect()
    .setDescription(SHEETS_MESSAGES[plan.options.lang].protectionDescription);
  if (plan.protection.unlockedRanges.length > 0)
    protection.setUnprotectedRanges(sheet.getRangeList(plan.protection.unlockedRanges).getRanges());
  protection.setWarningOnly(false);
  removeOtherEditors(protection);
  // Only a Workspace spreadsheet can be shared with its domain; elsewhere setDomainEdit throws.
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/**
 * Removes every editor Sheets lets go. When the current user edits through a group, Sheets
 * refuses to remove that group (it would lock them out) and with it the whole list; the others
 * are then removed one at a time and that group is kept. If not one editor could be removed,
 * the refusal was something else and is passed on.
 */
function removeOtherEditors(protection: Protection): void {
  const editors = protection.getEditors();
  try {
    protection.removeEditors(editors);
  } catch (refused) {
    const kept = editors.filter((editor) => {
      try {
        protection.removeEditor(editor);
        return false;
      } catch {
        return true;
      }
    });
    if (kept.length === editors.length) throw refused;
  }
}

/** A validation's rule object: its criterion, help text and whether invalid input is refused. */
function buildRule(
  validation: ValidationPlan,
  spreadsheetApp: SheetsServices['spreadsheetApp'],
): DataValidation {
  return requireRule(spreadsheetApp.newDataValidation(), validation.rule)
    .setHelpText(validation.help)
    .setAllowInvalid(!validation.reject)
    .build();
}

/**
 * One rule object per distinct validation (built once), placed on every cell it covers. Custom
 * formula rules are left out: each cell would read the formula's references from itself.
 */
function validationGrid(
  plan: SheetsPlan,
  spreadsheetApp: SheetsServices['spreadsheetApp'],
): (DataValidation | null)[][] {
  const built = new Map<string, DataValidation>();
  const plain = plan.validations.filter((validation) => validation.rule.type !== 'custom');
  const items = plain.map((validation) => {
    const key = JSON.stringify([validation.rule, validation.help, validation.reject]);
    let rule = built.get(key);
    if (!rule) {
      rule = buildRule(validation, spreadsheetApp);
      built.set(key, rule);
    }
    return { range: validation.range, item: rule };
  });
  return coverGrid(plan.cells.length, plan.columnWidths.length, items);
}

/**
 * The custom formula rules (a part not above its whole), one per range: Sheets reads the
 * formula's relative references from the range's top-left cell, as the plan writes them. A
 * template has a fixed number of such ranges, whatever its rows and periods.
 */
function applyCrossChecks(
  sheet: Sheet,
  plan: SheetsPlan,
  spreadsheetApp: SheetsServices['spreadsheetApp'],
): void {
  for (const validation of plan.validations)
    if (validation.rule.type === 'custom')
      sheet.getRange(validation.range).setDataValidation(buildRule(validation, spreadsheetApp));
}

/**
 * The criterion of a rule. Sheets has no whole-number criterion, so `whole` rules are enforced
 * by their bounds only (a custom formula would need references relative to each range).
 */
function requireRule(
  builder: DataValidationBuilder,
  rule: ValidationPlan['rule'],
): DataValidationBuilder {
  switch (rule.type) {
    case 'date':
      return builder.requireDate();
    case 'list':
      return builder.requireValueInList([...rule.items], true);
    case 'number':
      if (rule.min !== undefined && rule.max !== undefined)
        return builder.requireNumberBetween(rule.min, rule.max);
      if (rule.min !== undefined) return builder.requireNumberGreaterThanOrEqualTo(rule.min);
      if (rule.max !== undefined) return builder.requireNumberLessThanOrEqualTo(rule.max);
      return builder.requireNumberBetween(-ANY_NUMBER, ANY_NUMBER);
    case 'custom':
      return builder.requireFormulaSatisfied(rule.formula);
  }
}

const CHART_TYPES = { line: 'LINE', column: 'COLUMN', bar: 'BAR' } as const;

/** One chart: categories then series ranges, fetched in one call; literal legend names. */
function insertChart(
  sheet: Sheet,
  chart: ChartPlan,
  chartType: GoogleAppsScript.Charts.Charts['ChartType'],
): void {
  const ranges = sheet
    .getRangeList([chart.categories, ...chart.series.map((s) => s.values)])
    .getRanges();
  const anchor = parseCell(chart.anchor);
  const { row1, col1, row2, col2 } = parseRange(chart.categories);
  let builder = sheet.newChart().setChartType(chartType[CHART_TYPES[chart.type]]).setNumHeaders(0);
  for (const range of ranges) builder = builder.addRange(range);
  // Data laid out along a row: each range is one series, not one point per series.
  if (row1 === row2 && col2 > col1) builder = builder.setTransposeRowsAndColumns(true);
  const built = builder
    .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('width', chart.width)
    .setOption('height', chart.height)
    .setOption(
      'series',
      Object.fromEntries(chart.series.map((s, i) => [i, { labelInLegend: s.name }])),
    )
    .build();
  sheet.insertChart(built);
}

// The preview's SidebarHost: templates, CRM imports and formulas into the in-browser workbook.
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import { buildPlan, cellRef, monthOf } from '../core/templates/index';
import {
  mayWrite,
  type FormulaOutcome,
  type FormulaRequest,
  type InsertRequest,
  type SidebarHost,
} from '../core/ui/host';
import { applyPlanToPreview } from './apply-plan';
import { importIntoPreview, insertWithExampleData } from './import';
import { displayText } from './number-format';
import { formatAt, type PreviewWorkbook } from './workbook';

/**
 * Writes `formula` into the selected cell of `workbook` where `mayWrite` allows, then gives it
 * `numberFormat`. The cell's content is what the formula bar shows: its formula, else its value.
 */
function insertIntoSelection(
  workbook: PreviewWorkbook,
  { formula, numberFormat, expected }: FormulaRequest,
): FormulaOutcome {
  const sheet = workbook.active;
  const position = workbook.selection;
  if (!sheet || !position) return { status: 'noCell' };
  const format = formatAt(sheet, position);
  const cell = {
    sheet: sheet.name,
    address: cellRef(position.row, position.col),
    content:
      workbook.formula(sheet.name, position) ??
      displayText(workbook.value(sheet.name, position), format, sheet.lang),
  };
  if (!mayWrite(cell, expected)) return { status: 'refused', cell };
  const entered = workbook.enter(position, formula);
  if (!entered.ok) throw new Error(entered.message);
  if (numberFormat !== undefined) workbook.setFormat(position, numberFormat);
  return { status: 'written', cell };
}

/**
 * A host for the sidebar backed by `workbook`. Defaults come from the browser's language
 * (`displayLanguage`, e.g. navigator.language) and `now`'s month. KPI functions have no prefix,
 * as in Sheets, because the preview's engine registers them under their bare names.
 */
export function previewHost(
  workbook: PreviewWorkbook,
  displayLanguage: string,
  now: Date = new Date(),
): SidebarHost {
  const lang = langOfLocale(displayLanguage);
  const currency = currencyOfLocale(displayLanguage);
  const defaults = {
    lang,
    ...(currency !== undefined ? { currency } : {}),
    startMonth: monthOf(now),
  };
  return {
    kind: 'preview',
    functionPrefix: '',
    defaults: () => ({ ...defaults, displayLanguage }),
    async insertTemplate({ templateId, options }: InsertRequest) {
      const result = buildPlan(templateId, options, defaults, { functionPrefix: '' });
      if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
      const { plan, dataSheet } = result;
      const insert = () => applyPlanToPreview(workbook, plan);
      return {
        sheetName: dataSheet ? insertWithExampleData(workbook, dataSheet, insert) : insert(),
      };
    },
    insertFormula: async (request) => insertIntoSelection(workbook, request),
    async readSheetValues(sheetName, range) {
      const sheet = workbook.sheetNamed(sheetName);
      return sheet ? workbook.rangeValues(sheet.name, range) : null;
    },
    importDeals: async (request) => importIntoPreview(workbook, request),
  };
}

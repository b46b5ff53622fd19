// The preview's SidebarHost: inserts templates into the in-browser workbook, formulas into its selected cell.
import { currencyOfLocale, langOfLocale } from '../core/i18n/locale';
import { buildPlan, monthOf } from '../core/templates/index';
import type { InsertRequest, SidebarHost } from '../core/ui/host';
import { applyPlanToPreview } from './apply-plan';
import { previewText } from './messages';
import type { PreviewWorkbook } from './workbook';

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
      return { sheetName: applyPlanToPreview(workbook, result.plan) };
    },
    async insertFormula(formula: string) {
      const selection = workbook.selection;
      if (!selection) throw new Error(previewText(lang, 'selectCell'));
      const entered = workbook.enter(selection, formula);
      if (!entered.ok) throw new Error(entered.message);
    },
  };
}

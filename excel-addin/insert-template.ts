/// <reference types="office-js" />
// The task pane's insert: builds a template's plan with Excel's defaults and writes it (with its example deals, if any) in one Excel.run.
import { buildPlan, type OptionError, type TemplateOptionsInput } from '../core/templates/index';
import { applyPlanToExcel } from './apply-plan';
import { excelHostDefaults } from './host-defaults';
import { writeImport } from './import-deals';
import { FUNCTION_NAMESPACE } from './manifest';
import { detectExcelSupport } from './support';

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
 * this month) and inserts it in one `Excel.run`; a template that comes with example data
 * (`dataSheet`) writes that sheet first when the workbook has none of its name. Rejects with `TemplateOptionsError` when the
 * options are refused (nothing is written) or `TemplateInsertError` when Excel fails.
 */
export async function insertTemplateIntoExcel(
  request: InsertRequest,
): Promise<{ sheetName: string }> {
  const result = buildPlan(request.templateId, request.options ?? {}, excelHostDefaults(), {
    functionPrefix: `${FUNCTION_NAMESPACE}.`,
  });
  if (!result.ok) throw new TemplateOptionsError(result.errors);
  const { plan, dataSheet } = result;
  // A template that reads a data sheet (the pipeline) brings example deals for a workbook without one.
  if (dataSheet === undefined) return Excel.run((context) => applyPlanToExcel(context, plan));
  const written = await Excel.run((context) =>
    writeImport(context, { dataSheet, analysis: plan, replace: false }, detectExcelSupport(), {
      existing: 'keep',
    }),
  );
  return { sheetName: written.analysis ?? written.dataSheet };
}

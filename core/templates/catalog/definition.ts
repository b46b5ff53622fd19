// The shape of one template module: its gallery facts and the function that lays out its sheet.
import type { DataSheetPlan } from '../../import/workbook-types';
import type { MessageKey } from '../../i18n/index';
import type { SheetBuilder } from '../builder';
import type { TemplateId, TemplateOptions } from '../options';

export interface TemplateDefinition {
  id: TemplateId;
  name: MessageKey;
  purpose: MessageKey;
  /** The KPIs the sheet tracks, as message keys. */
  kpis: readonly MessageKey[];
  /** Writes the sheet's cells, rules and charts into the builder. */
  build: (b: SheetBuilder) => void;
  /** The data sheet the formulas read, as the template brings it (labelled example deals). */
  dataSheet?: (options: TemplateOptions, currentMonth: string) => DataSheetPlan;
}

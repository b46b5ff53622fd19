// Entry points of the templates: the gallery catalogue and buildPlan, shared by every host and the CLI.
import { t } from '../i18n/index';
import { SheetBuilder } from './builder';
import { TEMPLATES } from './catalog/index';
import {
  TEMPLATE_IDS,
  TEMPLATE_SHAPES,
  resolveOptions,
  type HostDefaults,
  type Lang,
  type TemplateOptionsInput,
} from './options';
import type { PlanResult, PlanTarget, TemplateInfo } from './plan';

/** The gallery: every template's name, purpose, KPIs, functions and applicable options, in `lang`. */
export function listTemplates(lang: Lang): TemplateInfo[] {
  return TEMPLATE_IDS.map((id) => {
    const definition = TEMPLATES[id];
    const shape = TEMPLATE_SHAPES[id];
    const options: TemplateInfo['options'] = [];
    if (shape.periods !== undefined) options.push('periods', 'startMonth');
    if (shape.rows !== undefined) options.push('rows');
    return {
      id,
      name: t(lang, definition.name),
      purpose: t(lang, definition.purpose),
      kpis: definition.kpis.map((key) => t(lang, key)),
      functions: [...definition.functions],
      options,
      ...(shape.periods !== undefined ? { defaultPeriods: shape.periods } : {}),
      ...(shape.rows !== undefined ? { defaultRows: shape.rows } : {}),
    };
  });
}

/**
 * The plan of template `templateId` with `options` for `target`, or the reasons it is refused
 * (unknown id, unknown option, out-of-range value), with messages in the requested language.
 * `host` supplies the defaults only the host knows (display language, locale currency, the
 * current month); options the caller gives win. Pure: the same arguments always give the same
 * plan; never throws for bad input.
 */
export function buildPlan(
  templateId: string,
  options: TemplateOptionsInput,
  host: HostDefaults,
  target: PlanTarget,
): PlanResult {
  const resolved = resolveOptions(templateId, options, host);
  if (!resolved.ok) return resolved;
  const definition = TEMPLATES[templateId as keyof typeof TEMPLATES];
  const builder = new SheetBuilder({
    options: resolved.options,
    style: { mode: resolved.options.mode, prefix: target.functionPrefix },
  });
  definition.build(builder);
  return {
    ok: true,
    plan: builder.build(definition.id, t(resolved.options.lang, definition.name)),
  };
}

export { evaluatePlan, type ComputedValue } from './evaluate';
export { looksLikeFormula } from './literal';
export { sanitizeSheetName, uniqueSheetName, MAX_SHEET_NAME_LENGTH } from './sheet-name';
export { styleOf, ROLE_STYLES, INPUT_STYLE, STATUS_STYLES, type CellStyle } from './theme';
export { cellRef, columnName, rangeRef, parseCell, parseRange } from './a1';
export * from './options';
export * from './plan';

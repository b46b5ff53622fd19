// Entry points of the templates: the gallery catalogue and buildPlan, shared by every host and the CLI.
import { t } from '../i18n/index';
import { SheetBuilder, type BuildContext } from './builder';
import { TEMPLATES } from './catalog/index';
import {
  LANGS,
  currentMonth,
  TEMPLATE_IDS,
  TEMPLATE_SHAPES,
  resolveOptions,
  type HostDefaults,
  type Lang,
  type TemplateId,
  type TemplateOptions,
  type TemplateOptionsInput,
} from './options';
import type {
  Calc,
  PlanResult,
  PlanTarget,
  SheetPlan,
  TemplateInfo,
  TemplateOptionName,
} from './plan';
import { spillRepeatedCalls } from './spill';

/** The registry functions a computation calls, its choices' included. */
function callsOf(calc: Calc): string[] {
  if (calc.kind === 'call') return [calc.fn];
  if (calc.kind === 'unlessZero') return callsOf(calc.then);
  return calc.kind === 'ifText' ? [...callsOf(calc.then), ...callsOf(calc.otherwise)] : [];
}

/** The registry functions a plan's formulas call, in order of first use. */
export function functionsCalled(plan: SheetPlan): string[] {
  const names = new Set<string>();
  for (const row of plan.cells)
    for (const cell of row) if (cell?.calc) for (const fn of callsOf(cell.calc)) names.add(fn);
  return [...names];
}

/** Per template, read off its default plan once: which functions it uses does not vary with options. */
const templateFunctions = new Map<TemplateId, string[]>();

function functionsOfTemplate(id: TemplateId): string[] {
  let names = templateFunctions.get(id);
  if (!names) {
    const built = buildPlan(id, {}, {}, { functionPrefix: '' });
    names = built.ok ? functionsCalled(built.plan) : [];
    templateFunctions.set(id, names);
  }
  return [...names];
}

/** Per template, whether its sheet shows money: read off its plans, like its functions. */
const templateCurrency = new Map<TemplateId, boolean>();

/** True when the currency changes the template's plan (a money format anywhere in it). */
function usesCurrency(id: TemplateId): boolean {
  let uses = templateCurrency.get(id);
  if (uses === undefined) {
    const [euro, dollar] = ['EUR', 'USD'].map((currency) => {
      const built = buildPlan(id, { currency }, {}, { functionPrefix: '' });
      return built.ok ? JSON.stringify({ ...built.plan, options: null }) : '';
    });
    uses = euro !== dollar;
    templateCurrency.set(id, uses);
  }
  return uses;
}

/**
 * The options template `id` uses beyond lang, mode, example and protect: the one fact the
 * sidebar's form, the CLI's "does not apply" note and the gallery read.
 */
export function templateOptions(id: TemplateId): TemplateOptionName[] {
  const shape = TEMPLATE_SHAPES[id];
  const options: TemplateOptionName[] = [];
  if (shape.periods !== undefined) options.push('periods', 'startMonth');
  if (shape.rows !== undefined) options.push('rows');
  if (usesCurrency(id)) options.push('currency');
  return options;
}

/** The gallery: every template's name, purpose, KPIs, functions and applicable options, in `lang`. */
export function listTemplates(lang: Lang): TemplateInfo[] {
  return TEMPLATE_IDS.map((id) => {
    const definition = TEMPLATES[id];
    const shape = TEMPLATE_SHAPES[id];
    return {
      id,
      name: t(lang, definition.name),
      purpose: t(lang, definition.purpose),
      kpis: definition.kpis.map((key) => t(lang, key)),
      functions: functionsOfTemplate(id),
      options: templateOptions(id),
      ...(shape.periods !== undefined ? { defaultPeriods: shape.periods } : {}),
      ...(shape.rows !== undefined
        ? { defaultRows: shape.rows.default, rowsLabel: t(lang, shape.rows.label) }
        : {}),
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
  return buildPlanWith(templateId, options, host, target, {});
}

/**
 * `buildPlan` with what only the caller knows: the names a template lists from the user's data
 * (an import's top sources and owners).
 */
export function buildPlanWith(
  templateId: string,
  options: TemplateOptionsInput,
  host: HostDefaults,
  target: PlanTarget,
  extra: Pick<BuildContext, 'names'>,
): PlanResult {
  const resolved = resolveOptions(templateId, options, host);
  if (!resolved.ok) return resolved;
  const definition = TEMPLATES[templateId as keyof typeof TEMPLATES];
  const assemble = (options: TemplateOptions) => {
    const builder = new SheetBuilder({
      options,
      style: { mode: options.mode, prefix: target.functionPrefix },
      currentMonth: currentMonth(host),
      ...extra,
    });
    definition.build(builder);
    return builder;
  };
  const builder = assemble(resolved.options);
  // Columns fit the longest text of either language, example data included: a sheet is laid
  // out alike in both, whatever is typed in first.
  for (const lang of LANGS)
    builder.fitAlso(assemble({ ...resolved.options, lang, example: true }).needs());
  const plan = builder.build(definition.id, t(resolved.options.lang, definition.name));
  const dataSheet = definition.dataSheet?.(resolved.options, currentMonth(host));
  return {
    ok: true,
    plan: spillRepeatedCalls(plan, builder.ctx.style),
    ...(dataSheet ? { dataSheet } : {}),
  };
}

export { evaluatePlan, type ComputedValue } from './evaluate';
export { looksLikeFormula } from './literal';
export { sanitizeSheetName, uniqueSheetName, MAX_SHEET_NAME_LENGTH } from './sheet-name';
export { styleOf, ROLE_STYLES, INPUT_STYLE, STATUS_STYLES, type CellStyle } from './theme';
export { cellRef, columnName, rangeRef, parseCell, parseRange } from './a1';
export * from './options';
export * from './plan';

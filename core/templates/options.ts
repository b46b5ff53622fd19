// Template options: their types, the template ids, defaults and validation with localized messages.
import { shorten } from '../errors';
import { t, type MessageKey } from '../i18n/index';
import { monthAt } from './catalog/periods';
import type { OptionError } from './plan';

/** Every template id, in the gallery's order (templates.md). */
export const TEMPLATE_IDS = [
  'scorecard',
  'roi',
  'funnel',
  'email',
  'activity',
  'satisfaction',
  'unit-economics',
  'inhouse-vs-outsourced',
  'pricing-models',
  'vendor-evaluation',
  'renewals',
  'dashboard',
  'pipeline',
] as const;

export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type Lang = 'en' | 'fi';
export const LANGS: readonly Lang[] = ['en', 'fi'];

/** "portable": native formulas only; "functions": formulas call the KPI functions. */
export type FormulaMode = 'portable' | 'functions';
export const FORMULA_MODES: readonly FormulaMode[] = ['portable', 'functions'];

/** Every option with its value resolved; the same names in the sidebar, the CLI and host calls. */
export interface TemplateOptions {
  lang: Lang;
  mode: FormulaMode;
  /** Number of periods (months; quarters for `renewals`), 1–24. */
  periods: number;
  /** First period, "YYYY-MM". */
  startMonth: string;
  /** Number of list rows (reps, campaigns, vendors, answers per period), 1–50. */
  rows: number;
  /** ISO 4217 code, upper case ("EUR"). */
  currency: string;
  /** Fill the inputs with labelled example data. */
  example: boolean;
  /** Lock formula cells, leave input cells editable, no password. */
  protect: boolean;
}

/** Options as a caller gives them: any may be left out; values are checked at run time. */
export type TemplateOptionsInput = { [K in keyof TemplateOptions]?: unknown };

/** Defaults that depend on the host (display language, locale currency, today's month). */
export interface HostDefaults {
  lang?: Lang;
  currency?: string;
  /**
   * The current month "YYYY-MM" (see `monthOf`). Example data lies before it, and a template's
   * periods by default end with the month (quarter) before it.
   */
  startMonth?: string;
}

/**
 * Which of periods / rows a template uses, its default for each, and what its rows are: the
 * option is labelled after them ("Vendors", "Campaigns"), never "Number of rows".
 */
export interface TemplateShape {
  periods?: number;
  /** How many months one period spans: 3 where periods are quarters; 1 when left out. */
  monthsPerPeriod?: number;
  rows?: { default: number; label: MessageKey };
}

/**
 * The options each template uses beyond lang, mode, currency, example and protect.
 * `startMonth` applies exactly where `periods` does; whether `currency` applies is read off the
 * template's plan (`templateOptions` in index.ts).
 */
export const TEMPLATE_SHAPES: Record<TemplateId, TemplateShape> = {
  scorecard: {},
  roi: {},
  funnel: { periods: 12 },
  email: { rows: { default: 10, label: 'option.rows.campaigns' } },
  activity: { periods: 12, rows: { default: 4, label: 'option.rows.reps' } },
  satisfaction: { periods: 12, rows: { default: 8, label: 'option.rows.answers' } },
  'unit-economics': {},
  'inhouse-vs-outsourced': {},
  'pricing-models': {},
  'vendor-evaluation': { rows: { default: 3, label: 'option.rows.vendors' } },
  renewals: { periods: 4, monthsPerPeriod: 3 },
  dashboard: { periods: 12 },
  pipeline: { periods: 12, rows: { default: 4, label: 'option.rows.sourcesOwners' } },
};

export const PERIODS_RANGE = { min: 1, max: 24, default: 12 } as const;
export const ROWS_RANGE = { min: 1, max: 50, default: 10 } as const;
export const DEFAULT_CURRENCY = 'EUR';
/**
 * The current month when the host gives none. Plans are pure, so they never read the clock:
 * hosts pass `monthOf(new Date())` as `HostDefaults.startMonth`.
 */
export const FALLBACK_MONTH = '2026-01';

/** "YYYY-MM" of a date's local calendar month. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The current month as the host gives it, "YYYY-MM". */
export function currentMonth(host: HostDefaults): string {
  return isMonth(host.startMonth) ? host.startMonth : FALLBACK_MONTH;
}

/**
 * The first month of a template's periods when the caller gives none: `periods` periods before
 * the current month, so they end with the last whole month (quarter) and, like the example data
 * filling them, lie in the past.
 */
function defaultStartMonth(shape: TemplateShape, periods: number, host: HostDefaults): string {
  const now = currentMonth(host);
  if (shape.periods === undefined) return now;
  const { year, month } = monthAt(now, -periods * (shape.monthsPerPeriod ?? 1));
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

const OPTION_NAMES: readonly (keyof TemplateOptions)[] = [
  'lang',
  'mode',
  'periods',
  'startMonth',
  'rows',
  'currency',
  'example',
  'protect',
];

/** A refused value as a message may quote it: short, whatever the caller sent. */
function echo(value: unknown): string {
  return shorten(String(value));
}

function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fi';
}

function wholeInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/.test(value);
}

/** The options resolved, or every reason they are refused. */
export type OptionsResult =
  { ok: true; options: TemplateOptions } | { ok: false; errors: OptionError[] };

/**
 * Checks a template id and options, fills in defaults (the host's, then the template's, then the
 * fixed ones) and returns the resolved options or every problem, in the request's language
 * (its `lang` when valid, else the host's, else English).
 */
export function resolveOptions(
  templateId: unknown,
  input: TemplateOptionsInput = {},
  host: HostDefaults = {},
): OptionsResult {
  const lang: Lang = isLang(input.lang) ? input.lang : (host.lang ?? 'en');
  const errors: OptionError[] = [];
  const refuse = (option: string, key: Parameters<typeof t>[1], params = {}) =>
    errors.push({ option, message: t(lang, key, params) });

  if (!isTemplateId(templateId))
    refuse('templateId', 'error.templateId', {
      value: echo(templateId),
      ids: TEMPLATE_IDS.join(', '),
    });
  for (const name of Object.keys(input))
    if (!(OPTION_NAMES as readonly string[]).includes(name))
      refuse(echo(name), 'error.unknownOption', {
        name: echo(name),
        names: OPTION_NAMES.join(', '),
      });

  const given = <K extends keyof TemplateOptions>(name: K) => input[name] !== undefined;
  if (given('lang') && !isLang(input.lang))
    refuse('lang', 'error.lang', { value: echo(input.lang) });
  if (given('mode') && input.mode !== 'portable' && input.mode !== 'functions')
    refuse('mode', 'error.mode', { value: echo(input.mode) });
  if (given('periods') && !wholeInRange(input.periods, PERIODS_RANGE.min, PERIODS_RANGE.max))
    refuse('periods', 'error.periods', {
      value: echo(input.periods),
      min: PERIODS_RANGE.min,
      max: PERIODS_RANGE.max,
    });
  if (given('rows') && !wholeInRange(input.rows, ROWS_RANGE.min, ROWS_RANGE.max))
    refuse('rows', 'error.rows', {
      label: t(
        lang,
        isTemplateId(templateId)
          ? (TEMPLATE_SHAPES[templateId].rows?.label ?? 'option.rows')
          : 'option.rows',
      ),
      value: echo(input.rows),
      min: ROWS_RANGE.min,
      max: ROWS_RANGE.max,
    });
  if (given('startMonth') && !isMonth(input.startMonth))
    refuse('startMonth', 'error.startMonth', { value: echo(input.startMonth) });
  if (
    given('currency') &&
    !(typeof input.currency === 'string' && /^[A-Za-z]{3}$/.test(input.currency))
  )
    refuse('currency', 'error.currency', { value: echo(input.currency) });
  for (const flag of ['example', 'protect'] as const)
    if (given(flag) && typeof input[flag] !== 'boolean')
      refuse(flag, 'error.boolean', { name: flag, value: echo(input[flag]) });
  if (errors.length > 0 || !isTemplateId(templateId)) return { ok: false, errors };

  const shape = TEMPLATE_SHAPES[templateId];
  const periods = (input.periods as number | undefined) ?? shape.periods ?? PERIODS_RANGE.default;
  return {
    ok: true,
    options: {
      lang,
      mode: (input.mode as FormulaMode | undefined) ?? 'portable',
      periods,
      startMonth:
        (input.startMonth as string | undefined) ?? defaultStartMonth(shape, periods, host),
      rows: (input.rows as number | undefined) ?? shape.rows?.default ?? ROWS_RANGE.default,
      currency: (
        (input.currency as string | undefined) ??
        host.currency ??
        DEFAULT_CURRENCY
      ).toUpperCase(),
      example: (input.example as boolean | undefined) ?? true,
      protect: (input.protect as boolean | undefined) ?? true,
    },
  };
}

// Reads the sales-kpi command line into a command, or a refusal in the chosen language.
import type { DayOrder } from '../core/import/dates';
import { FIELD_KEYS, type FieldKey } from '../core/import/types';
import type { Lang, TemplateOptionsInput } from '../core/templates/options';
import { cliText, type CliMessageKey } from './messages';

/** A deals export to read (`--data`) and the user's overrides of what the import detects. */
export interface DataOptions {
  path: string;
  /** `--map field=Header`: field → the headers to read it from, in the order given. */
  columns: Partial<Record<FieldKey, string[]>>;
  /** `--won` / `--lost`: stage (or status) names → outcome. */
  stages: Record<string, 'won' | 'lost'>;
  /** `--day-order created=dmy`: the day order of a date field whose dates read both ways. */
  dayOrders: Partial<Record<DateField, DayOrder>>;
}

/** The fields that hold dates, whose day order `--day-order` settles. */
export const DATE_FIELDS = ['created', 'closed'] as const;
type DateField = (typeof DATE_FIELDS)[number];

export type Command =
  | { kind: 'help'; lang: Lang }
  | { kind: 'list'; lang: Lang }
  | {
      kind: 'export';
      lang: Lang;
      templateId: string;
      out: string;
      force: boolean;
      /** As typed; the core's option checks refuse bad values with their own messages. */
      options: TemplateOptionsInput;
      /** Present when `--data` names a deals export to import. */
      data?: DataOptions;
    };

export type ParseResult =
  { ok: true; command: Command } | { ok: false; lang: Lang; message: string };

/** The flags that take a value, and the option each one sets (`out` is the CLI's own). */
export const VALUE_FLAGS = {
  '--out': 'out',
  '--lang': 'lang',
  '--mode': 'mode',
  '--periods': 'periods',
  '--start-month': 'startMonth',
  '--rows': 'rows',
  '--currency': 'currency',
  '--data': 'data',
} as const;

/** The flags that may be given more than once, each time adding one value. */
const REPEATABLE_FLAGS = {
  '--map': 'map',
  '--won': 'won',
  '--lost': 'lost',
  '--day-order': 'dayOrder',
} as const;

const SWITCHES = {
  '--no-example': 'example',
  '--no-protect': 'protect',
  '--force': 'force',
} as const;

type ValueFlag = keyof typeof VALUE_FLAGS;
type RepeatableFlag = keyof typeof REPEATABLE_FLAGS;
type Switch = keyof typeof SWITCHES;

function isValueFlag(flag: string): flag is ValueFlag {
  return flag in VALUE_FLAGS;
}

function isRepeatableFlag(flag: string): flag is RepeatableFlag {
  return flag in REPEATABLE_FLAGS;
}

function isSwitch(flag: string): flag is Switch {
  return flag in SWITCHES;
}

function isFieldKey(text: string): text is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(text);
}

/** "field=value" split at the first "=", or null when there is none. */
function keyAndValue(text: string): [string, string] | null {
  const equals = text.indexOf('=');
  return equals === -1 ? null : [text.slice(0, equals).trim(), text.slice(equals + 1)];
}

/**
 * The language for messages: `--lang` when it is valid, else `fallback` (so a refusal of some
 * other option is already in the language the user asked for).
 */
export function messageLang(argv: readonly string[], fallback: Lang): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : null;
    if (value === 'en' || value === 'fi') return value;
  }
  return fallback;
}

/**
 * A count flag as a number when it is plain decimal digits; anything else ("0x0c", "1e1", "6.0",
 * " 6") stays text, which the core refuses naming it as typed. Number() alone would read hex,
 * binary and exponents.
 */
function numberOrText(text: string): number | string {
  return /^[0-9]+$/.test(text) ? Number(text) : text;
}

/**
 * Parses `argv` (without node and the script). `defaultLang` is the language of messages
 * when no valid --lang is given (the terminal's). Never throws.
 */
export function parseArgs(argv: readonly string[], defaultLang: Lang): ParseResult {
  const lang = messageLang(argv, defaultLang);
  const refuse = (key: CliMessageKey, params: Record<string, string> = {}): ParseResult => ({
    ok: false,
    lang,
    message: cliText(lang, key, params),
  });

  if (argv.includes('--help') || argv.includes('-h'))
    return { ok: true, command: { kind: 'help', lang } };

  const positionals: string[] = [];
  const values: Partial<Record<(typeof VALUE_FLAGS)[ValueFlag], string>> = {};
  const repeated: Record<(typeof REPEATABLE_FLAGS)[RepeatableFlag], string[]> = {
    map: [],
    won: [],
    lost: [],
    dayOrder: [],
  };
  const switches = new Set<(typeof SWITCHES)[Switch]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    if (isSwitch(flag)) {
      if (equals !== -1) return refuse('flagTakesNoValue', { flag });
      switches.add(SWITCHES[flag]);
    } else if (isValueFlag(flag) || isRepeatableFlag(flag)) {
      const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined || (equals === -1 && value.startsWith('--')))
        return refuse('missingValue', { flag });
      if (isRepeatableFlag(flag)) {
        repeated[REPEATABLE_FLAGS[flag]].push(value);
        continue;
      }
      const name = VALUE_FLAGS[flag];
      if (values[name] !== undefined) return refuse('repeatedFlag', { flag });
      values[name] = value;
    } else {
      return refuse('unknownFlag', { value: flag });
    }
  }

  const [command, templateId, extra] = positionals;
  if (command === undefined) return refuse('missingCommand');
  if (command === 'list') {
    if (templateId !== undefined) return refuse('extraArgument', { value: templateId });
    const used = [
      ...Object.keys(values).filter((name) => name !== 'lang'),
      ...Object.keys(repeated).filter((name) => repeated[name as keyof typeof repeated].length),
      ...switches,
    ];
    if (used.length > 0) return refuse('flagNotHere', { flag: flagOf(used[0]!), command });
    return { ok: true, command: { kind: 'list', lang } };
  }
  if (command !== 'export') return refuse('unknownCommand', { value: command });
  if (templateId === undefined) return refuse('missingTemplate');
  if (extra !== undefined) return refuse('extraArgument', { value: extra });
  if (values.out === undefined || values.out === '') return refuse('missingOut');
  if (!values.out.toLowerCase().endsWith('.xlsx')) return refuse('notXlsx', { path: values.out });

  const options: TemplateOptionsInput = {};
  if (values.lang !== undefined) options.lang = values.lang;
  if (values.mode !== undefined) options.mode = values.mode;
  if (values.periods !== undefined) options.periods = numberOrText(values.periods);
  if (values.rows !== undefined) options.rows = numberOrText(values.rows);
  if (values.startMonth !== undefined) options.startMonth = values.startMonth;
  if (values.currency !== undefined) options.currency = values.currency;
  if (switches.has('example')) options.example = false;
  if (switches.has('protect')) options.protect = false;
  const exported: Command = {
    kind: 'export',
    lang,
    templateId,
    out: values.out,
    force: switches.has('force'),
    options,
  };
  if (values.data === undefined) {
    const given = Object.entries(repeated).find(([, list]) => list.length > 0);
    if (given) return refuse('needsData', { flag: flagOf(given[0]) });
    return { ok: true, command: exported };
  }
  if (values.data === '') return refuse('missingValue', { flag: '--data' });
  const data = dataOptions(values.data, repeated, refuse);
  return 'ok' in data ? data : { ok: true, command: { ...exported, data } };
}

/** `--data` and its overrides, or the refusal of the first one that cannot be read. */
function dataOptions(
  path: string,
  given: { map: string[]; won: string[]; lost: string[]; dayOrder: string[] },
  refuse: (key: CliMessageKey, params?: Record<string, string>) => ParseResult,
): DataOptions | ParseResult {
  const fields = FIELD_KEYS.join(', ');
  const columns: DataOptions['columns'] = {};
  for (const text of given.map) {
    const pair = keyAndValue(text);
    if (!pair || pair[1].trim() === '') return refuse('badMap', { value: text, fields });
    const [field, header] = pair;
    if (!isFieldKey(field)) return refuse('unknownField', { value: field, fields });
    (columns[field] ??= []).push(header);
  }
  // A Map, not an object literal: a stage may be called anything, "__proto__" included.
  const stages = new Map<string, 'won' | 'lost'>();
  for (const [outcome, names] of [
    ['won', given.won],
    ['lost', given.lost],
  ] as const) {
    for (const name of names) {
      const other = stages.get(name);
      if (other !== undefined && other !== outcome) return refuse('wonAndLost', { value: name });
      stages.set(name, outcome);
    }
  }
  const dayOrders: DataOptions['dayOrders'] = {};
  const dateFields = DATE_FIELDS.join(', ');
  for (const text of given.dayOrder) {
    const pair = keyAndValue(text);
    const field = pair?.[0];
    const order = pair?.[1].trim().toLowerCase();
    if (!pair || !(DATE_FIELDS as readonly string[]).includes(field!))
      return refuse('badDayOrder', { value: text, fields: dateFields });
    if (order !== 'dmy' && order !== 'mdy')
      return refuse('badDayOrder', { value: text, fields: dateFields });
    dayOrders[field as DateField] = order;
  }
  return { path, columns, stages: Object.fromEntries(stages), dayOrders };
}

/** The flag that sets an option or switch, for messages. */
function flagOf(name: string): string {
  const all: Record<string, string> = { ...VALUE_FLAGS, ...REPEATABLE_FLAGS, ...SWITCHES };
  return Object.keys(all).find((flag) => all[flag] === name) ?? name;
}

// Reads the sales-kpi command line into a command, or a refusal in the chosen language.
import type { Lang, TemplateOptionsInput } from '../core/templates/options';
import { cliText, type CliMessageKey } from './messages';

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
} as const;

const SWITCHES = {
  '--no-example': 'example',
  '--no-protect': 'protect',
  '--force': 'force',
} as const;

type ValueFlag = keyof typeof VALUE_FLAGS;
type Switch = keyof typeof SWITCHES;

function isValueFlag(flag: string): flag is ValueFlag {
  return flag in VALUE_FLAGS;
}

function isSwitch(flag: string): flag is Switch {
  return flag in SWITCHES;
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
    } else if (isValueFlag(flag)) {
      const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined || (equals === -1 && value.startsWith('--')))
        return refuse('missingValue', { flag });
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
    const used = [...Object.keys(values).filter((name) => name !== 'lang'), ...switches];
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
  return {
    ok: true,
    command: {
      kind: 'export',
      lang,
      templateId,
      out: values.out,
      force: switches.has('force'),
      options,
    },
  };
}

/** The flag that sets an option or switch, for messages. */
function flagOf(name: string): string {
  const all: Record<string, string> = { ...VALUE_FLAGS, ...SWITCHES };
  return Object.keys(all).find((flag) => all[flag] === name) ?? name;
}

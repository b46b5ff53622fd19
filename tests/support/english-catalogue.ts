// The English texts a Finnish sheet must not show, and the texts a reader sees in a plan, to search them for.
import { en } from '../../core/i18n/en';
import { fi } from '../../core/i18n/fi';
import type { MessageKey } from '../../core/i18n/index';
import { STATUS_TEXTS, type SheetPlan } from '../../core/templates/plan';
import { formatNumber } from '../../preview/number-format';

/**
 * Titles, authors and publishers of the works the sheets cite, as docs/spec/benchmarks.md names
 * them: a citation reads the same in every language (tests/sources.test.ts checks the spec has them).
 */
export const CITED_WORKS = [
  'Increasing the Reach and Performance of B2B Inside Sales',
  'SaaS Metrics 2.0',
  'The Short Life of Online Sales Leads',
  'Harvard Business Review',
  'Oldroyd, McElheran, Elkington',
  'David Skok',
  'forEntrepreneurs',
  'Convergys',
  'Mailchimp Email Marketing Benchmarks',
] as const;

/** English month names, full and as Excel's "mmm" shows them: no message table holds them. */
const ENGLISH_MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'],
  ...['September', 'October', 'November', 'December'],
  ...['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
];

/** First names of the example reps: names, not English ("Anna" is also a Finnish verb). */
const NAME_LISTS: ReadonlySet<MessageKey> = new Set<MessageKey>(['activity.exampleReps']);

/** One English text and the pattern that finds it as whole words; `{placeholders}` match anything. */
export interface EnglishText {
  key: string;
  text: string;
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WILD = '\u0000';

/**
 * The pattern of `text` with its wildcards; a text starting or ending with a letter must start
 * or end a word there, so "Segment" is not found in "Segmentti".
 */
function wholeWords(text: string): RegExp {
  const body = text.split(WILD).map(escape).join('[^]*?');
  const before = /^[\p{L}\p{N}]/u.test(text) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = /[\p{L}\p{N}]$/u.test(text) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${body}${after}`, 'u');
}

/**
 * Every English text of the message tables (each item of a "|" list on its own) and KPI_STATUS's
 * identifiers: the texts a Finnish
 * sheet could show by mistake: texts the same in both languages (placeholders only, company
 * names), acronyms and the example reps' names are left out, cited works match anything, and a
 * text needs at least two letters of its own to count ("No" does).
 */
export function englishCatalogue(): EnglishText[] {
  const out: EnglishText[] = [];
  for (const key of Object.keys(en) as MessageKey[]) {
    if (NAME_LISTS.has(key)) continue;
    const finnish = new Set(fi[key].split('|'));
    for (const text of en[key].split('|')) {
      if (finnish.has(text)) continue;
      let own = text.replace(/\{\w+\}/g, WILD);
      for (const work of CITED_WORKS) own = own.split(work).join(WILD);
      const letters = (own.match(/\p{L}/gu) ?? []).join('');
      // Acronyms (KPI, CAC) are the same in Finnish.
      if (letters.length < 2 || letters === letters.toUpperCase()) continue;
      const trimmed = own.replace(new RegExp(`^[${WILD}\\s]+|[${WILD}\\s]+$`, 'g'), '');
      out.push({ key, text, pattern: wholeWords(trimmed) });
    }
  }
  // KPI_STATUS's identifiers are English whether or not a message table holds them.
  for (const text of Object.values(STATUS_TEXTS))
    if (!out.some((entry) => entry.text === text))
      out.push({ key: 'KPI_STATUS', text, pattern: wholeWords(text) });
  for (const text of ENGLISH_MONTHS)
    out.push({ key: 'month name', text, pattern: wholeWords(text) });
  return out;
}

/** Where a reader sees a text, and the text. */
export interface SeenText {
  where: string;
  text: string;
  /** True for a formula's string literal. */
  literal?: boolean;
}

/** The string literals of a formula, unescaped. */
export function formulaLiterals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}

/**
 * A functions-mode formula without its mapping of KPI_STATUS's identifiers to the sheet's texts
 * (`,"On track","Tavoitteessa")`): the one place a Finnish sheet may hold an identifier.
 */
export function withoutStatusMapping(formula: string, labels: Record<string, string>): string {
  let rest = formula;
  for (const [key, id] of Object.entries(STATUS_TEXTS))
    rest = rest.split(`,"${id}","${labels[key]}")`).join(')');
  return rest;
}

/**
 * A date cell as a spreadsheet program speaking English shows it ("Jan 2026"), where its format
 * names months; what a reader sees in Excel or LibreOffice unless the format's locale tag says
 * otherwise. Null for other cells.
 */
export function monthInEnglishProgram(value: unknown, format: string | undefined): string | null {
  if (typeof value !== 'number' || !format || !/m{3,}/i.test(format.replace(/"[^"]*"/g, '')))
    return null;
  return formatNumber(value, format, 'en');
}

/**
 * Every text of `plan` a reader sees: literal cell values, month labels as an English-speaking
 * program shows them, notes, formulas' string literals, validation help and dropdown items,
 * status colours' texts, chart titles and series names, and the sheet's name. `labels` are the
 * sheet's status texts, whose mapping is left out.
 */
export function seenTexts(plan: SheetPlan, labels: Record<string, string>): SeenText[] {
  const seen: SeenText[] = [{ where: 'sheet name', text: plan.sheetName }];
  plan.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      const where = `row ${row + 1}, column ${col + 1}`;
      if (typeof cell?.value === 'string') seen.push({ where, text: cell.value });
      const month = monthInEnglishProgram(cell?.value, cell?.format);
      if (month !== null) seen.push({ where: `${where} (${cell!.format})`, text: month });
      if (cell?.note) seen.push({ where: `${where} note`, text: cell.note });
      if (cell?.formula)
        for (const text of formulaLiterals(withoutStatusMapping(cell.formula, labels)))
          seen.push({ where: `${where} formula ${cell.formula}`, text, literal: true });
    }),
  );
  for (const v of plan.validations) {
    seen.push({ where: `validation ${v.range}`, text: v.help });
    if (v.rule.type === 'list')
      for (const item of v.rule.items) seen.push({ where: `dropdown ${v.range}`, text: item });
  }
  for (const c of plan.conditionalFormats)
    seen.push({ where: `status colour ${c.range}`, text: c.equals });
  for (const chart of plan.charts) {
    seen.push({ where: 'chart title', text: chart.title });
    for (const s of chart.series) seen.push({ where: 'chart series', text: s.name });
  }
  return seen;
}

/**
 * The English texts found in `seen`, as "where: text ← message key" lines. A cited work's own
 * title may hold English words ("Sales Leads"), so cited works are taken out before searching.
 */
export function englishIn(seen: readonly SeenText[], catalogue: readonly EnglishText[]): string[] {
  const found: string[] = [];
  for (const { where, text } of seen) {
    const own = CITED_WORKS.reduce((rest, work) => rest.split(work).join(' '), text);
    for (const english of catalogue)
      if (english.pattern.test(own)) found.push(`${where}: "${text}" ← ${english.key}`);
  }
  return found;
}

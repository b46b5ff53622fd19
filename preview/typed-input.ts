// Turns what a user types into a preview cell into cell content, and refuses what the cell's validation forbids.
import type { Lang } from '../core/templates/options';
import type { ValidationPlan } from '../core/templates/plan';
import { dateToSerial, formatGeneral, serialToDate } from './number-format';

/** What the engine stores: a number, text behind an apostrophe (so it stays text), a formula, or blank. */
export type CellContent = number | string | boolean | null;

export type TypedInput = { ok: true; content: CellContent } | { ok: false; message: string };

const isPercentFormat = (format: string | undefined) => format?.includes('%') ?? false;
const isDateFormat = (format: string | undefined) =>
  format !== undefined && /[yd]/i.test(format.replace(/"[^"]*"/g, ''));

/** A number typed in the sheet's language: "1 234,5" (fi), "1,234.5" (en), "25 %", "€1,000". */
function parseNumber(text: string, lang: Lang): { value: number; percent: boolean } | null {
  let compact = text.replace(/[\s\u00a0\u202f€$£¥]/g, '');
  const percent = compact.endsWith('%');
  if (percent) compact = compact.slice(0, -1);
  // Finnish writes a decimal comma (thousands are spaced), English a decimal point.
  compact = lang === 'fi' ? compact.replace(',', '.') : compact.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? { value: percent ? value / 100 : value, percent } : null;
}

/** A date typed as "2026-03-31" or "31.3.2026", as an Excel serial. */
function parseDate(text: string): number | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : finnish
      ? [finnish[3], finnish[2], finnish[1]].map(Number)
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const serial = dateToSerial(year, month, day);
  const check = serialToDate(serial);
  return check.month === month && check.day === day ? serial : null;
}

/** A number typed into a cell: in a percent cell, "25" means 25 % (Excel's automatic percent entry). */
function numberFor(text: string, format: string | undefined, lang: Lang): number | null {
  const parsed = parseNumber(text, lang);
  if (!parsed) return null;
  if (isPercentFormat(format) && !parsed.percent && Math.abs(parsed.value) >= 1)
    return parsed.value / 100;
  return parsed.value;
}

function validated(
  text: string,
  format: string | undefined,
  validation: ValidationPlan,
  lang: Lang,
): TypedInput {
  const refuse: TypedInput = { ok: false, message: validation.help };
  const { rule } = validation;
  if (rule.type === 'list') {
    const item = rule.items.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
    return item === undefined ? refuse : { ok: true, content: `'${item}` };
  }
  const value = rule.type === 'date' ? parseDate(text) : numberFor(text, format, lang);
  if (value === null) return refuse;
  if (rule.type === 'number') {
    if (rule.whole && !Number.isInteger(value)) return refuse;
    if (rule.min !== undefined && value < rule.min) return refuse;
    if (rule.max !== undefined && value > rule.max) return refuse;
  }
  return { ok: true, content: value };
}

/**
 * The content for `text` typed into a cell with `format` and `validation`: blank clears the
 * cell; a validated cell takes only a value its rule allows (else the rule's help text is the
 * message); elsewhere "=…" is a formula, dates and numbers become numbers, anything else text.
 */
export function readTypedInput(
  text: string,
  format: string | undefined,
  validation: ValidationPlan | undefined,
  lang: Lang,
): TypedInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, content: null };
  if (validation) return validated(trimmed, format, validation, lang);
  if (trimmed.startsWith('=')) return { ok: true, content: trimmed };
  const value = isDateFormat(format) ? parseDate(trimmed) : numberFor(trimmed, format, lang);
  return { ok: true, content: value ?? `'${trimmed}` };
}

/** The text an edit starts from: the value as typed back ("25%", "2026-03-31", "1234,5"). */
export function editText(value: unknown, format: string | undefined, lang: Lang): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  if (isDateFormat(format)) {
    const { year, month, day } = serialToDate(value);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  if (isPercentFormat(format)) return `${formatGeneral(value * 100, lang)}%`;
  return formatGeneral(value, lang);
}

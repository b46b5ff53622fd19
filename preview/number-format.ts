// Renders a value for display with the Excel-style number format codes template plans use.
import type { Lang } from '../core/templates/options';

/** A computed cell value as the preview holds it; errors carry their code ("#DIV/0!"). */
export type EngineValue = number | string | boolean | null | { error: string };

/** Decimal and thousands separators as each language writes them (Finnish: comma, no-break space). */
const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  en: { decimal: '.', group: ',' },
  fi: { decimal: ',', group: '\u00a0' },
};

/** Month abbreviations of the "mmm" code, as Excel shows them in each language. */
const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fi: [
    'tammi',
    'helmi',
    'maalis',
    'huhti',
    'touko',
    'kesä',
    'heinä',
    'elo',
    'syys',
    'loka',
    'marras',
    'joulu',
  ],
};

/** The languages of Excel's locale tags ("[$-40B]"): the low 16 bits of the tag's number. */
const TAG_LANGUAGES = new Map<number, Lang>([
  [0x409, 'en'],
  [0x40b, 'fi'],
]);

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digits'; pattern: string }
  | { kind: 'date'; code: string }
  | { kind: 'locale'; lang: Lang };

/**
 * Splits a format section into quoted/escaped literals, digit placeholders, date codes and
 * locale tags ("[$€-40B]": the symbol is a literal; a known language names the months).
 * Other bracketed parts (colours, conditions) show nothing.
 */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length;) {
    const ch = section[i]!;
    if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const close = end === -1 ? section.length : end;
      const tag = /^\$([^-]*)(?:-([0-9A-Fa-f]+))?$/.exec(section.slice(i + 1, close));
      if (tag?.[1]) tokens.push({ kind: 'literal', text: tag[1] });
      const lang = tag?.[2] ? TAG_LANGUAGES.get(parseInt(tag[2], 16) & 0xffff) : undefined;
      if (lang) tokens.push({ kind: 'locale', lang });
      i = close + 1;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const close = end === -1 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, close) });
      i = close + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else {
      const digits = /^[0#?,.]+/.exec(section.slice(i));
      const date = /^(y+|m+|d+)/i.exec(section.slice(i));
      if (digits) tokens.push({ kind: 'digits', pattern: digits[0] });
      else if (date) tokens.push({ kind: 'date', code: date[0].toLowerCase() });
      else tokens.push({ kind: 'literal', text: ch });
      i += (digits ?? date)?.[0].length ?? 1;
    }
  }
  return tokens;
}

/** Year, month (1–12) and day of an Excel serial date (1900 system, whole days). */
export function serialToDate(serial: number): { year: number; month: number; day: number } {
  // Serial 25569 is 1970-01-01; Excel's phantom 1900-02-29 makes earlier serials off by one.
  const date = new Date(Math.round(Math.floor(serial) - 25569) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The Excel serial of a calendar date. */
export function dateToSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}

function dateText(code: string, serial: number, lang: Lang): string {
  const { year, month, day } = serialToDate(serial);
  const two = (n: number) => String(n).padStart(2, '0');
  if (code.startsWith('y')) return code.length <= 2 ? two(year % 100) : String(year);
  if (code.startsWith('d')) return code.length >= 2 ? two(day) : String(day);
  if (code.length >= 3) return SHORT_MONTHS[lang][month - 1]!;
  return code.length === 2 ? two(month) : String(month);
}

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** |value| with the digit pattern ("#,##0", "0.0"): rounded half away from zero, like Excel. */
function digitsText(magnitude: number, pattern: string, lang: Lang): string {
  const [integerPattern = '', fraction = ''] = pattern.split('.');
  const decimals = (fraction.match(/[0#?]/g) ?? []).length;
  const scale = 10 ** decimals;
  const rounded = (Math.round(magnitude * scale) / scale).toFixed(decimals);
  const [integer = '0', decimalsText] = rounded.split('.');
  const minimumDigits = (integerPattern.match(/0/g) ?? []).length;
  let whole = integer === '0' && minimumDigits === 0 ? '' : integer.padStart(minimumDigits, '0');
  if (integerPattern.includes(',')) whole = groupThousands(whole, SEPARATORS[lang].group);
  return decimalsText === undefined ? whole : `${whole}${SEPARATORS[lang].decimal}${decimalsText}`;
}

/** A number without a format, as spreadsheets show General: up to 10 significant digits. */
export function formatGeneral(value: number, lang: Lang): string {
  const text = String(Number(value.toPrecision(10)));
  return text.replace('.', SEPARATORS[lang].decimal);
}

/**
 * `value` rendered with the Excel-style format `code` in `lang`'s separators: percent ("0.0%"),
 * grouping ("#,##0"), decimals, quoted literals ("€", "days") and dates ("yyyy-mm-dd",
 * "mmm yyyy"); negative numbers get a leading minus. Only the first section of a
 * multi-section code is used.
 */
export function formatNumber(value: number, code: string | undefined, lang: Lang): string {
  if (code === undefined || code === '' || code.toLowerCase() === 'general')
    return formatGeneral(value, lang);
  const tokens = tokenize(code.split(';')[0]!);
  if (tokens.some((token) => token.kind === 'date')) {
    // Month names in the tag's language, as Excel and LibreOffice show them; else the sheet's.
    const names = tokens.find((token) => token.kind === 'locale')?.lang ?? lang;
    return tokens
      .map((token) =>
        // In a date code, "." and "," are separators ("d.m.yyyy"), not digit placeholders.
        token.kind === 'date'
          ? dateText(token.code, value, names)
          : token.kind === 'digits'
            ? token.pattern
            : token.kind === 'literal'
              ? token.text
              : '',
      )
      .join('');
  }
  const percent = tokens.some((token) => token.kind === 'literal' && token.text === '%');
  const scaled = percent ? value * 100 : value;
  let body = tokens
    .map((token) =>
      token.kind === 'digits'
        ? digitsText(Math.abs(scaled), token.pattern, lang)
        : 'text' in token
          ? token.text
          : '',
    )
    .join('');
  // The minus goes first (before a leading currency symbol), and only when the shown value isn't 0.
  if (scaled < 0 && /[1-9]/.test(body)) body = `-${body}`;
  return body;
}

/** What a cell shows: empty for blanks, the code for errors, numbers through their format. */
export function displayText(value: EngineValue, code: string | undefined, lang: Lang): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, code, lang);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.error;
  return value;
}

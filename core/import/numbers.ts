// Amount text as CRMs and spreadsheets write it ("1 234,50", "€1,234", "(1,234)") → number and currency; decimal mark per column.

export type DecimalMark = '.' | ',';

export interface Amount {
  readonly amount: number;
  /** The currency the text itself names ("€" → "EUR"), or "" when it names none. */
  readonly currency: string;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
  kr: 'SEK',
};

// [sign] [currency] [sign] digits-and-separators [currency]; spaces of every width group digits.
const AMOUNT =
  /^([-\u2212]?)\s*(€|\$|£|¥|[A-Z]{3}(?=[\s\d]))?\s*([-\u2212]?)\s*(\d[\d\s.,']*)\s*(€|\$|£|¥|kr|[A-Z]{3})?$/;

interface AmountParts {
  readonly negative: boolean;
  readonly currency: string;
  readonly digits: string;
}

// Digits with at most a decimal point: most CRM exports write amounts so, and they need no more.
const PLAIN = /^\d+(?:\.\d+)?$/;
// Digits only, read the same with either decimal mark: most exports' amounts, read at once.
const WHOLE = /^\d{1,15}$/;

function split(raw: string): AmountParts | null {
  if (PLAIN.test(raw)) return { negative: false, currency: '', digits: raw };
  let text = raw.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = (parenthesised[1] as string).trim();
  }
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const [, signBefore, currencyBefore, signAfter, digits, currencyAfter] = match;
  const signs = (signBefore ? 1 : 0) + (signAfter ? 1 : 0);
  if (signs + (negative ? 1 : 0) > 1) return null; // "--5", "(-5)": no reading is safe
  if (signs === 1) negative = true;
  const written = currencyBefore ?? currencyAfter ?? '';
  return { negative, currency: SYMBOLS[written] ?? written, digits: (digits as string).trimEnd() };
}

/** The decimal mark one value proves, or null when it could be either ("1,234", "1234"). */
function evidence(digits: string): DecimalMark | null {
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) return null;
  const other: DecimalMark = mark === '.' ? ',' : '.';
  if (digits.indexOf(mark) !== digits.lastIndexOf(mark)) return other; // repeated: a grouping mark
  return digits.length - digits.indexOf(mark) - 1 === 3 ? null : mark;
}

/** The decimal mark one amount text proves, or null (no amount, or either reading fits). */
export function decimalEvidence(value: string): DecimalMark | null {
  const parts = split(value);
  return parts && evidence(parts.digits);
}

/**
 * The decimal mark of a column: the one most of its values prove; "." when none proves either
 * (a column of "1,234" reads as thousands, the common case for deal amounts).
 */
export function detectDecimalMark(values: readonly string[]): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const value of values) {
    const mark = decimalEvidence(value);
    if (mark === '.') dot++;
    else if (mark === ',') comma++;
  }
  return comma > dot ? ',' : '.';
}

/** The amount `raw` stands for with the column's decimal mark, or null when it is not one. */
export function parseAmount(raw: string, decimal: DecimalMark): Amount | null {
  if (WHOLE.test(raw)) return { amount: Number(raw), currency: '' };
  const parts = split(raw);
  if (!parts) return null;
  const proved = evidence(parts.digits);
  if (proved !== null && proved !== decimal) return null;
  const grouping = decimal === '.' ? /[\s,']/g : /[\s.']/g;
  const plain = parts.digits.replace(grouping, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(plain)) return null;
  const magnitude = Number(plain.replace(',', '.'));
  return { amount: parts.negative ? -magnitude : magnitude, currency: parts.currency };
}

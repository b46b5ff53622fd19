// Estimates how wide a text shows in a cell, so template columns fit their longest label in every language.
import { parseRange } from './a1';
import type { PlanCell, StyleRole } from './plan';
import { styleOf, type CellStyle } from './theme';

/** The font size of cells whose role sets none: Excel's 11 pt (Sheets' Arial 10 is narrower). */
export const DEFAULT_FONT_SIZE = 11;
/** A cell's inner padding and grid line in the widest host (the preview: 4 + 4 + 1 px), rounded up. */
export const CELL_PADDING = 10;
/** Bold text is up to a tenth wider (Arial bold lowercase: 0.611 em against 0.556). */
const BOLD_FACTOR = 1.1;
/** Header cells wrap; a header may take this many lines before its column must widen. */
export const HEADER_LINES = 2;
/** Other wrapping cells (names in a wide table) may take this many. */
export const WRAPPED_LINES = 3;
/**
 * Benchmarks and their sources are sentences read once, not scanned down a column: they take
 * more lines, so a wide table's last columns stay narrow and the sheet prints larger.
 */
const SENTENCE_LINES: Partial<Record<StyleRole, number>> = { reference: 4, source: 6 };

/** How many lines a wrapping cell of `role` may take before its column must widen. */
export function linesAllowed(role: StyleRole | undefined): number {
  if (role === 'header') return HEADER_LINES;
  return (role && SENTENCE_LINES[role]) ?? WRAPPED_LINES;
}

/**
 * Character widths in ems, by class: the larger of Arial's (Liberation Sans) and DejaVu Sans's at
 * the preview's 13 px for 11 pt text, measured in Chromium. Arial is wider than Calibri and Aptos,
 * so a column that fits here fits in Excel, Sheets and the preview.
 */
const CLASSES: readonly [chars: string, em: number][] = [
  ["iljI.,:;!|'", 0.3],
  ['ft/ ', 0.34],
  ['r()-[]"“”’*', 0.42],
  ['szcvyxkJ', 0.53],
  ['+−=×÷<>≤≥~', 0.75],
  ['ORGQNHCDUABKVXY&', 0.78],
  ['mwMW%@', 0.9],
  ['—→…', 1],
];
/** Other lowercase letters, digits and most symbols (a, e, n, 0–9, ä, ö, €, $, –). */
const COMMON_EM = 0.57;
/** Other upper-case letters (E, F, L, P, S, T, Z, Ä, Ö…). */
const UPPER_EM = 0.68;

const EM = new Map<string, number>(
  CLASSES.flatMap(([chars, em]) => [...chars].map((c) => [c, em] as const)),
);

function charEm(c: string): number {
  const em = EM.get(c);
  if (em !== undefined) return em;
  return c !== c.toLowerCase() ? UPPER_EM : COMMON_EM;
}

/** Pixels per point at 96 pixels per inch. */
const PX_PER_POINT = 96 / 72;

/** The width of `text` on one line in a cell styled `style`, in pixels, padding not included. */
export function textWidth(text: string, style: Pick<CellStyle, 'bold' | 'fontSize'> = {}): number {
  let ems = 0;
  for (const c of text) ems += charEm(c);
  const px = ems * (style.fontSize ?? DEFAULT_FONT_SIZE) * PX_PER_POINT;
  return Math.ceil(style.bold ? px * BOLD_FACTOR : px);
}

/**
 * The narrowest column, in pixels with padding, that shows `text` whole: on one line, or with
 * `wrap` on at most `lines` lines broken between words (a word is never split).
 */
export function widthToFit(
  text: string,
  style: Pick<CellStyle, 'bold' | 'fontSize' | 'wrap'> = {},
  lines = HEADER_LINES,
): number {
  const width = (part: string) => textWidth(part, style);
  if (!style.wrap) return width(text) + CELL_PADDING;
  const words = text.split(/\s+/).filter((w) => w !== '');
  // The narrowest width whose greedy line breaking needs at most `lines` lines.
  let low = Math.max(0, ...words.map(width));
  let high = width(text);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (linesAt(words, mid, width) <= lines) high = mid;
    else low = mid + 1;
  }
  return low + CELL_PADDING;
}

/** How many lines greedy word wrapping makes of `words` in `width` pixels. */
function linesAt(words: readonly string[], width: number, measure: (s: string) => number): number {
  let count = 1;
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(next) > width) {
      count++;
      line = word;
    } else line = next;
  }
  return count;
}

/** The widths a sheet's cells need, in pixels with padding. */
export interface ColumnNeeds {
  /** Per column, its widest cell that has to fit inside it. */
  columns: number[];
  /**
   * Texts that run on to the right over empty cells, or across a merge: each must fit between its
   * own column and `last`, or the text is cut at the sheet's (or the merge's) edge.
   */
  runs: { col: number; last: number; width: number }[];
}

type Cell = Pick<PlanCell, 'value' | 'formula' | 'calc' | 'format' | 'role' | 'input'>;

/** Sample results for formula cells, whose value is unknown when the plan is built. */
const SAMPLE_MONEY = 1_234_567;
const SAMPLE_COUNT = 12_345;
const SAMPLE_RATE = 1;

/** The literal texts in a number format ("€", " days"). */
function formatLiterals(format: string): string {
  return [...format.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
}

/** Roughly how a number shows in `format`: its digits, grouping, decimals, percent sign and literals. */
export function shownNumber(value: number, code: string | undefined): string {
  if (!code) return String(value);
  // A locale tag shows only its currency symbol, if any ("[$-40B]" none, "[$€-40B]" "€").
  const format = code.replace(/\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]/g, (_, symbol: string) =>
    symbol === '' ? '' : `"${symbol}"`,
  );
  // Dates: as long as the pattern, a month name as "Sept" (fi "syys").
  if (/y/.test(format)) return format.replace(/m{3,}/, 'Sept');
  const number = format.replace(/"[^"]*"/g, '');
  const decimals = /\.(0+)/.exec(number)?.[1]?.length ?? 0;
  const percent = number.includes('%');
  const digits = Math.abs(percent ? value * 100 : value).toFixed(decimals);
  const grouped = number.includes(',') ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
  return `${value < 0 ? '-' : ''}${grouped}${percent ? '%' : ''}${formatLiterals(format)}`;
}

/** The texts a formula cell may show: its labels, or a large sample number in its format. */
function formulaTexts(cell: Cell, statusTexts: readonly string[], moneyLike: boolean): string[] {
  const calc = cell.calc;
  if (cell.role === 'status') return [...statusTexts];
  if (calc?.kind === 'ahead') return [calc.labels.a, calc.labels.b, calc.labels.even];
  const format = cell.format ?? '';
  const sample = format.includes('%') ? SAMPLE_RATE : moneyLike ? SAMPLE_MONEY : SAMPLE_COUNT;
  return [shownNumber(sample, format)];
}

/**
 * What the cells of a sheet need: `cells` row by row (sparse), `merges` as A1 ranges,
 * `statusTexts` the texts its status cells show, `money` its money format.
 */
export function columnNeeds(
  cells: readonly (readonly (Cell | null | undefined)[] | undefined)[],
  columns: number,
  merges: readonly string[],
  statusTexts: readonly string[],
  money: string,
): ColumnNeeds {
  const needs: ColumnNeeds = { columns: new Array<number>(columns).fill(0), runs: [] };
  const mergeEnd = new Map<string, number>();
  const covered = new Set<string>();
  for (const merge of merges) {
    const { row1, col1, row2, col2 } = parseRange(merge);
    mergeEnd.set(`${row1},${col1}`, col2);
    for (let row = row1; row <= row2; row++)
      for (let col = col1; col <= col2; col++)
        if (row !== row1 || col !== col1) covered.add(`${row},${col}`);
  }
  cells.forEach((line, row) => {
    if (!line) return;
    line.forEach((cell, col) => {
      if (!cell || covered.has(`${row},${col}`)) return;
      const style = styleOf(cell as PlanCell);
      const texts =
        typeof cell.value === 'string'
          ? [cell.value]
          : typeof cell.value === 'number'
            ? [shownNumber(cell.value, cell.format)]
            : typeof cell.value === 'boolean'
              ? [String(cell.value).toUpperCase()]
              : cell.formula !== undefined
                ? formulaTexts(cell, statusTexts, cell.format === money)
                : [];
      const lines = linesAllowed(cell.role);
      const width = Math.max(0, ...texts.map((text) => widthToFit(text, style, lines)));
      const merged = mergeEnd.get(`${row},${col}`);
      const emptyToTheRight = line.slice(col + 1).every((other) => !other);
      if (merged !== undefined) needs.runs.push({ col, last: merged, width });
      else if (typeof cell.value === 'string' && !style.wrap && emptyToTheRight)
        needs.runs.push({ col, last: columns - 1, width });
      else needs.columns[col] = Math.max(needs.columns[col]!, width);
    });
  });
  return needs;
}

/**
 * Column widths that fit every need: at least `minimums` (the template's own, for typing room),
 * each column as wide as its widest cell in any of `needs` (one per language), and the last
 * column of each run widened by what the run lacks.
 */
export function fitWidths(minimums: readonly number[], needs: readonly ColumnNeeds[]): number[] {
  const widths = minimums.map((min, col) =>
    Math.max(min, ...needs.map((need) => need.columns[col] ?? 0)),
  );
  for (const need of needs)
    for (const run of need.runs) {
      let span = 0;
      for (let col = run.col; col <= run.last; col++) span += widths[col]!;
      if (span < run.width) widths[run.last]! += run.width - span;
    }
  return widths;
}

/**
 * `text` as lines no wider than `width` pixels: a sentence per line, a longer sentence broken
 * between words (a word longer than the line keeps a line of its own).
 */
export function wrapLines(
  text: string,
  style: Pick<CellStyle, 'bold' | 'fontSize'>,
  width: number,
): string[] {
  const lines: string[] = [];
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    let line = '';
    for (const word of sentence.split(/\s+/).filter((w) => w !== '')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && textWidth(next, style) + CELL_PADDING > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

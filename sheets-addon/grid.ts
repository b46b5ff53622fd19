// Turns a template plan into the 2-D arrays and grouped ranges that Sheets takes in one call each.
import {
  STATUS_STYLES,
  parseRange,
  rangeRef,
  styleOf,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
  type StatusRole,
} from '../core/templates/index';

/** Sheets' default font size in points, for cells whose style does not set one. */
const DEFAULT_FONT_SIZE = 10;

/** Sheets' "Automatic" number format, for cells the plan leaves unformatted. */
const GENERAL_FORMAT = 'General';

type Alignment = 'left' | 'center' | 'right' | null;

/** The theme's vertical alignments as Sheets names them. */
const VERTICAL = { top: 'top', center: 'middle', bottom: 'bottom' } as const;

/** One array per cell aspect, each rows × columns like the plan's grid. */
export interface SheetsGrid {
  values: (string | number | boolean)[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  fontColors: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  fontStyles: ('italic' | 'normal')[][];
  fontSizes: number[][];
  horizontalAlignments: Alignment[][];
  verticalAlignments: ((typeof VERTICAL)[keyof typeof VERTICAL] | null)[][];
  wraps: boolean[][];
  notes: (string | null)[][];
}

/**
 * What `setValues` writes for a cell. Sheets parses these strings as if typed: "=…" becomes a
 * formula, and text such as "=x", "+1", "2026-01", "25%" or "TRUE" would become a formula,
 * number, date or boolean. A leading apostrophe keeps typed text literal in Sheets and is not
 * part of the cell's value, so every literal string is written behind one — including, but not
 * only, the ones `looksLikeFormula` recognises.
 */
export function sheetsValue(cell: PlanCell | null): string | number | boolean {
  if (!cell) return '';
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === 'string') return cell.value === '' ? '' : `'${cell.value}`;
  return cell.value ?? '';
}

/**
 * A plan's number format as Sheets takes it: without Excel's locale tags ("[$-40B]mmm yyyy"),
 * which Sheets' format patterns do not have; Sheets names months in the spreadsheet's locale.
 */
export function sheetsNumberFormat(format: string | undefined): string {
  return format === undefined ? GENERAL_FORMAT : format.replace(/\[\$-[0-9A-Fa-f]+\]/g, '');
}

/** Every aspect of every cell: values and formulas together, formats, the theme's styles, notes. */
export function sheetsGrid(plan: Pick<SheetPlan, 'cells'>): SheetsGrid {
  const map = <T>(aspect: (cell: PlanCell | null) => T): T[][] =>
    plan.cells.map((row) => row.map(aspect));
  const style = (cell: PlanCell | null) => (cell ? styleOf(cell) : {});
  return {
    values: map(sheetsValue),
    numberFormats: map((cell) => sheetsNumberFormat(cell?.format)),
    backgrounds: map((cell) => style(cell).fill ?? null),
    fontColors: map((cell) => style(cell).fontColor ?? null),
    fontWeights: map((cell) => (style(cell).bold ? 'bold' : 'normal')),
    fontStyles: map((cell) => (style(cell).italic ? 'italic' : 'normal')),
    fontSizes: map((cell) => style(cell).fontSize ?? DEFAULT_FONT_SIZE),
    horizontalAlignments: map((cell) => style(cell).horizontalAlignment ?? null),
    verticalAlignments: map((cell) => {
      const vertical = style(cell).verticalAlignment;
      return vertical === undefined ? null : VERTICAL[vertical];
    }),
    wraps: map((cell) => style(cell).wrap ?? false),
    notes: map((cell) => cell?.note ?? null),
  };
}

/** True when some cell of the plan carries a note. */
export function hasNotes(plan: Pick<SheetPlan, 'cells'>): boolean {
  return plan.cells.some((row) => row.some((cell) => cell?.note !== undefined));
}

/**
 * A rows × columns grid holding, for each cell, the item of the last range that covers it, else
 * null: how one rule object per distinct rule reaches its cells in a single 2-D call.
 */
export function coverGrid<T>(
  rows: number,
  columns: number,
  items: readonly { range: string; item: T }[],
): (T | null)[][] {
  const grid: (T | null)[][] = Array.from({ length: rows }, () =>
    Array<T | null>(columns).fill(null),
  );
  for (const { range, item } of items) {
    const { row1, col1, row2, col2 } = parseRange(range);
    for (let row = row1; row <= row2; row++)
      for (let col = col1; col <= col2; col++) grid[row]![col] = item;
  }
  return grid;
}

/** Runs of equal adjacent column widths, columns 1-based as `Sheet.setColumnWidths` takes them. */
export function widthRuns(
  widths: readonly number[],
): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, index) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count++;
    else runs.push({ start: index + 1, count: 1, width });
  });
  return runs;
}

/** Runs of adjacent rows set to the same height, rows 1-based as `Sheet.setRowHeights` takes them. */
export function heightRuns(
  heights: SheetPlan['rowHeights'],
): { start: number; count: number; height: number }[] {
  const runs: { start: number; count: number; height: number }[] = [];
  for (const { row, height } of heights) {
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.start + last.count === row + 1) last.count++;
    else runs.push({ start: row + 1, count: 1, height });
  }
  return runs;
}

/**
 * The cells with a bottom border, per border colour, as A1 ranges (adjacent cells of a row
 * joined), so each colour is one `RangeList.setBorder` call.
 */
export function bottomBorders(plan: Pick<SheetPlan, 'cells'>): Map<string, string[]> {
  const byColour = new Map<string, string[]>();
  plan.cells.forEach((row, r) => {
    const colours = row.map((cell) => (cell ? styleOf(cell).borderBottom : undefined));
    colours.forEach((colour, c) => {
      if (colour === undefined || colours[c + 1] === colour) return;
      let start = c;
      while (start > 0 && colours[start - 1] === colour) start--;
      byColour.set(colour, [...(byColour.get(colour) ?? []), rangeRef(r, start, r, c)]);
    });
  });
  return byColour;
}

/** Conditional formats with the same text and colours merged into one rule over several ranges. */
export function statusRules(
  formats: readonly ConditionalFormatPlan[],
): { equals: string; fill: string; fontColor: string; ranges: string[] }[] {
  const rules = new Map<string, { equals: string; role: StatusRole; ranges: string[] }>();
  for (const { equals, role, range } of formats) {
    const key = JSON.stringify([equals, role]);
    const rule = rules.get(key) ?? { equals, role, ranges: [] };
    rule.ranges.push(range);
    rules.set(key, rule);
  }
  return [...rules.values()].map(({ equals, role, ranges }) => ({
    equals,
    ...STATUS_STYLES[role],
    ranges,
  }));
}

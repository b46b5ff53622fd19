// How a plan prints and how tall its rows are: one page wide, landscape when wider than a portrait page, the last table's header repeated.
import { columnName, parseCell, parseRange } from './a1';
import { DEFAULT_FONT_SIZE, widthToFit } from './measure';
import type { ChartPlan, PlanCell, PrintPlan, RowHeightPlan, SheetPlan } from './plan';
import { styleOf } from './theme';

/** Excel's default row: 15 pt of Calibri 11, 20 px at 96 px per inch. */
export const DEFAULT_ROW_HEIGHT = 20;
/** Excel's default column (8.43 characters), for the columns right of the grid a chart covers. */
export const DEFAULT_COLUMN_WIDTH = 64;
/**
 * The shortest row a host draws for default text (LibreOffice: 0.45 cm). Counting a chart's rows
 * at this height makes the print area reach at least as far down as the chart does in any host.
 */
const SHORTEST_ROW_HEIGHT = 17;
const PX_PER_INCH = 96;
/** More lines than any wrapped label takes once its column is fitted (measure.ts allows two). */
const MAX_WRAPPED_LINES = 10;

/**
 * The paper every print must fit, in inches: the narrower and shorter sides of A4 (8.27 × 11.69)
 * and Letter (8.5 × 11), so a sheet prints the same on either, whichever the printer defaults to.
 */
export const PAPER = { short: 8.27, long: 11 } as const;

export const MARGINS: PrintPlan['margins'] = {
  left: 0.5,
  right: 0.5,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** The printable area of a page in each orientation, in pixels. */
export const PRINTABLE = {
  portrait: {
    width: (PAPER.short - MARGINS.left - MARGINS.right) * PX_PER_INCH,
    height: (PAPER.long - MARGINS.top - MARGINS.bottom) * PX_PER_INCH,
  },
  landscape: {
    width: (PAPER.long - MARGINS.left - MARGINS.right) * PX_PER_INCH,
    height: (PAPER.short - MARGINS.top - MARGINS.bottom) * PX_PER_INCH,
  },
} as const;

/**
 * A sheet prints on one page when that shrinks it at most this much further than fitting its
 * width does: a short sheet stays whole, a long log keeps a readable size over several pages.
 */
const ONE_PAGE_SHRINK = 0.8;

/** The height of one line of text in a font of `points`, in pixels (11 pt: a default row). */
export function lineHeight(points: number): number {
  return Math.ceil((points * DEFAULT_ROW_HEIGHT) / DEFAULT_FONT_SIZE);
}

function fontSizeOf(cell: PlanCell): number {
  return styleOf(cell).fontSize ?? DEFAULT_FONT_SIZE;
}

/** How many lines a wrapped text takes in a column `width` pixels wide. */
function wrappedLines(cell: PlanCell, width: number): number {
  const text = typeof cell.value === 'string' ? cell.value : '';
  const style = styleOf(cell);
  let lines = 1;
  while (lines < MAX_WRAPPED_LINES && widthToFit(text, style, lines) > width) lines++;
  return lines;
}

/**
 * The rows whose height the plan sets, because hosts do not fit them: a merged line in a font
 * larger than the default (the title; no host fits a row to merged cells), and a row of wrapped
 * labels taking more than one line (LibreOffice keeps an .xlsx row's default height).
 */
export function fixedRowHeights(
  cells: readonly (readonly (PlanCell | null)[])[],
  merges: readonly string[],
  columnWidths: readonly number[],
): RowHeightPlan[] {
  const heights = new Map<number, number>();
  const atLeast = (row: number, height: number) =>
    heights.set(row, Math.max(heights.get(row) ?? 0, height));
  const merged = new Set<string>();
  for (const merge of merges) {
    const { row1, col1, row2, col2 } = parseRange(merge);
    for (let row = row1; row <= row2; row++)
      for (let col = col1; col <= col2; col++) merged.add(`${row},${col}`);
    const cell = cells[row1]?.[col1];
    if (cell && row1 === row2 && fontSizeOf(cell) > DEFAULT_FONT_SIZE)
      atLeast(row1, lineHeight(fontSizeOf(cell)));
  }
  cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (!cell || !styleOf(cell).wrap || merged.has(`${row},${col}`)) return;
      const lines = wrappedLines(cell, columnWidths[col] ?? DEFAULT_COLUMN_WIDTH);
      if (lines > 1) atLeast(row, lines * lineHeight(fontSizeOf(cell)));
    }),
  );
  return [...heights].sort(([a], [b]) => a - b).map(([row, height]) => ({ row, height }));
}

type Geometry = Pick<SheetPlan, 'cells' | 'columnWidths' | 'rowHeights' | 'merges' | 'charts'>;

/** The height of every row of the grid in pixels: its set height, else one line of its largest font. */
export function estimatedRowHeights(plan: Geometry): number[] {
  const set = new Map(plan.rowHeights.map(({ row, height }) => [row, height]));
  return plan.cells.map(
    (line, row) =>
      set.get(row) ??
      Math.max(
        DEFAULT_ROW_HEIGHT,
        ...line.map((cell) => (cell ? lineHeight(fontSizeOf(cell)) : 0)),
      ),
  );
}

/** The last row and column (zero-based) a chart covers, whatever the host's default row and column. */
function chartCorner(
  chart: ChartPlan,
  columnWidths: readonly number[],
): { row: number; col: number } {
  const { row, col } = parseCell(chart.anchor);
  let right = col;
  for (let width = 0; ; right++) {
    width += columnWidths[right] ?? DEFAULT_COLUMN_WIDTH;
    if (width >= chart.width) break;
  }
  return { row: row + Math.ceil(chart.height / SHORTEST_ROW_HEIGHT) - 1, col: right };
}

/** The header rows of the last table: the last run of rows holding a header cell, as "12:12". */
function lastHeaderRows(cells: Geometry['cells']): string | null {
  const isHeader = (row: number) => cells[row]!.some((cell) => cell?.role === 'header');
  let last = cells.length - 1;
  while (last >= 0 && !isHeader(last)) last--;
  if (last < 0) return null;
  let first = last;
  while (first > 0 && isHeader(first - 1)) first--;
  return `${first + 1}:${last + 1}`;
}

/** The width and height of the printed range in pixels, and that range. */
export function printedExtent(plan: Geometry): { area: string; width: number; height: number } {
  let lastRow = plan.cells.length - 1;
  let lastCol = plan.columnWidths.length - 1;
  for (const merge of plan.merges) {
    const { row2, col2 } = parseRange(merge);
    lastRow = Math.max(lastRow, row2);
    lastCol = Math.max(lastCol, col2);
  }
  for (const chart of plan.charts) {
    const corner = chartCorner(chart, plan.columnWidths);
    lastRow = Math.max(lastRow, corner.row);
    lastCol = Math.max(lastCol, corner.col);
  }
  const rows = estimatedRowHeights(plan);
  let width = 0;
  for (let col = 0; col <= lastCol; col++) width += plan.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
  let height = 0;
  for (let row = 0; row <= lastRow; row++) height += rows[row] ?? DEFAULT_ROW_HEIGHT;
  return { area: `A1:${columnName(lastCol)}${lastRow + 1}`, width, height };
}

/** The plan's print settings: every printed column on one page across, the rows on as few as read well. */
export function printPlan(plan: Geometry): PrintPlan {
  const { area, width, height } = printedExtent(plan);
  const orientation = width > PRINTABLE.portrait.width ? 'landscape' : 'portrait';
  const page = PRINTABLE[orientation];
  const widthScale = Math.min(1, page.width / width);
  const onePageScale = Math.min(widthScale, page.height / height);
  return {
    orientation,
    fitToWidth: 1,
    fitToHeight: onePageScale >= widthScale * ONE_PAGE_SHRINK ? 1 : 0,
    printArea: area,
    titleRows: lastHeaderRows(plan.cells),
    margins: { ...MARGINS },
    centerHorizontally: true,
  };
}

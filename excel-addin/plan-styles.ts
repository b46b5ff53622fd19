/// <reference types="office-js" />
// The theme's cell styles as Excel range formats, grouped so each distinct style is applied once.
import {
  rangeRef,
  styleOf,
  type CellStyle,
  type PlanCell,
  type SheetPlan,
} from '../core/templates/index';

/** The cells that share one style, as rectangles in A1 notation. */
export interface StyleBlock {
  style: CellStyle;
  ranges: string[];
}

/** A rectangle still growing downwards, and the style key it belongs to. */
interface OpenRectangle {
  styleKey: string;
  row1: number;
  row2: number;
  col1: number;
  col2: number;
}

/**
 * Every distinct style of the plan with the rectangles it covers: runs of equal style along a
 * row, stacked while the next row repeats the run. Styles with a bottom border stay one row
 * high, so the border is drawn under every row (an area's bottom edge is its last row only).
 */
export function styleBlocks(plan: Pick<SheetPlan, 'cells'>): StyleBlock[] {
  const blocks = new Map<string, StyleBlock>();
  const close = (r: OpenRectangle) =>
    blocks.get(r.styleKey)!.ranges.push(rangeRef(r.row1, r.col1, r.row2, r.col2));
  const keyOf = (cell: PlanCell | null | undefined) => JSON.stringify(cell ? styleOf(cell) : {});
  /** Open rectangles by "firstColumn:lastColumn|style". */
  let open = new Map<string, OpenRectangle>();

  plan.cells.forEach((row, rowIndex) => {
    const next = new Map<string, OpenRectangle>();
    for (let col = 0; col < row.length;) {
      const cell = row[col];
      const styleKey = keyOf(cell);
      let end = col;
      while (end + 1 < row.length && keyOf(row[end + 1]) === styleKey) end++;
      if (styleKey !== '{}') {
        const style = styleOf(cell!);
        if (!blocks.has(styleKey)) blocks.set(styleKey, { style, ranges: [] });
        const runKey = `${col}:${end}|${styleKey}`;
        const above = open.get(runKey);
        if (above && !style.borderBottom) {
          open.delete(runKey);
          next.set(runKey, { ...above, row2: rowIndex });
        } else next.set(runKey, { styleKey, row1: rowIndex, row2: rowIndex, col1: col, col2: end });
      }
      col = end + 1;
    }
    open.forEach(close);
    open = next;
  });
  open.forEach(close);
  return [...blocks.values()];
}

const ALIGNMENT = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL_ALIGNMENT = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

/** Queues the style's font, fill, wrapping, alignment and bottom border on a range's format. */
export function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined)
    format.horizontalAlignment = ALIGNMENT[style.horizontalAlignment];
  if (style.verticalAlignment !== undefined)
    format.verticalAlignment = VERTICAL_ALIGNMENT[style.verticalAlignment];
  if (style.borderBottom !== undefined) {
    const border = format.borders.getItem('EdgeBottom');
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = style.borderBottom;
  }
}

/** Excel sizes columns and charts in points; the plan gives pixels (96 per inch, 72 points). */
export function pointsOf(pixels: number): number {
  return pixels * 0.75;
}

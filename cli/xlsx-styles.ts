// Plan style roles, number formats and pixel widths as ExcelJS styles, shared by the template and data sheet writers.
import type ExcelJS from 'exceljs';
import type { PlanCell } from '../core/templates/plan';
import { styleOf, type CellStyle } from '../core/templates/theme';

/** "#1F4E79" as ExcelJS's ARGB "FF1F4E79". */
export function argb(color: string): { argb: string } {
  return { argb: `FF${color.replace('#', '').toUpperCase()}` };
}

/** Column width in Excel's character units from pixels (Calibri 11: 7 px per digit plus 5 px padding). */
export function widthInCharacters(pixels: number): number {
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/** The theme's vertical alignments as ExcelJS names them. */
const VERTICAL = { top: 'top', center: 'middle', bottom: 'bottom' } as const;

/** The ExcelJS style of a plan cell: its theme style, number format and lock state. */
export function excelStyle(cell: PlanCell | null, unlocked: boolean): Partial<ExcelJS.Style> {
  const theme: CellStyle = cell ? styleOf(cell) : {};
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (theme.bold) font.bold = true;
  if (theme.italic) font.italic = true;
  if (theme.fontSize !== undefined) font.size = theme.fontSize;
  if (theme.fontColor !== undefined) font.color = argb(theme.fontColor);
  if (Object.keys(font).length > 0) style.font = font;
  if (theme.fill !== undefined)
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(theme.fill) };
  if (
    theme.wrap ||
    theme.horizontalAlignment !== undefined ||
    theme.verticalAlignment !== undefined
  ) {
    style.alignment = {
      ...(theme.wrap ? { wrapText: true } : {}),
      ...(theme.horizontalAlignment !== undefined ? { horizontal: theme.horizontalAlignment } : {}),
      ...(theme.verticalAlignment !== undefined
        ? { vertical: VERTICAL[theme.verticalAlignment] }
        : {}),
    };
  }
  if (theme.borderBottom !== undefined)
    style.border = { bottom: { style: 'thin', color: argb(theme.borderBottom) } };
  if (cell?.format !== undefined) style.numFmt = cell.format;
  if (unlocked) style.protection = { locked: false };
  return style;
}

// The one look of every template: style roles and status colours turned into fonts and fills for all hosts.
import type { PlanCell, StatusRole, StyleRole } from './plan';

/** A concrete cell style; colours are "#RRGGBB", sizes in points, absent fields keep the host default. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'center' | 'bottom';
  /** A thin bottom border in this colour (headers, totals). */
  borderBottom?: string;
}

const INK = '#1F2937';
const MUTED = '#4B5563';
const ACCENT = '#1F4E79';
const LINE = '#9CA3AF';

/**
 * Every role's cells read from the top of their row: beside a name wrapped onto three lines,
 * its numbers and status sit on its first line (Excel and LibreOffice put them at the bottom).
 */
const ROW_ALIGNMENT: CellStyle = { verticalAlignment: 'top' };

const ROLE_LOOKS: Record<StyleRole, CellStyle> = {
  title: { bold: true, fontSize: 16, fontColor: ACCENT },
  purpose: { italic: true, fontColor: MUTED },
  example: { bold: true, fontColor: '#9C5700', fill: '#FFF2CC' },
  section: { bold: true, fontSize: 12, fontColor: ACCENT },
  header: {
    bold: true,
    fontColor: '#FFFFFF',
    fill: ACCENT,
    wrap: true,
    horizontalAlignment: 'center',
  },
  label: { fontColor: INK },
  name: { fontColor: INK, wrap: true },
  body: { fontColor: INK },
  result: { bold: true, fontColor: INK, fill: '#EEF2F7' },
  total: { bold: true, fontColor: INK, borderBottom: LINE },
  status: { bold: true, horizontalAlignment: 'center' },
  // Benchmarks and their sources are sentences: they wrap rather than widen their column.
  reference: { italic: true, fontColor: MUTED, wrap: true },
  source: { italic: true, fontColor: MUTED, fontSize: 9, wrap: true },
  note: { italic: true, fontColor: MUTED, fontSize: 9 },
};

export const ROLE_STYLES = Object.fromEntries(
  Object.entries(ROLE_LOOKS).map(([role, look]) => [role, { ...ROW_ALIGNMENT, ...look }]),
) as Record<StyleRole, CellStyle>;

/** Input cells: a pale yellow fill and blue ink, the usual spreadsheet convention for "type here". */
export const INPUT_STYLE: CellStyle = { fill: '#FFF9E6', fontColor: '#1D4ED8' };

/** Fills and ink for the conditional formats of status cells. */
export const STATUS_STYLES: Record<StatusRole, Required<Pick<CellStyle, 'fill' | 'fontColor'>>> = {
  good: { fill: '#C6EFCE', fontColor: '#006100' },
  neutral: { fill: '#FFEB9C', fontColor: '#9C5700' },
  bad: { fill: '#FFC7CE', fontColor: '#9C0006' },
};

/** The style of one plan cell: its role's style with the input style on top. */
export function styleOf(cell: PlanCell): CellStyle {
  const base = cell.role ? ROLE_STYLES[cell.role] : {};
  return cell.input ? { ...base, ...INPUT_STYLE } : base;
}

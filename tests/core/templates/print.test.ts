// Every template prints one page wide, landscape exactly when wider than a portrait page, with its table's header repeated and its title whole.
import { describe, expect, it } from 'vitest';
import { buildPlan, parseCell, parseRange } from '../../../core/templates/index';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../../../core/templates/options';
import type { PlanCell, SheetPlan } from '../../../core/templates/plan';
import { printPlan } from '../../../core/templates/print';

/*
 * Paper and printable widths, worked by hand. The print must fit A4 (8.27 × 11.69 in) and
 * Letter (8.5 × 11 in), whichever the printer has: 8.27 × 11 in. Margins 0.5 in left and right,
 * 0.6 in top and bottom. At 96 px per inch:
 *   portrait:  (8.27 − 1.0) × 96 = 697.92 px wide, (11 − 1.2) × 96 = 940.8 px tall;
 *   landscape: (11 − 1.0) × 96 = 960 px wide,     (8.27 − 1.2) × 96 = 678.72 px tall.
 */
const PORTRAIT_WIDTH = 697.92;
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Excel's default column (8.43 characters, 64 px): what the columns right of the grid are. */
const EXCEL_DEFAULT_COLUMN = 64;
/** LibreOffice's default row (0.45 cm, 17 px), the shortest a host draws: a chart reaches furthest down over such rows. */
const SHORTEST_ROW = 17;
/** The title's font is 16 pt (theme): one line of it is at least 16 × 1.2 pt = 25.6 px tall. */
const TITLE_LINE = 25.6;
/** A wide character of the 16 pt bold title: 0.6 em = 12.8 px. */
const TITLE_CHARACTER = 12.8;
/** A narrow character of 11 pt text, 0.45 em = 6.6 px, and a cell's padding: a header longer than this wraps for sure. */
const NARROW_CHARACTER = 6.6;
const PADDING = 6;
/** Two lines of 11 pt text: at least two default rows of 15 pt (20 px). */
const TWO_LINES = 40;

function plan(id: TemplateId, lang: Lang, periods: number, rows: number): SheetPlan {
  const built = buildPlan(id, { lang, periods, rows }, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return built.plan;
}

function inRange(range: string, row: number, col: number): boolean {
  const r = parseRange(range);
  return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
}

const widthOf = (p: SheetPlan, col: number) => p.columnWidths[col] ?? EXCEL_DEFAULT_COLUMN;

function columnsWidth(p: SheetPlan, lastCol: number): number {
  let width = 0;
  for (let col = 0; col <= lastCol; col++) width += widthOf(p, col);
  return width;
}

const cases = TEMPLATE_IDS.flatMap((id) =>
  LANGS.flatMap((lang) =>
    [1, 12, 24].flatMap((periods) => [1, 50].map((rows) => [id, lang, periods, rows] as const)),
  ),
);

describe('print settings of every template', () => {
  it.each(cases)('%s (%s, %i periods, %i rows)', (id, lang, periods, rows) => {
    const p = plan(id, lang, periods, rows);
    const { print } = p;
    const area = parseRange(print.printArea);

    // One page wide, from A1.
    expect(print.fitToWidth).toBe(1);
    expect([area.row1, area.col1]).toEqual([0, 0]);
    expect(print.margins).toEqual(MARGINS);

    // Everything prints: each cell, merged line and chart, a chart even over the shortest rows.
    const inside = (row: number, col: number) => row <= area.row2 && col <= area.col2;
    p.cells.forEach((line, row) =>
      line.forEach((cell, col) => {
        if (cell) expect(inside(row, col), `${row},${col}`).toBe(true);
      }),
    );
    for (const merge of p.merges) {
      const { row2, col2 } = parseRange(merge);
      expect(inside(row2, col2), merge).toBe(true);
    }
    for (const chart of p.charts) {
      const { row, col } = parseCell(chart.anchor);
      expect(
        columnsWidth(p, area.col2) - columnsWidth(p, col - 1),
        chart.title,
      ).toBeGreaterThanOrEqual(chart.width);
      expect((area.row2 - row + 1) * SHORTEST_ROW, chart.title).toBeGreaterThanOrEqual(
        chart.height,
      );
    }

    // Landscape exactly when the printed columns are wider than a portrait page.
    const width = columnsWidth(p, area.col2);
    expect(print.orientation).toBe(width > PORTRAIT_WIDTH ? 'landscape' : 'portrait');

    // The repeated rows are the header of the last table: header cells, and none further down.
    expect(print.titleRows).not.toBeNull();
    const [first, last] = print.titleRows!.split(':').map((n) => Number(n) - 1) as [number, number];
    const isHeader = (row: number) => p.cells[row]!.some((c) => c?.role === 'header');
    for (let row = first; row <= last; row++) expect(isHeader(row), `row ${row + 1}`).toBe(true);
    for (let row = last + 1; row < p.cells.length; row++)
      expect(isHeader(row), `row ${row + 1}`).toBe(false);
    expect(last).toBeLessThanOrEqual(area.row2);

    // A header too long for one line gets a row tall enough for two.
    p.cells.forEach((line, row) =>
      line.forEach((cell, col) => {
        if (cell?.role !== 'header' || p.merges.some((m) => inRange(m, row, col))) return;
        if (String(cell.value).length * NARROW_CHARACTER + PADDING <= p.columnWidths[col]!) return;
        const height = p.rowHeights.find((r) => r.row === row)?.height ?? 0;
        expect(height, `${cell.value}`).toBeGreaterThanOrEqual(TWO_LINES);
      }),
    );

    // The title is whole: its row is tall enough for its font and its merge wide enough for its text.
    const title = p.cells[0]![0] as PlanCell;
    expect(title.role).toBe('title');
    expect(p.rowHeights.find((r) => r.row === 0)?.height ?? 0).toBeGreaterThanOrEqual(TITLE_LINE);
    const titleMerge = p.merges.map(parseRange).find((m) => m.row1 === 0 && m.col1 === 0)!;
    expect(columnsWidth(p, titleMerge.col2)).toBeGreaterThan(
      String(title.value).length * TITLE_CHARACTER,
    );
  });

  it.each(LANGS)('prints the scorecard and the ROI calculator on one page (%s)', (lang) => {
    for (const id of ['scorecard', 'roi'] as const)
      expect(plan(id, lang, 12, 3).print.fitToHeight, id).toBe(1);
  });

  // One page wide shrinks the scorecard's 14 columns: at 60% or more (the landscape page's
  // 960 px against its columns' width) 11 pt text stays at least 6.6 pt on paper. Before its
  // names and sources wrapped, its columns took 2,318 px: 41%.
  it.each(LANGS)('prints the scorecard and the ROI calculator at 60% or larger (%s)', (lang) => {
    for (const id of ['scorecard', 'roi'] as const) {
      const p = plan(id, lang, 12, 3);
      const { col2 } = parseRange(p.print.printArea);
      expect(p.print.orientation, id).toBe('landscape');
      expect(960 / columnsWidth(p, col2), id).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('lets a long log run over as many pages as it needs, at a readable size', () => {
    // 24 periods × 50 rows: 1,200 log rows would be unreadable shrunk onto one page.
    for (const id of ['activity', 'satisfaction'] as const)
      expect(plan(id, 'en', 24, 50).print.fitToHeight, id).toBe(0);
  });
});

describe('printPlan on hand-made sheets', () => {
  const header = (text: string): PlanCell => ({ value: text, role: 'header' });
  const body: PlanCell = { value: 1, role: 'body' };
  /** `rows` rows × `widths.length` columns: a header row 2, body below. */
  function sheet(widths: number[], rows: number) {
    const cells = Array.from({ length: rows }, (_, r) =>
      widths.map((_, c) => (r === 1 ? header(`H${c}`) : r > 1 ? body : null)),
    );
    return { cells, columnWidths: widths, rowHeights: [], merges: [], charts: [] };
  }

  it('prints a sheet narrower than a portrait page upright, one page tall when it fits', () => {
    const print = printPlan(sheet([200, 200, 200], 30));
    expect(print).toMatchObject({ orientation: 'portrait', fitToHeight: 1, printArea: 'A1:C30' });
    expect(print.titleRows).toBe('2:2');
  });

  it('turns a sheet one pixel wider than a portrait page', () => {
    expect(printPlan(sheet([697, 1], 10)).orientation).toBe('landscape');
    expect(printPlan(sheet([697], 10)).orientation).toBe('portrait');
  });

  it('lets 300 rows (6,000 px, over six portrait pages) run on over several pages', () => {
    expect(printPlan(sheet([200, 200], 300)).fitToHeight).toBe(0);
  });

  it('takes in a chart right of and below the grid, and a merge beyond it', () => {
    const withChart = {
      ...sheet([100, 100], 5),
      charts: [
        {
          type: 'line' as const,
          title: 'T',
          categories: 'A3:A5',
          series: [{ name: 'S', values: 'B3:B5' }],
          // D is a default 64 px column: D–H are 5 × 64 = 320 px; 170 px over 17 px rows is rows 4–13.
          anchor: 'D4',
          width: 300,
          height: 170,
        },
      ],
    };
    expect(printPlan(withChart).printArea).toBe('A1:H13');
    expect(printPlan({ ...sheet([100], 3), merges: ['A1:E1'] }).printArea).toBe('A1:E3');
  });

  it('repeats both rows of a two-row header, and nothing when there is no table', () => {
    const twoRows = sheet([100, 100], 8);
    twoRows.cells[2] = [header('a'), header('b')];
    expect(printPlan(twoRows).titleRows).toBe('2:3');
    const plain = { ...sheet([100], 4), cells: [[body], [body], [body], [body]] };
    expect(printPlan(plain).titleRows).toBeNull();
  });
});

// Exported .xlsx files carry each plan chart as a real chart part: type, title, series, ranges, cached values, axis formats, placement.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sheetRangeFormula } from '../../cli/xlsx-chart-parts';
import { addPlanCharts } from '../../cli/xlsx-charts';
import { addPlanSheet, planToXlsx } from '../../cli/xlsx-writer';
import { columnName, parseCell, parseRange } from '../../core/templates/a1';
import { buildPlan } from '../../core/templates/index';
import type { SheetPlan } from '../../core/templates/plan';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../../core/templates/options';
import { readSheetValues } from '../support/xlsx-values';
import { XlsxPackage } from './xlsx-package-charts';

/** CT_Worksheet's children in the order ECMA-376 Part 1 (18.3.1.99) requires. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function plan(id: TemplateId, lang: Lang, currency?: string): SheetPlan {
  return built(id, lang, currency).plan;
}

/** The plan and the data sheet it reads (the pipeline's example deals), as the CLI writes them. */
function built(id: TemplateId, lang: Lang, currency?: string) {
  const result = buildPlan(
    id,
    { lang, mode: 'portable', ...(currency ? { currency } : {}) },
    {},
    { functionPrefix: 'KPI.' },
  );
  if (!result.ok) throw new Error(`${id}/${lang}: ${JSON.stringify(result.errors)}`);
  return result;
}

/** "B5:G5" on sheet "Lead funnel" as "'Lead funnel'!$B$5:$G$5", written out independently of the writer. */
function absolute(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
}

/** The number format of the top-left cell of a plan range. */
function formatAt(p: SheetPlan, range: string): string | undefined {
  const { row1, col1 } = parseRange(range);
  return p.cells[row1]![col1]?.format;
}

function expectWorksheetOrder(children: readonly string[]): void {
  const positions = children.map((name) => WORKSHEET_ORDER.indexOf(name));
  expect(positions, children.join(',')).not.toContain(-1);
  expect(positions, children.join(',')).toEqual([...positions].sort((a, b) => a - b));
}

const cases = TEMPLATE_IDS.flatMap((id) =>
  LANGS.map((lang) => [`${id} (${lang})`, id, lang] as const),
);

describe('charts in exported .xlsx files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-charts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('three templates have charts to check (the loop below is not vacuous)', () => {
    const withCharts = TEMPLATE_IDS.filter((id) => plan(id, 'en').charts.length > 0);
    expect(withCharts.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)(
    '%s: every plan chart is a chart part with its type, title, series, ranges and formats',
    async (_, id, lang) => {
      const { plan: p, dataSheet } = built(id, lang);
      const xlsx = await planToXlsx(p, dataSheet);
      const pkg = await XlsxPackage.open(xlsx);
      const found = await pkg.charts(p.sheetName);
      expectWorksheetOrder(found.worksheetChildren);
      expect(found.charts).toHaveLength(p.charts.length);
      // Every part of the package is well-formed XML (XlsxPackage.xml parses strictly).
      for (const path of pkg.paths().filter((f) => /\.(xml|rels)$/.test(f))) await pkg.xml(path);
      if (p.charts.length === 0) {
        expect(found.worksheetChildren).not.toContain('drawing');
        return;
      }

      const file = join(dir, `${id}-${lang}.xlsx`);
      writeFileSync(file, xlsx);
      // From the XML: ExcelJS reads a cached 0 back as no value. The plan's sheet is the last.
      const cells = (await readSheetValues(file)).at(-1)!;
      // The placeholder text of earlier versions is gone from the sheet.
      for (const value of cells.values())
        expect(String(value)).not.toMatch(/goes here|tulee tähän/);

      p.charts.forEach((chart, i) => {
        const written = found.charts[i]!;
        expect(written.type).toBe({ line: 'line', column: 'col', bar: 'bar' }[chart.type]);
        expect(written.title).toBe(chart.title);
        expect(written.series.map((s) => s.name)).toEqual(chart.series.map((s) => s.name));
        const anchor = parseCell(chart.anchor);
        expect(written.from).toEqual({ col: anchor.col, row: anchor.row });
        expect(written.size).toEqual({ cx: chart.width * 9525, cy: chart.height * 9525 });

        const valueFormat = formatAt(p, chart.series[0]!.values);
        expect(valueFormat).toBeDefined();
        expect(written.valueAxisFormat).toEqual({ code: valueFormat, sourceLinked: '0' });
        chart.series.forEach((s, j) => {
          const series = written.series[j]!;
          expect(series.categories).toBe(absolute(p.sheetName, chart.categories));
          expect(series.values).toBe(absolute(p.sheetName, s.values));
          expect(series.valuesFormat).toBe(formatAt(p, s.values));
          // The cache holds what the sheet's cells hold, so a viewer that does not recalculate draws the same chart.
          const { row1, col1, row2, col2 } = parseRange(s.values);
          const addresses: string[] = [];
          for (let r = row1; r <= row2; r++)
            for (let c = col1; c <= col2; c++) addresses.push(`${columnName(c)}${r + 1}`);
          expect(series.pointCount).toBe(addresses.length);
          addresses.forEach((address, k) => {
            const value = cells.get(address);
            if (typeof value === 'number') expect(series.cached.get(k), address).toBe(value);
            else expect(series.cached.has(k), address).toBe(false);
          });
          expect(series.cached.size).toBeGreaterThan(0);
        });
      });

      // A sheet with notes also links its comments; the drawing is the one of type drawing.
      const drawings = [...(await pkg.relationships(found.worksheetPath)).values()].filter(
        (r) => r.type === 'drawing',
      );
      expect(drawings).toHaveLength(1);
      const drawing = drawings[0]!;
      expect(await pkg.contentType(drawing.target)).toBe(
        'application/vnd.openxmlformats-officedocument.drawing+xml',
      );
      for (const chart of found.charts)
        expect(await pkg.contentType(chart.path)).toBe(
          'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
        );
    },
  );

  it('the value axis shows the sheet currency (dashboard in US dollars and in euros)', async () => {
    const dollars = await XlsxPackage.open(await planToXlsx(plan('dashboard', 'en', 'USD')));
    const euros = await XlsxPackage.open(await planToXlsx(plan('dashboard', 'fi', 'EUR')));
    const [usd] = (await dollars.charts(plan('dashboard', 'en').sheetName)).charts;
    const [eur] = (await euros.charts(plan('dashboard', 'fi').sheetName)).charts;
    expect(usd!.valueAxisFormat?.code).toBe('"$"#,##0');
    expect(eur!.valueAxisFormat?.code).toBe('#,##0 "€"');
    // Months along the category axis, not serial numbers, named in the sheet's language.
    expect(usd!.categoryAxisFormat).toEqual({ code: '[$-409]mmm yyyy', sourceLinked: '0' });
    expect(eur!.categoryAxisFormat).toEqual({ code: '[$-40B]mmm yyyy', sourceLinked: '0' });
  });

  it('funnel: hand-checked ranges, quoted sheet name', async () => {
    const p = { ...plan('funnel', 'en'), sheetName: "Rep's funnel" };
    const pkg = await XlsxPackage.open(await planToXlsx(p));
    const [chart] = (await pkg.charts("Rep's funnel")).charts;
    expect(chart!.series[0]!.categories).toBe("'Rep''s funnel'!$B$5:$G$5");
    expect(chart!.series[0]!.values).toBe("'Rep''s funnel'!$B$18:$G$18");
    expect(sheetRangeFormula('A', 'C7')).toBe("'A'!$C$7");
  });

  it('charts go on the plan sheet named "(2)", after print settings and before notes', async () => {
    const p = plan('funnel', 'fi');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(p.sheetName).getCell('A1').value = 'taken';
    const withNote: SheetPlan = {
      ...p,
      cells: p.cells.map((row, r) =>
        r === 0 ? [{ ...row[0], value: p.sheetName, note: 'A note' }, ...row.slice(1)] : row,
      ),
    };
    const sheet = await addPlanSheet(workbook, withNote);
    expect(sheet.name).toBe(`${p.sheetName} (2)`);
    sheet.headerFooter.oddFooter = '&P';
    sheet.getRow(20).addPageBreak();
    const xlsx = await addPlanCharts(Buffer.from(await workbook.xlsx.writeBuffer()), [
      { sheetName: sheet.name, plan: withNote },
    ]);
    const pkg = await XlsxPackage.open(xlsx);
    expect((await pkg.charts(p.sheetName)).charts).toHaveLength(0);
    const found = await pkg.charts(sheet.name);
    expect(found.charts).toHaveLength(1);
    expect(found.charts[0]!.series[0]!.values).toBe(`'${p.sheetName} (2)'!$B$18:$G$18`);
    expect(found.worksheetChildren).toEqual(
      expect.arrayContaining(['headerFooter', 'rowBreaks', 'drawing', 'legacyDrawing']),
    );
    expectWorksheetOrder(found.worksheetChildren);
  });
});

// LibreOffice keeps every chart of an exported file when it saves it again, and draws each one in its PDF.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanSheet, planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import type { SheetPlan } from '../../core/templates/plan';
import { LANGS, TEMPLATE_IDS } from '../../core/templates/options';
import { convertInLibreOffice, findExecutable, findSoffice } from '../support/libreoffice';
import { XlsxPackage, type PackageChart } from './xlsx-package-charts';

const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');
const soffice = findSoffice();
const pdftotext = findExecutable('pdftotext');
const pdftoppm = findExecutable('pdftoppm');
const missing = [
  soffice ? '' : 'soffice (LibreOffice)',
  pdftotext && pdftoppm ? '' : 'pdftotext/pdftoppm (poppler-utils)',
].filter((m) => m !== '');
if (missing.length > 0)
  console.warn(`xlsx-charts-libreoffice.test.ts skipped: ${missing.join(' and ')} not on the PATH`);

interface Export {
  name: string;
  plan: SheetPlan;
  file: string;
  charts: PackageChart[];
  saved: string;
  pdf: string;
}

function planOf(id: (typeof TEMPLATE_IDS)[number], lang: (typeof LANGS)[number]): SheetPlan {
  const built = buildPlan(id, { lang, mode: 'portable' }, {}, { functionPrefix: 'KPI.' });
  if (!built.ok) throw new Error(`${id}/${lang}: ${JSON.stringify(built.errors)}`);
  return built.plan;
}

/** Format codes as LibreOffice rewrites them: `"$"#,##0` comes back as `\$#,##0`, `mmm yyyy` as `mmm\ yyyy`. */
const sameFormat = (code: string | undefined) => code?.replace(/\\(.)/g, '$1').replace(/"/g, '');

/** "'Lead funnel'!$B$5" and "Liidisuppilo!$B$5" as the same kind of text: LibreOffice quotes a sheet name only when it must. */
const sameRange = (ref: string) =>
  ref.replace(/^'((?:[^']|'')*)'!/, (_, name: string) => `${name.replace(/''/g, "'")}!`);

const countOf = (text: string, part: string) => text.split(part).length - 1;
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** How many pixels of the PDF's pages, rendered at 50 dpi, have each colour (±4 per channel). */
function pixelCounts(pdf: string, colours: readonly string[], dir: string): Map<string, number> {
  const out = mkdtempSync(join(dir, 'pages-'));
  // Without anti-aliasing, text and edges add no blended colours: only what is painted counts.
  execFileSync(pdftoppm!, ['-r', '50', '-aa', 'no', '-aaVector', 'no', pdf, join(out, 'page')]);
  const counts = new Map(colours.map((c) => [c, 0]));
  const targets = colours.map((c) => [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16)));
  for (const page of readdirSync(out)) {
    const data = readFileSync(join(out, page));
    // P6 header: "P6\n<width> <height>\n255\n", then RGB bytes.
    const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
    for (let i = header[0].length; i + 2 < data.length; i += 3)
      targets.forEach(([r, g, b], k) => {
        if (
          Math.abs(data[i]! - r!) <= 4 &&
          Math.abs(data[i + 1]! - g!) <= 4 &&
          Math.abs(data[i + 2]! - b!) <= 4
        )
          counts.set(colours[k]!, counts.get(colours[k]!)! + 1);
      });
  }
  return counts;
}

describe.skipIf(missing.length > 0)('LibreOffice opens the exported charts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-lo-charts-'));
  const exports: Export[] = [];
  /** The dashboard written without its chart parts: shows the PDF checks can fail. */
  let control = { plan: planOf('dashboard', 'en'), pdf: '' };

  beforeAll(async () => {
    for (const id of TEMPLATE_IDS)
      for (const lang of LANGS) {
        const plan = planOf(id, lang);
        if (plan.charts.length === 0) continue;
        const name = `${id}-${lang}`;
        const file = join(dir, `${name}.xlsx`);
        const xlsx = await planToXlsx(plan);
        writeFileSync(file, xlsx);
        const { charts } = await (await XlsxPackage.open(xlsx)).charts(plan.sheetName);
        exports.push({ name, plan, file, charts, saved: '', pdf: '' });
      }
    const workbook = new ExcelJS.Workbook();
    await addPlanSheet(workbook, control.plan);
    const controlFile = join(dir, 'dashboard-en-without-charts.xlsx');
    writeFileSync(controlFile, Buffer.from(await workbook.xlsx.writeBuffer()));

    const files = [...exports.map((e) => e.file), controlFile];
    // Two LibreOffice runs, each over every file, side by side (separate profiles).
    const [saved, pdfs] = await Promise.all([
      convertInLibreOffice(soffice!, files, join(dir, 'saved'), 'xlsx', 240_000),
      convertInLibreOffice(soffice!, files, join(dir, 'pdf'), 'pdf', 240_000),
    ]);
    exports.forEach((e, i) => Object.assign(e, { saved: saved[i], pdf: pdfs[i] }));
    control = { ...control, pdf: pdfs[pdfs.length - 1]! };
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports charts of several templates in both languages', () => {
    expect(exports.length).toBeGreaterThanOrEqual(6);
    for (const e of exports) expect(e.charts).toHaveLength(e.plan.charts.length);
  });

  it('saving the file again in LibreOffice keeps every chart: type, title, series, ranges, axis format', async () => {
    for (const e of exports) {
      const again = await (await XlsxPackage.open(readFileSync(e.saved))).charts(e.plan.sheetName);
      expect(e.charts.length, e.name).toBe(e.plan.charts.length);
      expect(again.charts.length, e.name).toBe(e.charts.length);
      e.charts.forEach((chart, i) => {
        const kept = again.charts[i]!;
        expect(kept.type, e.name).toBe(chart.type);
        expect(kept.title, e.name).toBe(chart.title);
        const described = (s: PackageChart['series'][number]) => [
          s.name,
          sameRange(s.categories),
          sameRange(s.values),
        ];
        expect(kept.series.map(described), e.name).toEqual(chart.series.map(described));
        expect(sameFormat(kept.valueAxisFormat?.code), e.name).toBe(
          sameFormat(chart.valueAxisFormat?.code),
        );
      });
    }
  });

  it("the PDF draws each chart: its title and every series' colour", () => {
    const pixels = (pdf: string, colours: readonly string[]) => pixelCounts(pdf, colours, dir);
    const cellTexts = (plan: SheetPlan) =>
      oneLine(
        plan.cells
          .flat()
          .map((cell) => (typeof cell?.value === 'string' ? cell.value : ''))
          .join('\n'),
      );
    for (const e of exports) {
      const text = oneLine(execFileSync(pdftotext!, ['-enc', 'UTF-8', e.pdf, '-']).toString());
      for (const chart of e.plan.charts) {
        // The sheet's cells may hold the title too; the chart adds one more.
        expect(countOf(text, chart.title), `${e.name}: ${chart.title}`).toBeGreaterThan(
          countOf(cellTexts(e.plan), chart.title),
        );
      }
      const colours = e.charts.flatMap((c) => c.series.map((s) => s.colour!));
      for (const [colour, count] of pixels(e.pdf, colours))
        // At 50 dpi a 2.25 pt line across the chart paints about 700 pixels; the shortest columns
        // (a series of ~50 on an axis up to ~1,200) a few dozen. A chart left out paints none.
        expect(count, `${e.name}: pixels of #${colour}`).toBeGreaterThan(20);
    }

    const controlText = oneLine(
      execFileSync(pdftotext!, ['-enc', 'UTF-8', control.pdf, '-']).toString(),
    );
    const title = control.plan.charts[0]!.title;
    expect(countOf(controlText, title)).toBeLessThanOrEqual(
      countOf(cellTexts(control.plan), title),
    );
    const dashboard = exports.find((e) => e.name === 'dashboard-en')!;
    const controlColours = dashboard.charts[0]!.series.map((s) => s.colour!);
    for (const [colour, count] of pixels(control.pdf, controlColours))
      expect(count, `control: pixels of #${colour}`).toBe(0);

    // A page to look at: the English dashboard as LibreOffice prints it.
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync(pdftoppm!, [
      '-r',
      '80',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      dashboard.pdf,
      join(ARTIFACTS, 'xlsx-chart-dashboard-en'),
    ]);
  });
});

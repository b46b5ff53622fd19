// LibreOffice prints the exported scorecard and ROI calculator on one page each, and never splits a wide sheet's columns over pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import type { Lang, TemplateId } from '../../core/templates/options';
import type { SheetPlan } from '../../core/templates/plan';
import { convertInLibreOffice, findExecutable, findSoffice } from '../support/libreoffice';

const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');
const soffice = findSoffice();
const pdfinfo = findExecutable('pdfinfo');
const pdftotext = findExecutable('pdftotext');
const pdftoppm = findExecutable('pdftoppm');
const missing = [
  soffice ? '' : 'soffice (LibreOffice)',
  pdfinfo && pdftotext && pdftoppm ? '' : 'pdfinfo/pdftotext/pdftoppm (poppler-utils)',
].filter((m) => m !== '');
if (missing.length > 0)
  console.warn(`libreoffice-print.test.ts skipped: ${missing.join(' and ')} not on the PATH`);

interface Printed {
  name: string;
  plan: SheetPlan;
  pdf: string;
  /** The same sheet printed at 100%, not fitted to the page: its text measures the scale. */
  unscaledPdf?: string;
}

/** The sheets whose print scale is measured: a wide and a narrow one, each in both languages. */
const MEASURED = ['scorecard-en', 'scorecard-fi', 'roi-en', 'roi-fi'];
/**
 * The least print scale that keeps 11 pt text legible on paper (about 6.6 pt). LibreOffice
 * measures an .xlsx file's column widths in digits of its default font, Calibri 11 (7 px). Where
 * neither Calibri nor its metric twin Carlito is installed it counts a stand-in's wider digits
 * (DejaVu Sans, a third wider), so every column, and the page it must fit, grows by that much:
 * 60% in Calibri's metrics prints at 45% there. Before the scorecard's names and sources
 * wrapped it printed at 41% (32% without Calibri).
 */
const calibriMetrics = /Calibri|Carlito/i.test(
  findExecutable('fc-match') ? execFileSync('fc-match', ['Calibri']).toString() : '',
);
const LEGIBLE_SCALE = calibriMetrics ? 0.6 : 0.45;

/** What is printed: the two one-page templates, and wide and long sheets at their largest. */
const SHEETS: { id: TemplateId; lang: Lang; periods?: number; rows?: number }[] = [
  { id: 'scorecard', lang: 'en' },
  { id: 'scorecard', lang: 'fi' },
  { id: 'roi', lang: 'en' },
  { id: 'roi', lang: 'fi' },
  { id: 'funnel', lang: 'en', periods: 24 },
  { id: 'dashboard', lang: 'en', periods: 24 },
  { id: 'dashboard', lang: 'fi', periods: 24 },
  { id: 'email', lang: 'fi', rows: 50 },
  { id: 'renewals', lang: 'en', periods: 24 },
  { id: 'satisfaction', lang: 'fi', periods: 24, rows: 5 },
  { id: 'activity', lang: 'en', periods: 12, rows: 50 },
];

function pageCount(pdf: string): number {
  const info = execFileSync(pdfinfo!, [pdf]).toString();
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

function pageText(pdf: string, page: number): string {
  const text = execFileSync(pdftotext!, [
    '-enc',
    'UTF-8',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    pdf,
    '-',
  ]);
  return text.toString().replace(/\s+/g, ' ');
}

/** The first and last header texts of the repeated header row: the table's outermost columns. */
function outermostHeaders(plan: SheetPlan): [string, string] {
  const row = Number(plan.print.titleRows!.split(':')[0]) - 1;
  const headers = plan.cells[row]!.filter((cell) => cell?.role === 'header').map((c) =>
    String(c!.value),
  );
  return [headers[0]!, headers[headers.length - 1]!];
}

/** The height of the first word `word` on page 1, in points, as poppler boxes it. */
function wordHeight(pdf: string, word: string): number {
  const boxes = execFileSync(pdftotext!, ['-bbox', '-f', '1', '-l', '1', pdf, '-']).toString();
  for (const m of boxes.matchAll(
    /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g,
  ))
    if (m[3] === word) return Number(m[2]) - Number(m[1]);
  throw new Error(`"${word}" is not on page 1 of ${pdf}`);
}

/**
 * How large LibreOffice printed a sheet: the height of the example line's first word (11 pt
 * bold, "Example") against the same word printed at 100%, so the fonts LibreOffice picks do
 * not matter.
 */
function printScale(p: Printed): number {
  const line = p.plan.cells[2]![0]!;
  expect(line.role).toBe('example');
  const word = String(line.value).split(/\s+/)[0]!;
  return wordHeight(p.pdf, word) / wordHeight(p.unscaledPdf!, word);
}

/** A header's first word: always on its first line, even where LibreOffice cuts a wrapped header short. */
const firstWord = (text: string) => text.split(/\s+/)[0]!;

describe.skipIf(missing.length > 0)('LibreOffice prints the exported templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-lo-print-'));
  const printed: Printed[] = [];
  const find = (name: string) => printed.find((p) => p.name === name)!;

  beforeAll(async () => {
    const files: string[] = [];
    for (const { id, lang, periods, rows } of SHEETS) {
      const built = buildPlan(id, { lang, periods, rows }, {}, { functionPrefix: 'KPI.' });
      if (!built.ok) throw new Error(`${id}/${lang}: ${JSON.stringify(built.errors)}`);
      const name = `${id}-${lang}${periods ? `-${periods}p` : ''}${rows ? `-${rows}r` : ''}`;
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await planToXlsx(built.plan));
      files.push(file);
      printed.push({ name, plan: built.plan, pdf: '' });
    }
    // The same files without "fit to page": printed at their pageSetup scale, 100%.
    const unscaled = MEASURED.map((name) => ({ name, file: join(dir, `${name}-unscaled.xlsx`) }));
    for (const u of unscaled) {
      const zip = await JSZip.loadAsync(await planToXlsx(find(u.name).plan));
      const path = 'xl/worksheets/sheet1.xml';
      const sheet = await zip.file(path)!.async('string');
      expect(sheet).toContain('scale="100"');
      zip.file(path, sheet.replace('<pageSetUpPr fitToPage="1"/>', '<pageSetUpPr fitToPage="0"/>'));
      writeFileSync(u.file, await zip.generateAsync({ type: 'nodebuffer' }));
    }
    // One LibreOffice run for every file: its start-up takes seconds.
    const pdfs = await convertInLibreOffice(
      soffice!,
      [...files, ...unscaled.map((u) => u.file)],
      join(dir, 'pdf'),
      'pdf',
      240_000,
    );
    printed.forEach((p, i) => (p.pdf = pdfs[i]!));
    unscaled.forEach((u, i) => (find(u.name).unscaledPdf = pdfs[files.length + i]!));
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['scorecard-en', 'scorecard-fi', 'roi-en', 'roi-fi'])('%s is one page', (name) => {
    expect(pageCount(find(name).pdf)).toBe(1);
  });

  it.each(MEASURED)('%s prints its text large enough to read', (name) => {
    const scale = printScale(find(name));
    expect(scale, `${name} printed at ${(scale * 100).toFixed(0)}%`).toBeGreaterThanOrEqual(
      LEGIBLE_SCALE,
    );
    expect(scale).toBeLessThanOrEqual(1.01);
  });

  // LibreOffice here speaks English: months in its own language would read "Jan 2025".
  it('names the Finnish dashboard’s months in Finnish, in the table and on the chart axis', () => {
    const text = pageText(find('dashboard-fi-24p').pdf, 1);
    const finnish =
      text.match(
        /\b(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu) 20\d\d\b/g,
      ) ?? [];
    // 24 months in the table, and the chart's axis labels after them.
    expect(finnish.length).toBeGreaterThan(24);
    expect(text).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* 20\d\d\b/);
  });

  it('prints every page with all of the table’s columns, its header repeated on each page', () => {
    const multiPage: string[] = [];
    for (const p of printed) {
      const pages = pageCount(p.pdf);
      if (pages > 1) multiPage.push(p.name);
      const [left, right] = outermostHeaders(p.plan).map(firstWord);
      for (let page = 1; page <= pages; page++) {
        const text = pageText(p.pdf, page);
        expect(text, `${p.name}, page ${page}: first column`).toContain(left);
        expect(text, `${p.name}, page ${page}: last column`).toContain(right);
      }
    }
    // The long sheets do run over several pages: the repeated header is really tested.
    expect(multiPage).toEqual(
      expect.arrayContaining(['satisfaction-fi-24p-5r', 'activity-en-12p-50r']),
    );
  });

  it('saves pages to look at: the scorecard, the Finnish dashboard, a continued page', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots: [string, number, string][] = [
      ['scorecard-en', 1, 'print-scorecard-en'],
      ['dashboard-fi-24p', 1, 'print-dashboard-fi'],
      ['activity-en-12p-50r', 2, 'print-activity-en-page-2'],
    ];
    for (const [name, page, file] of shots) {
      const out = join(ARTIFACTS, file);
      execFileSync(pdftoppm!, [
        '-r',
        '100',
        '-png',
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        '-singlefile',
        find(name).pdf,
        out,
      ]);
      expect(statSync(`${out}.png`).size, file).toBeGreaterThan(10_000);
    }
  });
});

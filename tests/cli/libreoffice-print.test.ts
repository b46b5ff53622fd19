// LibreOffice prints the exported scorecard and ROI calculator on one page each, and never splits a wide sheet's columns over pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
}

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

/** A header's first word: always on its first line, even where LibreOffice cuts a wrapped header short. */
const firstWord = (text: string) => text.split(/\s+/)[0]!;

describe.skipIf(missing.length > 0)('LibreOffice prints the exported templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-lo-print-'));
  const printed: Printed[] = [];

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
    // One LibreOffice run for every file: its start-up takes seconds.
    const pdfs = await convertInLibreOffice(soffice!, files, join(dir, 'pdf'), 'pdf', 240_000);
    printed.forEach((p, i) => (p.pdf = pdfs[i]!));
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const find = (name: string) => printed.find((p) => p.name === name)!;

  it.each(['scorecard-en', 'scorecard-fi', 'roi-en', 'roi-fi'])('%s is one page', (name) => {
    expect(pageCount(find(name).pdf)).toBe(1);
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

// Bench section: the pipeline analysis over 100,000 imported deals recalculated by LibreOffice (the CLI's .xlsx), and by HyperFormula: no error cells, totals equal to a plain loop over the generated deals.
//
// Too slow for `npm test` on this machine (LibreOffice alone takes minutes for the whole-column
// COUNTIFS over 100,000 rows), so it runs here, once per `npm run bench`, one soffice call.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../cli/main';
import { importDeals, planImport } from '../../core/import/index';
import { evaluateWithHyperFormula } from '../../tests/support/hyperformula-plan';
import { findSoffice, recalculateInLibreOffice } from '../../tests/support/libreoffice';
import type { EngineValue } from '../../tests/support/template-inputs';
import { readSheetValues } from '../../tests/support/xlsx-values';
import { hubspotExport, type GeneratedDeal } from './crm-export';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

const DEALS = 100_000;
/** The analysis's months end before this one, so every generated deal (2024–2027) falls in them or before. */
const MONTH = '2027-06';
const LIBREOFFICE_TIMEOUT_MS = 20 * 60_000;
/** The analysis's summary lies within columns A–Z. */
const MAX_COLUMNS = 26;

/** The "All deals" figures, worked out by a plain loop over the deals as generated. */
function expectedSummary(deals: readonly GeneratedDeal[]): Record<string, number> {
  const day = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
    86_400_000;
  let won = 0;
  let lost = 0;
  let revenue = 0;
  let pipeline = 0;
  let cycleDays = 0;
  for (const deal of deals) {
    if (deal.outcome === 'won') {
      won++;
      revenue += deal.amount;
      cycleDays += day(deal.closed) - day(deal.created);
    } else if (deal.outcome === 'lost') lost++;
    else pipeline += deal.amount;
  }
  return {
    'Deals created': deals.length,
    Won: won,
    Lost: lost,
    Open: deals.length - won - lost,
    'Win rate': won / (won + lost),
    'Revenue won': revenue,
    'Open pipeline value': pipeline,
    'Average deal size': revenue / won,
    'Average sales cycle': cycleDays / won,
  };
}

/** The "All deals" row of an analysis grid, each figure by the header above it. */
function summaryOf(value: (row: number, column: number) => EngineValue, size: number) {
  for (let row = 1; row < size; row++)
    for (let column = 0; column < MAX_COLUMNS; column++)
      if (value(row, column) === 'All deals') {
        const figures: Record<string, EngineValue> = {};
        for (let c = column + 1; c < MAX_COLUMNS; c++) {
          const header = value(row - 1, c);
          if (typeof header === 'string') figures[header] = value(row, c);
        }
        return figures;
      }
  return null;
}

/** The figures that differ from the plain loop's (relative 1e-9), as "name: got vs expected". */
function differences(
  got: Record<string, EngineValue> | null,
  expected: Record<string, number>,
): string[] {
  if (!got) return ['no "All deals" row'];
  return Object.entries(expected)
    .filter(([name, want]) => {
      const value = got[name];
      return typeof value !== 'number' || Math.abs(value - want) > 1e-9 * Math.max(1, want);
    })
    .map(([name, want]) => `${name}: ${JSON.stringify(got[name])} vs ${want}`);
}

const isError = (value: EngineValue) => typeof value === 'object' && value !== null;

function hyperFormula(csv: string) {
  const imported = importDeals(new TextEncoder().encode(csv));
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.error)}`);
  const planned = planImport(
    imported.value,
    { options: {}, fileName: 'deals.csv', replace: false, withAnalysis: true },
    { lang: 'en', currency: 'EUR', startMonth: MONTH },
    { functionPrefix: '' },
  );
  if (!planned.ok || !planned.request.analysis) throw new Error('pipeline plan refused');
  const started = performance.now();
  const grid = evaluateWithHyperFormula(planned.request.analysis, planned.request.dataSheet);
  return {
    seconds: (performance.now() - started) / 1000,
    errors: grid.flat().filter(isError).length,
    summary: summaryOf((r, c) => grid[r]?.[c] ?? null, grid.length),
  };
}

async function libreOffice(dir: string, file: string, soffice: string) {
  const out = join(dir, 'pipeline.xlsx');
  const code = await runCli(
    ['export', 'pipeline', '--data', file, '--out', out],
    { out: () => undefined, err: () => undefined },
    { lang: 'en', month: MONTH },
  );
  if (code !== 0) throw new Error(`sales-kpi export pipeline --data: exit ${code}`);
  const started = performance.now();
  const [recalculated] = await recalculateInLibreOffice(
    soffice,
    [out],
    join(dir, 'recalculated'),
    LIBREOFFICE_TIMEOUT_MS,
  );
  const seconds = (performance.now() - started) / 1000;
  const sheets = await readSheetValues(recalculated!);
  const analysis = sheets[1] ?? new Map<string, EngineValue>();
  const letter = (c: number) => String.fromCharCode(65 + c);
  return {
    seconds,
    errors: sheets.reduce((n, sheet) => n + [...sheet.values()].filter(isError).length, 0),
    summary: summaryOf((r, c) => analysis.get(`${letter(c)}${r + 1}`) ?? null, 200),
  };
}

async function run(): Promise<SectionReport> {
  const dir = await mkdtemp(join(tmpdir(), 'kpi-bench-pipeline-'));
  try {
    const { csv, deals } = hubspotExport(DEALS);
    const file = join(dir, 'deals.csv');
    await writeFile(file, csv);
    const expected = expectedSummary(deals);
    const engines: { name: string; seconds: number; errors: number; wrong: string[] }[] = [];
    const lines: string[] = [];
    const soffice = findSoffice();
    if (soffice) {
      const lo = await libreOffice(dir, file, soffice);
      engines.push({
        name: `LibreOffice (CLI .xlsx, ${DEALS.toLocaleString('en')} deals)`,
        ...lo,
        wrong: differences(lo.summary, expected),
      });
    } else lines.push('LibreOffice skipped: soffice is not on the PATH');
    const hf = hyperFormula(csv);
    engines.push({
      name: `HyperFormula (${DEALS.toLocaleString('en')} deals)`,
      ...hf,
      wrong: differences(hf.summary, expected),
    });
    lines.push(
      ...renderTable(
        ['engine', 'recalculation s', 'error cells', 'totals as the plain loop'],
        engines.map((e) => [
          e.name,
          e.seconds.toFixed(0),
          String(e.errors),
          e.wrong.length === 0 ? 'equal' : e.wrong.join('; '),
        ]),
        [false, true, true, false],
      ),
    );
    const checks: BudgetCheck[] = engines.map((e) => ({
      label: `pipeline in ${e.name}: error cells, totals`,
      actual: `${e.errors} errors, ${e.wrong.length === 0 ? 'totals equal' : 'totals differ'}`,
      target: '0 errors, totals equal',
      pass: e.errors === 0 && e.wrong.length === 0,
    }));
    return { lines, checks };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const pipelineRecalculation: BenchSection = {
  title: 'Pipeline analysis over 100,000 deals: LibreOffice and HyperFormula',
  run,
};

// Bench sections: building each template's plan, and exporting all twelve templates to .xlsx files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planToXlsx } from '../../cli/xlsx-writer';
import { buildPlan } from '../../core/templates/index';
import {
  PERIODS_RANGE,
  ROWS_RANGE,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../core/templates/options';
import type { SheetPlan } from '../../core/templates/plan';
import { median } from './measure';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

const MAX_PLAN_MS = 20;
const MAX_EXPORT_ALL_MS = 5000;
const WARMUPS = 5;
const REPETITIONS = 21;

/** The .xlsx target: functions mode names the functions KPI.NAME, as Excel does. */
const TARGET = { functionPrefix: 'KPI.' };

/** Default options, and the largest sheet the options allow (most periods and rows). */
const SIZES: readonly { label: string; options: TemplateOptionsInput }[] = [
  { label: 'default', options: {} },
  { label: 'largest', options: { periods: PERIODS_RANGE.max, rows: ROWS_RANGE.max } },
];

function plan(id: TemplateId, options: TemplateOptionsInput): SheetPlan {
  const built = buildPlan(id, options, {}, TARGET);
  if (!built.ok) throw new Error(`${id}: ${built.errors.map((e) => e.message).join('; ')}`);
  return built.plan;
}

/** Median and slowest build time of one template at one size, in milliseconds. */
function timeBuild(id: TemplateId, options: TemplateOptionsInput): { median: number; max: number } {
  let cells = 0;
  for (let i = 0; i < WARMUPS; i++) cells += plan(id, options).cells.length;
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = performance.now();
    cells += plan(id, options).cells.length;
    times.push(performance.now() - start);
  }
  if (cells === 0) throw new Error('bench built empty plans');
  return { median: median(times), max: Math.max(...times) };
}

const ms = (value: number) => value.toFixed(2);

function runPlanBuild(): SectionReport {
  const rows: string[][] = [];
  const checks: BudgetCheck[] = [];
  for (const id of TEMPLATE_IDS) {
    const timings = SIZES.map((size) => timeBuild(id, size.options));
    rows.push([id, ...timings.flatMap((t) => [ms(t.median), ms(t.max)])]);
    const slowest = Math.max(...timings.map((t) => t.median));
    checks.push({
      label: `${id} plan build (median, largest of default and ${PERIODS_RANGE.max} periods/${ROWS_RANGE.max} rows)`,
      actual: `${ms(slowest)} ms`,
      target: `< ${MAX_PLAN_MS} ms`,
      pass: slowest < MAX_PLAN_MS,
    });
  }
  const headers = [
    'template',
    ...SIZES.flatMap((s) => [`${s.label} median ms`, `${s.label} max ms`]),
  ];
  return {
    lines: renderTable(
      headers,
      rows,
      headers.map((_, i) => i > 0),
    ),
    checks,
  };
}

/** Builds and writes all twelve templates to files, one after the other, as one CLI-like run. */
async function runExportAll(): Promise<SectionReport> {
  const dir = await mkdtemp(join(tmpdir(), 'kpi-bench-xlsx-'));
  const rows: string[][] = [];
  try {
    const started = performance.now();
    for (const id of TEMPLATE_IDS) {
      const start = performance.now();
      const content = await planToXlsx(plan(id, {}));
      await writeFile(join(dir, `${id}.xlsx`), content);
      rows.push([id, ms(performance.now() - start), (content.length / 1024).toFixed(1)]);
    }
    const total = performance.now() - started;
    return {
      lines: renderTable(['template', 'build + export ms', 'KB'], rows, [false, true, true]),
      checks: [
        {
          label: `all ${TEMPLATE_IDS.length} templates exported to .xlsx in one process`,
          actual: `${(total / 1000).toFixed(2)} s`,
          target: `< ${MAX_EXPORT_ALL_MS / 1000} s`,
          pass: total < MAX_EXPORT_ALL_MS,
        },
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const templatePlanBuild: BenchSection = {
  title: 'Template plans: build time per template',
  run: runPlanBuild,
};

export const templateExport: BenchSection = {
  title: 'Templates to .xlsx: all twelve exported in one process',
  run: runExportAll,
};

// Run by crm-import.ts as `node --single-threaded --expose-gc --import tsx` this file <export.csv>: times read + map + plan of the export and measures the peak memory it takes; prints JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importDeals, planImport } from '../../core/import/index';
import { hubspotExport } from './crm-export';

/** One read + map + plan: CPU and wall milliseconds of each part. */
export interface ImportRun {
  readCpuMs: number;
  planCpuMs: number;
  readWallMs: number;
  planWallMs: number;
}

export interface ImportMeasurement {
  fileBytes: number;
  deals: number;
  /** The first import in a fresh process: its peak resident memory above the file already read. */
  peakGrowthBytes: number;
  /** What the result (deals and plans) keeps after a full collection, above the file. */
  retainedBytes: number;
  runs: ImportRun[];
}

const TIMED_RUNS = 3;
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) throw new Error('run with --expose-gc');

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Reads, maps and plans `bytes` as the sidebar does (default options, analysis included). */
function importAndPlan(bytes: Uint8Array): { run: ImportRun; keep: unknown; deals: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const imported = importDeals(bytes);
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.error)}`);
  const readCpuMs = cpuMs(cpu0);
  const wall1 = performance.now();
  const cpu1 = process.cpuUsage();
  const planned = planImport(
    imported.value,
    { options: {}, fileName: 'deals.csv', replace: false, withAnalysis: true },
    { lang: 'en', currency: 'EUR', startMonth: '2027-01' },
    { functionPrefix: 'KPI.' },
  );
  if (!planned.ok) throw new Error(planned.errors.map((error) => error.message).join(' '));
  const run = {
    readCpuMs,
    planCpuMs: cpuMs(cpu1),
    readWallMs: wall1 - wall0,
    planWallMs: performance.now() - wall1,
  };
  return { run, keep: [imported.value, planned.request], deals: imported.value.deals.length };
}

function measure(path: string): ImportMeasurement {
  // Warm the code on a small export, so the first measured import is not mostly compilation.
  const small = new TextEncoder().encode(hubspotExport(2_000, 3).csv);
  for (let i = 0; i < 3; i++) importAndPlan(small);
  const bytes = new Uint8Array(readFileSync(path));
  collectGarbage!();
  collectGarbage!();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const first = importAndPlan(bytes);
  // maxRSS is the process's peak so far: the warm-up stayed far below the large import's.
  const peakGrowthBytes = process.resourceUsage().maxRSS * 1024 - rssBefore;
  collectGarbage!();
  const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
  const runs = [first.run];
  // Each later run starts on a heap without the previous result, as the first did.
  const held: { result: unknown } = { result: first.keep };
  for (let i = 1; i < TIMED_RUNS; i++) {
    held.result = null;
    collectGarbage!();
    const next = importAndPlan(bytes);
    held.result = next.keep;
    runs.push(next.run);
  }
  return { fileBytes: bytes.length, deals: first.deals, peakGrowthBytes, retainedBytes, runs };
}

const path = process.argv[2];
if (path) console.log(JSON.stringify(measure(path)));

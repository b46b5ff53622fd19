// Bench section: KPI functions over large ranges through the hosts' entry point vs a plain loop.
//
// Method, chosen so the two sizes and the two contenders meet the same memory conditions:
// - One input of SAMPLE_ROWS rows per function is cut into slices; a sample is one pass over all
//   of it, as 20 calls of 100,000 rows or 2 calls of 1,000,000. Both sizes read the same row
//   arrays and allocate the same amount of output, and the data (far larger than the cache) is
//   never still cached from the previous identical call, so 100,000 rows are not favoured by
//   fitting in the cache or the young generation while 1,000,000 do not.
// - Each sample starts on a collected heap and an evicted cache; the collections its own
//   garbage causes during the sample are timed, as a host pays for them too.
// - Before any timing every function runs through both contenders, so the engine's shared code
//   is in the mixed state a host's is, whichever function is measured first; each function's
//   samples are then warmed up again at both sizes.
// - Rounds interleave the four samples (registry and plain loop, both sizes), rotating the
//   start; figures are medians over rounds, and ratio and growth are medians of same-round
//   quotients. Rounds are added while the middle half of a series spreads over MAX_SPREAD.
import { isKpiError } from '../../core/errors';
import { callFunction, getFunction } from '../../core/registry/index';
import type { KpiResult, ScalarResult } from '../../core/values';
import { sliceArgs } from './data';
import { FUNCTION_CASES, type FunctionCase } from './function-cases';
import { median, relativeSpread, timeRounds, type Sample } from './measure';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

const BASE_ROWS = 100_000;
const LARGE_ROWS = 1_000_000;
const SAMPLE_ROWS = 2 * LARGE_ROWS;
/** Registry time over plain-loop time at BASE_ROWS (the argument engine's overhead). */
const MAX_RATIO = 3;
/** Registry time at LARGE_ROWS over BASE_ROWS: 10 is linear, the rest is headroom for GC. */
const MAX_GROWTH = 12;
/** Calls per function and contender in the warm-up that puts the engine in its mixed state. */
const SHARED_WARMUP_CALLS = 30;
const WARMUP_ROWS = 10_000;
const ROUNDS = { warmups: 2, minRounds: 7, maxRounds: 15, maxSpread: 0.25 };

interface Series {
  /** Median milliseconds per call. */
  ms: number;
  spread: number;
}

interface CaseResult {
  registry: { base: Series; large: Series };
  plain: { base: Series; large: Series };
  ratio: number;
  growth: number;
  plainGrowth: number;
  stable: boolean;
  mismatch: string | null;
}

function sameScalar(a: ScalarResult | undefined, b: ScalarResult | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** The first element where the registry and the plain loop disagree, described, or null. */
function firstMismatch(registry: KpiResult, plain: KpiResult): string | null {
  const show = (v: ScalarResult | undefined) => (isKpiError(v) ? v.toString() : JSON.stringify(v));
  if (!Array.isArray(registry) || !Array.isArray(plain)) {
    const a = registry as ScalarResult;
    const b = plain as ScalarResult;
    return sameScalar(a, b) ? null : `registry ${show(a)}, plain ${show(b)}`;
  }
  if (registry.length !== plain.length)
    return `registry ${registry.length} rows, plain ${plain.length}`;
  for (let r = 0; r < registry.length; r++) {
    const a = registry[r]![0];
    const b = plain[r]![0];
    if (!sameScalar(a, b)) return `row ${r + 1}: registry ${show(a)}, plain ${show(b)}`;
  }
  return null;
}

/** Runs every function through both contenders, so no function meets a monomorphic engine. */
function warmUpEngine(cases: readonly FunctionCase[], keep: (result: unknown) => void): void {
  const inputs = cases.map((c) => c.inputs(WARMUP_ROWS));
  for (let i = 0; i < SHARED_WARMUP_CALLS; i++) {
    cases.forEach((c, k) => {
      keep(callFunction(c.name, inputs[k]!));
      keep(c.plain(inputs[k]!));
    });
  }
}

function series(times: readonly number[]): Series {
  return { ms: median(times), spread: relativeSpread(times) };
}

/** Median over rounds of `top[round] / bottom[round]`. */
function pairedQuotient(top: readonly number[], bottom: readonly number[]): number {
  return median(top.map((t, round) => t / bottom[round]!));
}

function measure(c: FunctionCase, keep: (result: unknown) => void): CaseResult {
  const inputs = c.inputs(SAMPLE_ROWS);
  const base = sliceArgs(inputs, BASE_ROWS);
  const large = sliceArgs(inputs, LARGE_ROWS);
  const mismatch =
    firstMismatch(callFunction(c.name, base[0]!), c.plain(base[0]!)) ??
    firstMismatch(callFunction(c.name, large[0]!), c.plain(large[0]!));
  const registrySample = (calls: unknown[][]): Sample =>
    calls.map((args) => () => callFunction(c.name, args));
  const plainSample = (calls: unknown[][]): Sample => calls.map((args) => () => c.plain(args));
  const { times, stable } = timeRounds(
    [registrySample(base), plainSample(base), registrySample(large), plainSample(large)],
    { ...ROUNDS, keep },
  );
  const [registryBase, plainBase, registryLarge, plainLarge] = times as [
    number[],
    number[],
    number[],
    number[],
  ];
  return {
    registry: { base: series(registryBase), large: series(registryLarge) },
    plain: { base: series(plainBase), large: series(plainLarge) },
    ratio: pairedQuotient(registryBase, plainBase),
    growth: pairedQuotient(registryLarge, registryBase),
    plainGrowth: pairedQuotient(plainLarge, plainBase),
    stable,
    mismatch,
  };
}

const ms = (s: Series) => `${s.ms.toFixed(1)} ±${Math.round(s.spread * 50)}%`;
const times = (value: number) => `${value.toFixed(2)}×`;
const perSecond = (rows: number, milliseconds: number) =>
  Math.round(rows / (milliseconds / 1000)).toLocaleString('en-US');

function run(): SectionReport {
  const lines: string[] = [];
  const checks: BudgetCheck[] = [];
  const rows: string[][] = [];
  let sink = 0;
  const keep = (result: unknown) => {
    sink += Array.isArray(result) ? result.length : 1;
  };
  const cases = FUNCTION_CASES.filter((c) => {
    if (getFunction(c.name)) return true;
    lines.push(`skipped: ${c.name} not in registry yet`);
    return false;
  });
  warmUpEngine(cases, keep);
  for (const c of cases) {
    const result = measure(c, keep);
    for (const [size, registry, plain] of [
      [BASE_ROWS, result.registry.base, result.plain.base],
      [LARGE_ROWS, result.registry.large, result.plain.large],
    ] as const) {
      rows.push([
        c.name,
        size.toLocaleString('en-US'),
        ms(registry),
        ms(plain),
        perSecond(size, registry.ms),
        size === BASE_ROWS ? times(result.ratio) : times(registry.ms / plain.ms),
        // The plain loop's own growth shows how much of it is memory and machine, not the engine.
        size === LARGE_ROWS ? `${times(result.growth)} (plain ${times(result.plainGrowth)})` : '',
      ]);
    }
    if (!result.stable) {
      lines.push(
        `unstable: ${c.name} still spread over ±${ROUNDS.maxSpread * 50}% after ${ROUNDS.maxRounds} rounds`,
      );
    }
    checks.push(
      {
        label: `${c.name} registry result equals the plain loop's`,
        actual: result.mismatch ?? 'equal',
        target: 'equal',
        pass: result.mismatch === null,
      },
      {
        label: `${c.name} registry/plain at ${BASE_ROWS.toLocaleString('en-US')} rows`,
        actual: times(result.ratio),
        target: `≤ ${MAX_RATIO}×`,
        pass: result.ratio <= MAX_RATIO,
      },
      {
        label: `${c.name} ${LARGE_ROWS.toLocaleString('en-US')} / ${BASE_ROWS.toLocaleString('en-US')} rows time`,
        actual: times(result.growth),
        target: `≤ ${MAX_GROWTH}×`,
        pass: result.growth <= MAX_GROWTH,
      },
    );
  }
  if (sink === 0) throw new Error('bench produced no results');
  const headers = [
    'function',
    'rows',
    'registry ms',
    'plain ms',
    'rows/s',
    'registry/plain',
    'growth',
  ];
  const right = [false, true, true, true, true, true, true];
  if (rows.length > 0) lines.unshift(...renderTable(headers, rows, right), '');
  return { lines, checks };
}

export const functionThroughput: BenchSection = {
  title: 'KPI functions over large ranges: callFunction vs a plain loop',
  run,
};

// Bench section: KPI functions over large ranges through the hosts' entry point vs a plain loop.
import { isKpiError } from '../../core/errors';
import { callFunction, getFunction } from '../../core/registry/index';
import type { KpiResult, ScalarResult } from '../../core/values';
import { FUNCTION_CASES, type FunctionCase } from './function-cases';
import { timeInterleaved } from './measure';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

const BASE_ROWS = 100_000;
const LARGE_ROWS = 1_000_000;
/** Registry time over plain-loop time at BASE_ROWS (the argument engine's overhead). */
const MAX_RATIO = 3;
/** Registry time at LARGE_ROWS over BASE_ROWS: 10 is linear, the rest is headroom for GC. */
const MAX_GROWTH = 12;

/** Enough warm-up rounds for the optimising compiler to settle; fewer rounds for the large size. */
const ROUNDS: Record<number, { warmups: number; repetitions: number }> = {
  [BASE_ROWS]: { warmups: 20, repetitions: 21 },
  [LARGE_ROWS]: { warmups: 3, repetitions: 9 },
};

interface Measurement {
  registryMs: number;
  plainMs: number;
}

interface CaseResult {
  base: Measurement;
  large: Measurement;
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

/** Registry and plain loop on the same arrays, alternating, plus the first disagreement. */
function measureSize(c: FunctionCase, rows: number): Measurement & { mismatch: string | null } {
  const { args, plain } = c.build(rows);
  const registry = () => callFunction(c.name, args);
  const mismatch = firstMismatch(registry(), plain());
  let sink = 0;
  const [registryMs, plainMs] = timeInterleaved([registry, plain], {
    ...ROUNDS[rows]!,
    keep: (result) => {
      sink += Array.isArray(result) ? result.length : 1;
    },
  });
  if (sink === 0) throw new Error('bench produced no results');
  return { registryMs: registryMs!, plainMs: plainMs!, mismatch };
}

function measure(c: FunctionCase): CaseResult {
  const base = measureSize(c, BASE_ROWS);
  const large = measureSize(c, LARGE_ROWS);
  return { base, large, mismatch: base.mismatch ?? large.mismatch };
}

const ms = (value: number) => value.toFixed(1);
const times = (value: number) => `${value.toFixed(2)}×`;
const perSecond = (rows: number, milliseconds: number) =>
  Math.round(rows / (milliseconds / 1000)).toLocaleString('en-US');

function run(): SectionReport {
  const lines: string[] = [];
  const checks: BudgetCheck[] = [];
  const rows: string[][] = [];
  for (const c of FUNCTION_CASES) {
    if (!getFunction(c.name)) {
      lines.push(`skipped: ${c.name} not in registry yet`);
      continue;
    }
    const { base, large, mismatch } = measure(c);
    const ratio = base.registryMs / base.plainMs;
    const growth = large.registryMs / base.registryMs;
    for (const [size, m] of [
      [BASE_ROWS, base],
      [LARGE_ROWS, large],
    ] as const) {
      rows.push([
        c.name,
        size.toLocaleString('en-US'),
        ms(m.registryMs),
        ms(m.plainMs),
        perSecond(size, m.registryMs),
        times(m.registryMs / m.plainMs),
        // The plain loop's own growth shows how much of it is memory and machine, not the engine.
        size === LARGE_ROWS
          ? `${times(growth)} (plain ${times(large.plainMs / base.plainMs)})`
          : '',
      ]);
    }
    checks.push(
      {
        label: `${c.name} registry result equals the plain loop's`,
        actual: mismatch ?? 'equal',
        target: 'equal',
        pass: mismatch === null,
      },
      {
        label: `${c.name} registry/plain at ${BASE_ROWS.toLocaleString('en-US')} rows`,
        actual: times(ratio),
        target: `≤ ${MAX_RATIO}×`,
        pass: ratio <= MAX_RATIO,
      },
      {
        label: `${c.name} ${LARGE_ROWS.toLocaleString('en-US')} / ${BASE_ROWS.toLocaleString('en-US')} rows time`,
        actual: times(growth),
        target: `≤ ${MAX_GROWTH}×`,
        pass: growth <= MAX_GROWTH,
      },
    );
  }
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

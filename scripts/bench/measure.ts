// Timing helpers: warm-up, interleaved repetitions and medians, to steady numbers on a shared machine.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Exposes V8's collector without a command-line flag, so `tsx scripts/bench.ts` can start each
// timed run on a clean heap instead of paying for the garbage the previous run left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeOnce(run: () => unknown, keep: (result: unknown) => void): number {
  collectGarbage();
  const start = performance.now();
  const result = run();
  const elapsed = performance.now() - start;
  keep(result);
  return elapsed;
}

/**
 * Median run times in milliseconds of each contender, measured in rounds after `warmups`
 * untimed ones. Every round runs each contender once, starting one further along each time,
 * so drift in machine load and JIT state falls on all of them alike. `keep` receives every
 * result, which stops the optimiser from discarding the work.
 */
export function timeInterleaved(
  contenders: readonly (() => unknown)[],
  options: { warmups: number; repetitions: number; keep: (result: unknown) => void },
): number[] {
  for (let i = 0; i < options.warmups; i++) for (const run of contenders) options.keep(run());
  const times: number[][] = contenders.map(() => []);
  for (let round = 0; round < options.repetitions; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      times[index]!.push(timeOnce(contenders[index]!, options.keep));
    }
  }
  return times.map(median);
}

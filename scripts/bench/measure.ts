// Timing helpers: clean-heap, cold-cache samples in interleaved rounds, medians and a stability check.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Exposes V8's collector without a command-line flag, so `tsx scripts/bench.ts` can start each
// timed sample on a clean heap instead of paying for the garbage the previous sample left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Twice the largest last-level cache we expect (32 MB here), written over before each sample. */
const EVICTION_BYTES = 64 * 1024 * 1024;
let evictionBuffer: Float64Array | null = null;

/** Touches one value per 64-byte line of a buffer larger than the cache, so no data stays hot. */
function evictCache(): number {
  evictionBuffer ??= new Float64Array(EVICTION_BYTES / 8);
  let sum = 0;
  for (let i = 0; i < evictionBuffer.length; i += 8) sum += ++evictionBuffer[i]!;
  return sum;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Interquartile range over the median: how far apart the middle half of the samples lie. */
export function relativeSpread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.round(q * (sorted.length - 1))]!;
  return (at(0.75) - at(0.25)) / median(values);
}

/** One contender's sample: the calls timed together, e.g. 20 calls on different 100k slices. */
export type Sample = readonly (() => unknown)[];

function runSample(sample: Sample, keep: (result: unknown) => void): void {
  for (const call of sample) keep(call());
}

/** Milliseconds per call of one sample, started on a collected heap and a cold cache. */
function timeSample(sample: Sample, keep: (result: unknown) => void): number {
  collectGarbage();
  keep(evictCache());
  const start = performance.now();
  runSample(sample, keep);
  return (performance.now() - start) / sample.length;
}

export interface RoundOptions {
  /** Untimed runs of every sample first, so all contenders reach optimised code. */
  warmups: number;
  minRounds: number;
  maxRounds: number;
  /** Rounds are added, up to `maxRounds`, while a series' relativeSpread is above this. */
  maxSpread: number;
  /** Receives every result, which stops the optimiser from discarding the work. */
  keep: (result: unknown) => void;
}

export interface RoundTimes {
  /** Per contender, its milliseconds per call in each round (index = round). */
  times: number[][];
  /** False when even `maxRounds` rounds left a series more spread out than `maxSpread`. */
  stable: boolean;
}

/**
 * Times every contender's sample once per round, starting one further along each round, so
 * drift in machine load falls on all of them alike and same-round figures can be paired.
 */
export function timeRounds(samples: readonly Sample[], options: RoundOptions): RoundTimes {
  for (let i = 0; i < options.warmups; i++) {
    for (const sample of samples) runSample(sample, options.keep);
  }
  const times: number[][] = samples.map(() => []);
  const unstable = () => times.some((series) => relativeSpread(series) > options.maxSpread);
  let round = 0;
  while (round < options.minRounds || (round < options.maxRounds && unstable())) {
    for (let k = 0; k < samples.length; k++) {
      const index = (round + k) % samples.length;
      times[index]!.push(timeSample(samples[index]!, options.keep));
    }
    round++;
  }
  return { times, stable: !unstable() };
}

// Reproducible bench inputs: columns shaped as hosts pass ranges ([[v],[v],…]) with a few blanks.
import type { CellInput } from '../../core/values';

/** A column range as Excel and Sheets hand it over: one single-cell row per value. */
export type Column = CellInput[][];

/** A deterministic generator of numbers in [0, 1) (mulberry32), so every run sees the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max` inclusive. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A number rounded to cents, as typed money amounts are. */
export function randomMoney(random: () => number, min: number, max: number): number {
  return Math.round((min + random() * (max - min)) * 100) / 100;
}

/**
 * A column of `rows` values from `value(row)`, where about one cell in `blankEvery` is left
 * blank (alternately null, as Excel passes empty cells, and "", as Sheets does).
 */
export function column(
  rows: number,
  random: () => number,
  blankEvery: number,
  value: (row: number) => CellInput,
): Column {
  const out: Column = new Array(rows);
  let blanks = 0;
  for (let r = 0; r < rows; r++) {
    out[r] = [random() * blankEvery < 1 ? (blanks++ % 2 === 0 ? null : '') : value(r)];
  }
  return out;
}

/**
 * The arguments cut into consecutive calls of `rows` rows each: column ranges are sliced
 * (the slices share the row arrays), scalars are passed to every call unchanged.
 */
export function sliceArgs(args: readonly unknown[], rows: number): unknown[][] {
  const length = (args.find(Array.isArray) as Column).length;
  const calls: unknown[][] = [];
  for (let start = 0; start + rows <= length; start += rows) {
    calls.push(args.map((arg) => (Array.isArray(arg) ? arg.slice(start, start + rows) : arg)));
  }
  return calls;
}

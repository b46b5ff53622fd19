// The shapes of values that flow between hosts and the core.
import type { KpiError } from './errors';

/** One cell as a host hands it over: numbers, text, booleans, dates, or a blank. */
export type CellInput = number | string | boolean | Date | null | undefined;

/** A range as hosts pass it: rows of cells. */
export type RangeInput = CellInput[][];

/** Anything a caller may pass for one parameter. */
export type ArgInput = CellInput | RangeInput | unknown;

/** One result: a finite number, "" for no data yet, a status text, or an error value. */
export type ScalarResult = number | string | KpiError;

/** A function's result: one value, or one per cell of the input ranges. */
export type KpiResult = ScalarResult | ScalarResult[][];

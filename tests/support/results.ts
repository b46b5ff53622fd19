// What a KPI result may look like (spec rules 1, 3 and 5) and how two results are compared in tests.
import { isKpiError } from '../../core/errors';
import type { KpiResult, ScalarResult } from '../../core/values';

/** The status texts KPI_STATUS returns; the spec calls them stable identifiers. */
const STATUS_TEXTS: readonly string[] = ['On track', 'At risk', 'Off track'];

/** Numbers agree within 1e-9 relative (spec rule 6). */
export function closeTo(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Why a scalar result breaks the spec's result rules for `name`, or null when it is allowed. */
export function scalarProblem(name: string, value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `non-finite ${value}`;
  if (typeof value === 'string')
    return value === '' || STATUS_TEXTS.includes(value) ? null : `unexpected text ${value}`;
  if (isKpiError(value)) {
    if (!value.message.startsWith(`${name}:`))
      return `message does not start with "${name}:": ${value.message}`;
    // The evaluator's catch-all turns thrown exceptions into this message: a bug, not a result.
    if (value.message.includes('internal error')) return `internal error: ${value.message}`;
    return null;
  }
  return `not a KPI result: ${String(value)}`;
}

/** Why a whole result breaks the rules (a scalar, or a non-empty rectangular matrix of scalars). */
export function resultProblem(name: string, result: KpiResult): string | null {
  if (!Array.isArray(result)) return scalarProblem(name, result);
  if (result.length === 0 || !Array.isArray(result[0]) || result[0].length === 0)
    return 'empty matrix';
  const cols = result[0].length;
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== cols) return 'ragged matrix';
    for (const cell of row) {
      const problem = scalarProblem(name, cell);
      if (problem) return problem;
    }
  }
  return null;
}

/** A readable form of a result for failure messages. */
export function show(value: unknown): string {
  if (isKpiError(value)) return `${value.code} (${value.message})`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Same number within 1e-9 relative, same error code, or the same text. */
export function sameScalar(a: ScalarResult, b: ScalarResult): boolean {
  if (typeof a === 'number' && typeof b === 'number') return closeTo(a, b);
  if (isKpiError(a) && isKpiError(b)) return a.code === b.code;
  return typeof a === 'string' && a === b;
}

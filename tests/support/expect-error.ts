// The one assertion the core tests use for an error value: its code and what its message says.
import { expect } from 'vitest';
import { isKpiError } from '../../core/errors';
import type { KpiError } from '../../core/errors';
import { show } from './results';

/**
 * Asserts that `result` is an error value with this code whose message contains every fragment
 * (the function's name, a parameter, a word of the reason), and returns it for further checks.
 */
export function expectError(result: unknown, code: string, ...fragments: string[]): KpiError {
  if (!isKpiError(result)) throw new Error(`expected ${code}, got ${show(result)}`);
  expect(result.code, result.message).toBe(code);
  for (const fragment of fragments) expect(result.message).toContain(fragment);
  return result;
}

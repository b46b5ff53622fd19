// The native ("portable") formula of every registry function, kept apart so the custom-function runtimes do not carry it.
import { costNatives } from '../functions/cost';
import { customerNatives } from '../functions/customers';
import { cycleNatives } from '../functions/cycle';
import { growthNatives } from '../functions/growth';
import { peopleNatives } from '../functions/people';
import { isRatioFunction, ratioNative } from '../functions/ratio';
import { getFunction } from '../registry/index';
import type { NativeArgs } from '../registry/types';
import { checkedFormula, checkedSetFormula, type NativeDefinition } from './native';

/** Each function's own native formula; the ratios share `ratioNative`. */
const DEFINITIONS: Readonly<Record<string, NativeDefinition>> = {
  ...costNatives,
  ...customerNatives,
  ...cycleNatives,
  ...growthNatives,
  ...peopleNatives,
};

/** Whether the registry function `name` has a native formula (every one must: see the tests). */
export function hasNativeFormula(name: string): boolean {
  const spec = getFunction(name);
  return spec !== undefined && (spec.name in DEFINITIONS || isRatioFunction(spec.name));
}

/**
 * The native spreadsheet formula of function `name` (invariant English names, comma
 * separators, no leading "=") computing the same value as the function, bad input included,
 * from the given arguments. Throws for an unknown function or missing argument (a template bug).
 */
export function nativeFormula(name: string, args: NativeArgs): string {
  const spec = getFunction(name);
  if (!spec) throw new Error(`Unknown KPI function: ${name}`);
  const definition =
    DEFINITIONS[spec.name] ?? (isRatioFunction(spec.name) ? ratioNative : undefined);
  if (definition && 'each' in definition && spec.mode === 'each')
    return checkedFormula(spec, args, (operands) => definition.each(operands, spec));
  if (definition && 'set' in definition && spec.mode === 'set')
    return checkedSetFormula(spec, args, definition.set);
  throw new Error(`${spec.name} has no native formula`);
}

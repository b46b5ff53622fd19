// The one registry of KPI functions: every host, doc and template reads its list from here.
import { evaluate, type HostConventions } from '../args/evaluate';
import { costFunctions } from '../functions/cost';
import { customerFunctions } from '../functions/customers';
import { cycleFunctions } from '../functions/cycle';
import { funnelFunctions } from '../functions/funnel';
import { growthFunctions } from '../functions/growth';
import { peopleFunctions } from '../functions/people';
import { withParamHelp } from '../functions/param-help';
import type { KpiResult, ScalarResult } from '../values';
import type { FunctionSpec } from './types';

/** Every KPI function, in the order of the spec's catalogue, each parameter's help completed. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  ...funnelFunctions,
  ...cycleFunctions,
  ...customerFunctions,
  ...costFunctions,
  ...growthFunctions,
  ...peopleFunctions,
].map(withParamHelp);

const byName = new Map(FUNCTIONS.map((spec) => [spec.name, spec]));

/** The registry entry of a function, by its upper-case name. */
export function getFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.toUpperCase());
}

/** The entry point the hosts call: evaluates a function on host arguments, never throws. */
export function callFunction(name: string, args: readonly unknown[]): KpiResult;
export function callFunction<E>(
  name: string,
  args: readonly unknown[],
  host: HostConventions<E>,
): ScalarResult | (number | string | E)[][];
export function callFunction<E>(
  name: string,
  args: readonly unknown[],
  host: HostConventions<E> = {},
): ScalarResult | (number | string | E)[][] {
  const spec = getFunction(name);
  if (!spec) throw new Error(`Unknown KPI function: ${name}`);
  return evaluate(spec, args, host);
}

// A HyperFormula FunctionPlugin that runs every registry KPI function, for the preview and the tests.
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import { isKpiError } from '../core/errors';
import { FUNCTIONS, callFunction } from '../core/registry/index';

/** A HyperFormula scalar as the core takes it: blanks null, rich numbers plain. */
function toCore(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (typeof value === 'object' && value !== null && 'val' in value)
    return (value as { val: number }).val;
  return value;
}

function toCoreArgument(value: unknown): unknown {
  return value instanceof SimpleRangeValue
    ? value.rawData().map((row) => row.map(toCore))
    : toCore(value);
}

function firstCellError(args: readonly unknown[]): CellError | undefined {
  for (const arg of args) {
    if (arg instanceof CellError) return arg;
    if (arg instanceof SimpleRangeValue)
      for (const row of arg.rawData()) for (const v of row) if (v instanceof CellError) return v;
  }
  return undefined;
}

/** The core's result as a HyperFormula value; KpiError becomes a CellError with its reason. */
function toEngine(result: unknown): unknown {
  const value = Array.isArray(result) ? result[0]?.[0] : result;
  if (isKpiError(value))
    return new CellError(
      value.code === '#DIV/0!' ? ErrorType.DIV_BY_ZERO : ErrorType.VALUE,
      value.message,
    );
  return value;
}

/**
 * A FunctionPlugin exposing every registry function under its bare name (the Sheets form:
 * HyperFormula, like Sheets, has no "KPI." namespace), each delegating to callFunction.
 */
class KpiPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTIONS.map((spec) => [
      spec.name,
      {
        method: 'kpi',
        parameters: spec.params.map((param) => ({
          argumentType: FunctionArgumentType.ANY,
          ...(param.default !== undefined ? { optionalArg: true } : {}),
        })),
        vectorizationForbidden: true,
      },
    ]),
  );

  kpi(ast: { procedureName: string; args: never[] }, state: never): unknown {
    const name = ast.procedureName;
    // HyperFormula's types omit the protected helpers' exact signatures; the calls are documented API.
    return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
      ast.args,
      state,
      (this as unknown as { metadata: (n: string) => unknown }).metadata(name),
      (...args: unknown[]) =>
        firstCellError(args) ?? toEngine(callFunction(name, args.map(toCoreArgument))),
    );
  }
}

let registered = false;

/**
 * Registers the KPI functions with HyperFormula (a process-wide registry), once; call it
 * before building an engine whose formulas call them.
 */
export function registerKpiFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(KpiPlugin as never, {
    enGB: Object.fromEntries(FUNCTIONS.map((spec) => [spec.name, spec.name])),
  });
  registered = true;
}

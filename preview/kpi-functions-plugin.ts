// A HyperFormula FunctionPlugin that runs every registry KPI function, for the preview and the tests.
import {
  ArraySize,
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
import { FUNCTIONS, callFunction, getFunction } from '../core/registry/index';

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

/** One result value as HyperFormula's; KpiError becomes a CellError with its reason. */
function engineValue(value: unknown): unknown {
  if (isKpiError(value))
    return new CellError(
      value.code === '#DIV/0!' ? ErrorType.DIV_BY_ZERO : ErrorType.VALUE,
      value.message,
    );
  return value;
}

/**
 * The core's result as a HyperFormula value: a range's results (a function called over ranges)
 * as an array that spills, like Excel 365 and Sheets spill the custom function's matrix.
 */
function toEngine(result: unknown): unknown {
  if (!Array.isArray(result)) return engineValue(result);
  const rows = result as unknown[][];
  if (rows.length === 1 && rows[0]!.length === 1) return engineValue(rows[0]![0]);
  return SimpleRangeValue.onlyValues(rows.map((row) => row.map(engineValue)) as never);
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
        // Arguments are evaluated as arrays ("J6:J17<>\"Yes\"" as one array), as Excel 365 does.
        enableArrayArithmeticForArguments: true,
        sizeOfResultArrayMethod: 'kpiSize',
      },
    ]),
  );

  /**
   * The size of a call's result before it runs, so HyperFormula reserves the cells it spills
   * into: a function taking each argument cell by cell returns the shape of its largest
   * arguments; one over data sets returns one value.
   */
  kpiSize(ast: { procedureName: string; args: never[] }, state: never): ArraySize {
    if (getFunction(ast.procedureName)?.mode !== 'each') return ArraySize.scalar();
    let width = 1;
    let height = 1;
    for (const arg of ast.args) {
      // HyperFormula's types omit the protected helper; the call is its documented plugin API.
      const size = (
        this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }
      ).arraySizeForAst(arg, { ...(state as object), arraysFlag: true });
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    }
    return new ArraySize(width, height);
  }

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

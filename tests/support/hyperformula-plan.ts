// Evaluates a template plan in HyperFormula (dev-only, GPL), with the KPI functions registered from the registry.
import {
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import { isKpiError } from '../../core/errors';
import { FUNCTIONS, callFunction } from '../../core/registry/index';
import type { SheetPlan } from '../../core/templates/plan';

/** A cell value as HyperFormula computes it; errors become their code ("#DIV/0!"). */
export type EngineValue = number | string | boolean | null | { error: string };

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

function ensureRegistered(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(KpiPlugin as never, {
    enGB: Object.fromEntries(FUNCTIONS.map((spec) => [spec.name, spec.name])),
  });
  registered = true;
}

/** The plan's grid as HyperFormula input: formulas as written, text behind an apostrophe so it stays text. */
function engineContent(plan: SheetPlan): (string | number | boolean | null)[][] {
  return plan.cells.map((row) =>
    row.map((cell) => {
      if (!cell) return null;
      if (cell.formula !== undefined) return cell.formula;
      if (cell.value === undefined) return null;
      return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
    }),
  );
}

/**
 * Every cell of the plan computed by HyperFormula. Functions-mode plans must be built with the
 * function prefix "" (KPI functions are registered under their bare names).
 */
export function evaluateWithHyperFormula(plan: SheetPlan): EngineValue[][] {
  ensureRegistered();
  const engine = HyperFormula.buildFromSheets(
    { Plan: engineContent(plan) },
    { licenseKey: 'gpl-v3' },
  );
  try {
    const sheet = engine.getSheetId('Plan')!;
    const values = engine.getSheetValues(sheet);
    return plan.cells.map((row, r) =>
      row.map((_, c) => {
        const value = values[r]?.[c];
        if (value instanceof DetailedCellError) return { error: value.value };
        return value === undefined ? null : (value as EngineValue);
      }),
    );
  } finally {
    engine.destroy();
  }
}

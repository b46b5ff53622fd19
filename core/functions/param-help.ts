// Completes each parameter's help with its kind's range and its default, read from the one table
// of bounds (KIND_DOMAINS) and the parameter's own default, so no help text restates either.
import { formatForKind, rangeSentence } from '../args/kinds';
import type { FunctionSpec, ParamSpec } from '../registry/types';

/** A parameter's help: its description, then its range ("From 0% to 100%.") and default ("Default 70%."). */
export function paramHelp(param: ParamSpec): string {
  const range = rangeSentence(param.kind);
  const fallback =
    param.default === undefined ? null : `Default ${formatForKind(param.kind, param.default)}.`;
  return [param.description, range, fallback].filter((part) => part !== null).join(' ');
}

/** The registry entry with every parameter's description completed by `paramHelp`. */
export function withParamHelp<T extends FunctionSpec>(spec: T): T {
  return {
    ...spec,
    params: spec.params.map((param) => ({ ...param, description: paramHelp(param) })),
  };
}

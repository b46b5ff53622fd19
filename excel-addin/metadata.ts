// Writes Excel's custom-functions metadata (functions.json) from the registry.
import type { FunctionSpec } from '../core/index';

/** One parameter as Excel's custom-functions metadata describes it. */
export interface ParameterMetadata {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'matrix';
  optional?: true;
}

/** One function as Excel's custom-functions metadata describes it. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: { type: 'any'; dimensionality: 'matrix' };
}

export interface CustomFunctionsMetadata {
  functions: FunctionMetadata[];
}

/**
 * Excel's metadata for every function. Every parameter is `any` so blanks and text reach the
 * core unchanged (it decides what is valid), and a `matrix` so a whole column arrives in one
 * call; results are matrices so ranges spill.
 */
export function customFunctionsMetadata(
  functions: readonly FunctionSpec[],
): CustomFunctionsMetadata {
  return {
    functions: functions.map((spec) => ({
      id: spec.name,
      name: spec.name,
      description: spec.description,
      parameters: spec.params.map((param) => ({
        name: param.name,
        description: param.description,
        type: 'any',
        dimensionality: 'matrix',
        ...(param.default === undefined ? {} : { optional: true }),
      })),
      result: { type: 'any', dimensionality: 'matrix' },
    })),
  };
}

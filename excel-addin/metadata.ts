// Writes Excel's custom-functions metadata (functions.json, functions-fi.json) from the registry.
import type { FunctionSpec } from '../core/index';
import { functionHelp } from '../core/i18n/function-help';
import type { Lang } from '../core/templates/options';

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
 * Excel's metadata for every function, described in `lang`. Every parameter is `any` so blanks
 * and text reach the core unchanged (it decides what is valid), and a `matrix` so a whole column
 * arrives in one call; results are matrices so ranges spill. Ids, names and parameter names are
 * the same in every language: a workbook's formulas keep working in an Excel of any language,
 * and formulas written through the API use the one name (Microsoft localizes only names and
 * descriptions; localized names break API-written formulas, office-js issue 891).
 */
export function customFunctionsMetadata(
  functions: readonly FunctionSpec[],
  lang: Lang = 'en',
): CustomFunctionsMetadata {
  return {
    functions: functions.map((spec) => {
      const help = functionHelp(spec, lang);
      return {
        id: spec.name,
        name: spec.name,
        description: help.description,
        parameters: spec.params.map((param, i) => ({
          name: param.name,
          description: help.params[i]!.description,
          type: 'any',
          dimensionality: 'matrix',
          ...(param.default === undefined ? {} : { optional: true }),
        })),
        result: { type: 'any', dimensionality: 'matrix' },
      };
    }),
  };
}

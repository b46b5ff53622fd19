// Generates Code.js: one top-level function per registry function, with the JSDoc Sheets shows as help.
import type { FunctionSpec, ParamSpec } from '../core/index';
import { CORE_GLOBAL } from './files';

const FUNCTION_NAME = /^[A-Z][A-Z0-9_]*$/;
const PARAM_NAME = /^[a-z][a-z0-9_]*$/;

/** Text that is safe inside a one-line JSDoc comment. */
function docText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
}

function defaultText(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function paramType(spec: FunctionSpec, param: ParamSpec): string {
  const cell = param.kind === 'date' ? 'Date' : param.kind === 'flag' ? 'boolean' : 'number';
  return spec.mode === 'set' ? `Array<Array<${cell}>>` : `${cell}|Array<Array<${cell}>>`;
}

function paramDoc(spec: FunctionSpec, param: ParamSpec): string {
  // Sheets has no mark for optional parameters, so the help says it.
  const optional =
    param.default === undefined ? '' : ` Optional; blank means ${defaultText(param.default)}.`;
  return ` * @param {${paramType(spec, param)}} ${param.name} ${docText(param.description)}${optional}`;
}

/** One custom function: JSDoc with @customfunction, and a body that hands over to the core. */
export function customFunctionWrapper(spec: FunctionSpec): string {
  if (!FUNCTION_NAME.test(spec.name)) throw new Error(`Not a Sheets function name: ${spec.name}`);
  for (const param of spec.params) {
    if (!PARAM_NAME.test(param.name))
      throw new Error(`${spec.name}: not a parameter name: ${param.name}`);
  }
  const names = spec.params.map((p) => p.name).join(', ');
  return [
    '/**',
    ` * ${docText(spec.description)}`,
    ' *',
    ...spec.params.map((param) => paramDoc(spec, param)),
    ' * @return {number|string|Array<Array<number|string>>} One result, or one per row of the ranges.',
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${names}) {`,
    // `arguments`, not the named parameters: an omitted optional stays omitted, extras are reported.
    `  return ${CORE_GLOBAL}.customFunction('${spec.name}', arguments);`,
    '}',
  ].join('\n');
}

/** The custom functions section of Code.js, one wrapper per registry function. */
export function customFunctionWrappers(functions: readonly FunctionSpec[]): string {
  return functions.map(customFunctionWrapper).join('\n\n');
}

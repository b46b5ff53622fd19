// dist/excel/functions.json against Microsoft's documented custom-functions metadata format and the registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionHelp } from '../../core/i18n/function-help';
import { FUNCTIONS } from '../../core/registry/index';

const metadata = JSON.parse(
  readFileSync(new URL('../../dist/excel/functions.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// The documented properties ("Manually create JSON metadata for custom functions", learn.microsoft.com).
const TOP_LEVEL = [
  '$schema',
  'allowCustomDataForDataTypeAny',
  'allowErrorForDataTypeAny',
  'functions',
  'enums',
];
const FUNCTION_KEYS = ['description', 'helpUrl', 'id', 'name', 'options', 'parameters', 'result'];
const PARAMETER_KEYS = [
  'description',
  'dimensionality',
  'name',
  'type',
  'cellValueType',
  'customEnumId',
  'optional',
  'repeating',
];
const RESULT_KEYS = ['dimensionality', 'type'];
const TYPES = ['boolean', 'number', 'string', 'any'];
const DIMENSIONALITIES = ['scalar', 'matrix'];

type Json = Record<string, unknown>;

function unknownKeys(object: Json, allowed: readonly string[]): string[] {
  return Object.keys(object).filter((key) => !allowed.includes(key));
}

describe('functions.json follows the documented metadata format', () => {
  const functions = metadata.functions as Json[];

  it('has only documented top-level properties and a functions array', () => {
    expect(unknownKeys(metadata, TOP_LEVEL)).toEqual([]);
    expect(Array.isArray(functions)).toBe(true);
  });

  it('gives every function the required id, name, parameters and result, and nothing undocumented', () => {
    for (const fn of functions) {
      expect(unknownKeys(fn, FUNCTION_KEYS), String(fn.id)).toEqual([]);
      expect(typeof fn.id).toBe('string');
      expect(typeof fn.name).toBe('string');
      expect(Array.isArray(fn.parameters)).toBe(true);
      expect(typeof fn.result).toBe('object');
    }
  });

  // The learn.microsoft.com page lists letters, digits and periods for ids; the newer
  // custom-functions-metadata specification (OfficeDev/Office-Addin-Scripts) adds the underscore.
  it('uses ids of letters, digits, underscores and periods, each once', () => {
    const ids = functions.map((fn) => fn.id as string);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_.]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses names that start with a letter, of letters, digits, underscores and periods, ≤ 128 long', () => {
    for (const fn of functions) expect(fn.name).toMatch(/^[A-Za-z][A-Za-z0-9_.]{0,127}$/);
  });

  it('declares parameters and results with documented types and dimensionalities', () => {
    for (const fn of functions) {
      for (const param of fn.parameters as Json[]) {
        expect(unknownKeys(param, PARAMETER_KEYS)).toEqual([]);
        expect(typeof param.name).toBe('string');
        expect(TYPES).toContain(param.type);
        expect(DIMENSIONALITIES).toContain(param.dimensionality);
        if ('optional' in param) expect(param.optional).toBe(true);
      }
      const result = fn.result as Json;
      expect(unknownKeys(result, RESULT_KEYS)).toEqual([]);
      expect(TYPES).toContain(result.type);
      expect(DIMENSIONALITIES).toContain(result.dimensionality);
    }
  });

  it('puts no required parameter after an optional one (Excel could not skip it)', () => {
    for (const fn of functions) {
      const optional = (fn.parameters as Json[]).map((p) => p.optional === true);
      expect(
        optional.indexOf(true) === -1 || !optional.slice(optional.indexOf(true)).includes(false),
      ).toBe(true);
    }
  });
});

describe('functions.json agrees with the registry', () => {
  const byId = new Map((metadata.functions as Json[]).map((fn) => [fn.id as string, fn]));

  it('lists the registry functions in order, id = name = the upper-case name', () => {
    expect([...byId.keys()]).toEqual(FUNCTIONS.map((f) => f.name));
    for (const [id, fn] of byId) expect(fn.name).toBe(id);
  });

  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
    const fn = byId.get(name)!;
    expect(fn.description).toBe(spec.description);
    expect(fn.result).toEqual({ type: 'any', dimensionality: 'matrix' });
    expect(fn.parameters).toEqual(
      spec.params.map((param) => ({
        name: param.name,
        description: param.description,
        // any + matrix: blanks and text reach the core unchanged, whole columns in one call.
        type: 'any',
        dimensionality: 'matrix',
        ...(param.default === undefined ? {} : { optional: true }),
      })),
    );
  });
});

// Microsoft's "Localize custom functions": one metadata file per language, the same ids; Excel of
// that locale reads it through the manifest's Override. Names stay English on purpose.
describe("functions-fi.json: Finnish Excel's formula help", () => {
  const finnish = JSON.parse(
    readFileSync(new URL('../../dist/excel/functions-fi.json', import.meta.url), 'utf8'),
  ) as { functions: Json[] };
  const english = metadata.functions as Json[];

  it('describes the same functions with the same ids, names, parameters and results', () => {
    const shape = (fn: Json) => ({
      id: fn.id,
      name: fn.name,
      result: fn.result,
      parameters: (fn.parameters as Json[]).map(({ description: _, ...rest }) => rest),
    });
    expect(finnish.functions.map(shape)).toEqual(english.map(shape));
  });

  it('gives every function and parameter its Finnish description, none the English one', () => {
    finnish.functions.forEach((fn, i) => {
      const spec = FUNCTIONS[i]!;
      const help = functionHelp(spec, 'fi');
      expect(fn.description).toBe(help.description);
      expect(fn.description).not.toBe(english[i]!.description);
      (fn.parameters as Json[]).forEach((param, j) => {
        expect(param.description).toBe(help.params[j]!.description);
        expect(param.description).not.toBe((english[i]!.parameters as Json[])[j]!.description);
      });
    });
    // One worked by hand: the Finnish text of CHURN_RATE's description.
    expect(finnish.functions.find((fn) => fn.id === 'CHURN_RATE')!.description).toBe(
      'Osuus jakson alun asiakkaista, jotka menetettiin jakson aikana.',
    );
  });
});

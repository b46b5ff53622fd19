// Reads the function catalogue tables of the spec (functions.md) so tests compare the registry with the contract.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The contract's function catalogue, kept in the repository (docs/spec/). */
export const SPEC_PATH = fileURLToPath(new URL('../../docs/spec/functions.md', import.meta.url));

export interface SpecParam {
  name: string;
  optional: boolean;
  /** The default of an optional parameter: TRUE/FALSE as booleans, the rest as numbers. */
  default?: number | boolean;
}

export interface SpecFunction {
  name: string;
  /** The "### " heading the row sits under. */
  category: string;
  params: SpecParam[];
  /** The result column as written ("rate", "money per day", "−100…100", ...). */
  result: string;
  formula: string;
  source: string;
  mode: 'each' | 'set';
  /** The row carries *part ≤ whole*: the first argument may not exceed the second. */
  partOfWhole: boolean;
}

const ROW = /^\|\s*`([A-Z0-9_]+)\((.*)\)`\s*\|/;
const OPTIONAL = /^\[(\w+)=(.+)\]$/;

function parseDefault(text: string, where: string): number | boolean {
  if (text === 'TRUE') return true;
  if (text === 'FALSE') return false;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new Error(`${where}: default "${text}" is not a number or TRUE/FALSE`);
  return n;
}

function parseParam(text: string, where: string): SpecParam {
  const optional = OPTIONAL.exec(text);
  if (optional)
    return {
      name: optional[1]!,
      optional: true,
      default: parseDefault(optional[2]!, `${where} ${optional[1]}`),
    };
  if (!/^\w+$/.test(text)) throw new Error(`${where}: cannot read parameter "${text}"`);
  return { name: text, optional: false };
}

/** The function rows of the spec's catalogue, in the order the spec lists them. */
export function parseSpecFunctions(markdown: string): SpecFunction[] {
  const out: SpecFunction[] = [];
  let category = '';
  let inCatalogue = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) inCatalogue = line.trim() === '## The functions';
    if (!inCatalogue) continue;
    if (line.startsWith('### ')) category = line.slice(4).trim();
    const row = ROW.exec(line);
    if (!row) continue;
    const name = row[1]!;
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 4) throw new Error(`${name}: expected 4 table cells, got ${cells.length}`);
    const [, result, formula, source] = cells.map((c) => c.trim()) as [
      string,
      string,
      string,
      string,
    ];
    const paramText = row[2]!.trim();
    out.push({
      name,
      category,
      params: paramText === '' ? [] : paramText.split(',').map((p) => parseParam(p.trim(), name)),
      result,
      formula,
      source,
      mode: formula.includes('*set*') ? 'set' : 'each',
      partOfWhole: formula.includes('*part ≤ whole*'),
    });
  }
  return out;
}

/** The spec's catalogue, read from the shared spec file. */
export function loadSpecFunctions(): SpecFunction[] {
  return parseSpecFunctions(readFileSync(SPEC_PATH, 'utf8'));
}

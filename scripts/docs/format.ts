// How the docs spell registry values: signatures, example arguments and results, as a user types and reads them.
import type { Example, FunctionSpec, ParamSpec, ResultKind } from '../../core/registry/types';
import type { CellInput } from '../../core/values';

/** What each result kind is, as the reference's "returns" column says it. */
const RESULT_KIND_TEXT: Record<ResultKind, string> = {
  rate: 'rate (a fraction; format the cell as %)',
  money: 'money, in the inputs’ currency',
  moneyPerDay: 'money per day',
  days: 'days',
  months: 'months',
  number: 'number',
  nps: 'score from −100 to 100',
  status: 'status text',
};

const ERROR_CODES = new Set(['#DIV/0!', '#VALUE!']);

function literal(value: number | boolean): string {
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

function parameter(param: ParamSpec): string {
  return param.default === undefined ? param.name : `[${param.name}=${literal(param.default)}]`;
}

/** `KPI.NAME(param, [optional=default])`: the Excel spelling; Sheets drops the `KPI.` prefix. */
export function excelSignature(spec: FunctionSpec): string {
  return `KPI.${spec.name}(${spec.params.map(parameter).join(', ')})`;
}

export function resultKindText(kind: ResultKind): string {
  return RESULT_KIND_TEXT[kind];
}

function cellLiteral(value: CellInput): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return literal(value);
  return `DATE(${value.getFullYear()},${value.getMonth() + 1},${value.getDate()})`;
}

/** An argument as typed in a formula: ranges become array constants ({1;2;3}). */
function argumentText(arg: CellInput | CellInput[][]): string {
  if (!Array.isArray(arg)) return cellLiteral(arg);
  return `{${arg.map((row) => row.map(cellLiteral).join(',')).join(';')}}`;
}

/** At most `decimals` decimals, no trailing zeros, thousands separated: 2984.2223 → "2,984.22". */
function decimal(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** An example's expected result as a spreadsheet shows it: rates as %, errors as their codes. */
export function resultText(kind: ResultKind, result: number | string): string {
  if (typeof result === 'string') {
    if (ERROR_CODES.has(result) || kind === 'status') return result;
    return result === '' ? '"" (blank)' : JSON.stringify(result);
  }
  switch (kind) {
    case 'rate':
      return `${decimal(result * 100, 2)}%`;
    case 'money':
    case 'moneyPerDay':
      return decimal(result, 2);
    case 'days':
      return `${decimal(result, 2)} days`;
    case 'months':
      return `${decimal(result, 2)} months`;
    default:
      return decimal(result, 2);
  }
}

/** `=KPI.NAME(args)` → **result** (note), from one worked example. */
export function exampleText(spec: FunctionSpec, example: Example): string {
  const call = `=KPI.${spec.name}(${example.args.map(argumentText).join(', ')})`;
  const note = example.note ? ` (${example.note})` : '';
  return `\`${call}\` → **${resultText(spec.result, example.result)}**${note}`;
}

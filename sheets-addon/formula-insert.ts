/// <reference types="google-apps-script" />
// The Sheets side of the reference's Insert: one server call that reads the target cell, checks it, then writes.
import { FUNCTIONS } from '../core/registry/index';
import { exampleFormula } from '../core/ui/example-formula';
import {
  mayWrite,
  type FormulaOutcome,
  type FormulaRequest,
  type TargetCell,
} from '../core/ui/host';

/** The longest number format code accepted; the templates' longest is far shorter. */
const MAX_FORMAT_LENGTH = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function targetCellOf(value: unknown): TargetCell | undefined {
  if (!isRecord(value)) return undefined;
  const { sheet, address, selection, content } = value;
  if (typeof sheet !== 'string' || typeof address !== 'string' || typeof content !== 'string')
    return undefined;
  if (selection !== undefined && typeof selection !== 'string') return undefined;
  return { sheet, address, content, ...(selection !== undefined ? { selection } : {}) };
}

/**
 * `request` as google.script.run delivered it, checked: the formula must be one of the function
 * reference's examples, so nothing else can be written through this call.
 */
function checkedRequest(request: unknown): FormulaRequest {
  const fields = isRecord(request) ? request : {};
  const { formula, numberFormat, expected } = fields;
  if (!FUNCTIONS.some((spec) => exampleFormula(spec, '') === formula))
    throw new Error(`Not a formula from the function reference: ${JSON.stringify(formula)}`);
  const formatOk =
    numberFormat === undefined ||
    (typeof numberFormat === 'string' && numberFormat.length <= MAX_FORMAT_LENGTH);
  if (!formatOk) throw new Error(`Not a number format: ${JSON.stringify(numberFormat)}`);
  const cell = targetCellOf(expected);
  if (expected !== undefined && !cell)
    throw new Error(`Not a cell description: ${JSON.stringify(expected)}`);
  return {
    formula: formula as string,
    ...(numberFormat !== undefined ? { numberFormat: numberFormat as string } : {}),
    ...(cell ? { expected: cell } : {}),
  };
}

/**
 * Puts the request's formula (and number format) into the active cell of `spreadsheet`, or the
 * top-left cell of the active range, where `mayWrite` allows. Apps Script runs this whole call on
 * the server, so the check and the write see the same cell. A refused request throws an Error
 * that names the problem, without touching the spreadsheet.
 */
export function insertFormulaIntoSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: unknown,
): FormulaOutcome {
  const { formula, numberFormat, expected } = checkedRequest(request);
  const range = spreadsheet.getActiveRange();
  if (!range) return { status: 'noCell' };
  const cell = range.getCell(1, 1);
  const several = range.getNumRows() > 1 || range.getNumColumns() > 1;
  const found: TargetCell = {
    sheet: range.getSheet().getName(),
    address: cell.getA1Notation(),
    // getFormula is "" for a cell without a formula; its shown value is what the user knows it by.
    content: cell.getFormula() || cell.getDisplayValue(),
    ...(several ? { selection: range.getA1Notation() } : {}),
  };
  if (!mayWrite(found, expected)) return { status: 'refused', cell: found };
  cell.setFormula(formula);
  if (numberFormat !== undefined) cell.setNumberFormat(numberFormat);
  return { status: 'written', cell: found };
}

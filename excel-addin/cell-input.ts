// What Excel's `Range.formulas` receives for each plan cell, so literal text stays text and formulas stay formulas.
import { looksLikeFormula, type PlanCell, type SheetPlan } from '../core/templates/index';

/** One element of a 2-D `Range.formulas` assignment. */
export type FormulaInput = string | number | boolean;

/** Words Excel reads as booleans when typed, in the languages the add-in speaks. */
const BOOLEAN_WORDS = new Set(['TRUE', 'FALSE', 'TOSI', 'EPÄTOSI']);

/**
 * `text` as Excel must receive it to keep it literal. Excel parses what `formulas`/`values`
 * receive like typed input: "=…", "+…", "-…" and "@…" become formulas, and text that reads as a
 * number, date, time, percent or boolean ("2026-01", "1/2", "TRUE") is converted. A leading
 * apostrophe makes Excel store the rest as text without showing the apostrophe in the cell,
 * so every text that could be read otherwise (does not start with a letter, holds a digit, is a
 * boolean word, or itself starts with an apostrophe) gets one.
 */
export function literalText(text: string): string {
  if (text === '') return text;
  const plainWords = /^\p{L}\D*$/u.test(text) && !BOOLEAN_WORDS.has(text.trim().toUpperCase());
  return looksLikeFormula(text) || !plainWords ? `'${text}` : text;
}

/** The input for one cell: its formula, its literal value, or "" for a blank cell. */
export function formulaInput(cell: PlanCell | null): FormulaInput {
  if (cell?.formula !== undefined) return cell.formula;
  const value = cell?.value;
  if (value === undefined) return '';
  return typeof value === 'string' ? literalText(value) : value;
}

/** The plan's grid as the two 2-D arrays written to A1:lastCell: number formats, then formulas. */
export function gridInputs(plan: SheetPlan): {
  numberFormats: string[][];
  formulas: FormulaInput[][];
} {
  return {
    numberFormats: plan.cells.map((row) => row.map((cell) => cell?.format ?? 'General')),
    formulas: plan.cells.map((row) => row.map(formulaInput)),
  };
}

// Templates.md "Same answer includes bad input": random and bad inputs in every portable template, HyperFormula against the core.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../core/templates/options';
import type { InputCell } from '../../support/bad-inputs';
import { SPREADSHEET_CONFIG } from '../../support/hyperformula';
import {
  describeInputs,
  emptyTally,
  inputSets,
  inputSlots,
  mismatches,
  smallPortableData,
  smallPortablePlan,
  withInputs,
  type EngineValue,
} from '../../support/template-inputs';

const SETS_PER_TEMPLATE = 1000;

/**
 * HyperFormula reads the whole leading run of "=", "<" and ">" of a COUNTIFS criterion as its
 * operator, so the pipeline's criterion "="&name is #VALUE! there for a name such as "=1+1",
 * which Excel, Sheets and LibreOffice count as that name: such sets are compared in LibreOffice
 * (tests/cli/libreoffice-differential.test.ts) and in tests/cli/libreoffice-pipeline.test.ts.
 */
function misreadByHyperFormula(id: string, values: readonly unknown[]): boolean {
  return id === 'pipeline' && values.some((v) => typeof v === 'string' && /^[=<>]/.test(v));
}
const SEED = 20260330;

/** A plan cell as HyperFormula takes it: formulas as written, text behind an apostrophe. */
function content(value: InputCell | string | number | boolean | undefined): InputCell {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? `'${value}` : value;
}

function engineValue(value: unknown): EngineValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  return (value ?? null) as EngineValue;
}

describe.each(TEMPLATE_IDS.map((id) => [id] as const))('%s portable formulas', (id) => {
  it(`give the core's values for ${SETS_PER_TEMPLATE} random and bad input sets in HyperFormula`, () => {
    const plan = smallPortablePlan(id);
    // The pipeline's inputs are also the deals its formulas count: a data sheet beside it.
    const data = smallPortableData(id);
    const slots = inputSlots(plan, { booleans: true });
    expect(slots.length).toBeGreaterThan(0);
    const sheets: Record<string, InputCell[][]> = {
      Plan: plan.cells.map((line) =>
        line.map((cell) => (cell?.formula !== undefined ? cell.formula : content(cell?.value))),
      ),
    };
    if (data)
      sheets[data.sheetName] = [data.header, ...data.rows].map((line) =>
        line.map((value) => (value === '' ? null : content(value))),
      );
    const engine = HyperFormula.buildFromSheets(sheets, SPREADSHEET_CONFIG);
    const found: string[] = [];
    const tally = emptyTally();
    let leftOut = 0;
    try {
      for (const values of inputSets(slots, SETS_PER_TEMPLATE, SEED)) {
        if (misreadByHyperFormula(id, values)) {
          leftOut++;
          continue;
        }
        engine.batch(() =>
          slots.forEach((slot, i) =>
            engine.setCellContents({ sheet: 0, row: slot.row, col: slot.col }, content(values[i])),
          ),
        );
        const sheet = engine.getSheetValues(0);
        const filled = withInputs(plan, slots, values);
        const inputs = () => describeInputs(slots, values);
        found.push(
          ...mismatches(filled, (r, c) => engineValue(sheet[r]?.[c]), inputs, tally, 3, data),
        );
        if (found.length >= 10) break;
      }
    } finally {
      engine.destroy();
    }
    if (leftOut > 0)
      console.info(
        `${id}: ${leftOut} of ${SETS_PER_TEMPLATE} sets name something starting with =, < or >, ` +
          'which HyperFormula misreads as a criterion: LibreOffice checks them',
      );
    expect(leftOut).toBeLessThan(SETS_PER_TEMPLATE / 2);
    expect(found).toEqual([]);
    // The sets reach results, blanks and #VALUE! (bad input) in the template's formulas.
    expect(tally.number, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(tally.empty, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(tally['#VALUE!'], JSON.stringify(tally)).toBeGreaterThan(0);
  });
});

// Templates.md "Same answer includes bad input": random and bad inputs in every portable template, HyperFormula against the core.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../core/templates/index';
import { TEMPLATE_IDS, TEMPLATE_SHAPES, type TemplateId } from '../../../core/templates/options';
import type { SheetPlan } from '../../../core/templates/plan';
import type { InputCell } from '../../support/bad-inputs';
import { SPREADSHEET_CONFIG } from '../../support/hyperformula';
import {
  inputSets,
  inputSlots,
  mismatches,
  withInputs,
  type EngineValue,
} from '../../support/template-inputs';

const SETS_PER_TEMPLATE = 1000;
const SEED = 20260330;

/**
 * The template's portable plan without example data (every input starts blank), two periods
 * and two rows long where it has them: every formula pattern, first, middle and total rows
 * included, at a size that keeps a thousand recalculations quick.
 */
function portablePlan(id: TemplateId): SheetPlan {
  const shape = TEMPLATE_SHAPES[id];
  const options = {
    mode: 'portable' as const,
    example: false,
    ...(shape.periods !== undefined ? { periods: 2 } : {}),
    ...(shape.rows !== undefined ? { rows: 2 } : {}),
  };
  const built = buildPlan(id, options, {}, { functionPrefix: '' });
  if (!built.ok) throw new Error(`${id}: ${JSON.stringify(built.errors)}`);
  return built.plan;
}

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
    const plan = portablePlan(id);
    const slots = inputSlots(plan, { booleansInSets: true });
    expect(slots.length).toBeGreaterThan(0);
    const engine = HyperFormula.buildFromArray(
      plan.cells.map((line) =>
        line.map((cell) => (cell?.formula !== undefined ? cell.formula : content(cell?.value))),
      ),
      SPREADSHEET_CONFIG,
    );
    const found: string[] = [];
    let formulaCells = 0;
    try {
      for (const values of inputSets(slots, SETS_PER_TEMPLATE, SEED)) {
        engine.batch(() =>
          slots.forEach((slot, i) =>
            engine.setCellContents({ sheet: 0, row: slot.row, col: slot.col }, content(values[i])),
          ),
        );
        const sheet = engine.getSheetValues(0);
        const filled = withInputs(plan, slots, values);
        const describe = () =>
          slots
            .map(
              (slot, i) =>
                `${String.fromCharCode(65 + slot.col)}${slot.row + 1}=${JSON.stringify(values[i])}`,
            )
            .join(' ');
        found.push(...mismatches(filled, (r, c) => engineValue(sheet[r]?.[c]), describe, 3));
        formulaCells += filled.cells.flat().filter((cell) => cell?.formula !== undefined).length;
        if (found.length >= 10) break;
      }
    } finally {
      engine.destroy();
    }
    expect(found).toEqual([]);
    expect(formulaCells).toBeGreaterThan(0);
  });
});

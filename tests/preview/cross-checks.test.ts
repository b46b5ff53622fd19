// The preview refuses a part typed above its whole (and a whole below its part) with the rule's help, and keeps the cell as it was.
import { describe, expect, it } from 'vitest';
import { buildPlan, parseCell, type SheetPlan } from '../../core/templates/index';
import { applyPlanToPreview } from '../../preview/apply-plan';
import { PreviewWorkbook } from '../../preview/workbook';

function scorecard(): SheetPlan {
  const built = buildPlan('scorecard', { example: false }, {}, { functionPrefix: '' });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.plan;
}

/** The cells LEAD_RESPONSE_RATE reads: leads responded to, of leads received. */
function responseCells(plan: SheetPlan): { part: string; whole: string } {
  for (const line of plan.cells)
    for (const cell of line)
      if (cell?.calc?.kind === 'call' && cell.calc.fn === 'LEAD_RESPONSE_RATE') {
        const [part, whole] = cell.calc.args as string[];
        return { part: part!, whole: whole! };
      }
  throw new Error('no LEAD_RESPONSE_RATE in the scorecard');
}

describe('part ≤ whole in the preview', () => {
  const plan = scorecard();
  const { part, whole } = responseCells(plan);
  const help = (ref: string) =>
    plan.validations.find((v) => v.rule.type === 'custom' && v.range.startsWith(ref))?.help;

  it('accepts leads responded to up to the leads received, and refuses 600 of 500', () => {
    const workbook = new PreviewWorkbook();
    const name = applyPlanToPreview(workbook, plan);
    expect(workbook.enter(parseCell(whole), '500')).toEqual({ ok: true });
    expect(workbook.enter(parseCell(part), '450')).toEqual({ ok: true });
    const refused = workbook.enter(parseCell(part), '600');
    expect(refused).toEqual({ ok: false, message: help(part) });
    expect(workbook.value(name, parseCell(part))).toBe(450);
  });

  it('refuses lowering the leads received below those responded to', () => {
    const workbook = new PreviewWorkbook();
    const name = applyPlanToPreview(workbook, plan);
    expect(workbook.enter(parseCell(part), '450')).toEqual({ ok: true });
    expect(workbook.enter(parseCell(whole), '400')).toEqual({ ok: false, message: help(whole) });
    expect(workbook.value(name, parseCell(whole))).toBeNull();
    expect(workbook.enter(parseCell(whole), '450')).toEqual({ ok: true });
  });
});

// Part ≤ whole validation: every template input that is a part of another input refuses a value above it, in a real engine.
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../core/registry/index';
import { cellRef, parseCell, parseRange } from '../../../core/templates/a1';
import { buildPlan } from '../../../core/templates/index';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../../../core/templates/options';
import type { Calc, SheetPlan, ValidationPlan } from '../../../core/templates/plan';
import { formulaForCell } from '../../../preview/custom-validation';
import { SPREADSHEET_CONFIG } from '../../support/hyperformula';
import { loadSpecFunctions } from '../../support/spec';

function planOf(id: TemplateId, lang: Lang = 'en'): SheetPlan {
  const built = buildPlan(id, { lang, example: false }, {}, { functionPrefix: '' });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.plan;
}

/** The part and whole cells of the plan's part ≤ whole calls, read from the spec's marks. */
function partWholePairs(plan: SheetPlan): { part: string; whole: string }[] {
  const marked = new Set(
    loadSpecFunctions()
      .filter((f) => f.partOfWhole)
      .map((f) => f.name),
  );
  const isInput = (ref: string) => {
    const { row, col } = parseCell(ref);
    return plan.cells[row]?.[col]?.input === true;
  };
  const pairs: { part: string; whole: string }[] = [];
  const visit = (calc: Calc): void => {
    if (calc.kind === 'ifText') {
      visit(calc.then);
      visit(calc.otherwise);
      return;
    }
    if (calc.kind !== 'call' || !marked.has(calc.fn)) return;
    const [part, whole] = calc.args;
    if (typeof part === 'string' && typeof whole === 'string' && isInput(part) && isInput(whole))
      pairs.push({ part, whole });
  };
  for (const line of plan.cells) for (const cell of line) if (cell?.calc) visit(cell.calc);
  return pairs;
}

function validationAt(plan: SheetPlan, ref: string): ValidationPlan | undefined {
  const { row, col } = parseCell(ref);
  return plan.validations.find((v) => {
    const r = parseRange(v.range);
    return row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2;
  });
}

/** Whether the rule on `ref` accepts the sheet as it is, computed by HyperFormula. */
function accepts(engine: HyperFormula, validation: ValidationPlan, ref: string): unknown {
  if (validation.rule.type !== 'custom') throw new Error(`${ref} has no custom rule`);
  const { row, col } = parseCell(ref);
  return engine.calculateFormula(
    formulaForCell(validation.rule.formula, validation.range, row, col),
    0,
  );
}

/** The sentences the help adds on a part and on a whole, as a reader should see them. */
const LIMIT_TEXTS: Record<Lang, { part: string; whole: string }> = {
  en: {
    part: 'It cannot be more than the total it is a part of.',
    whole: 'It cannot be less than the parts counted in it.',
  },
  fi: {
    part: 'Se ei voi olla suurempi kuin kokonaismäärä, jonka osa se on.',
    whole: 'Se ei voi olla pienempi kuin siihen sisältyvät osat.',
  },
};

describe('the registry marks exactly the spec’s part ≤ whole functions', () => {
  it('with the part first and the whole second', () => {
    const marked = loadSpecFunctions()
      .filter((f) => f.partOfWhole)
      .map((f) => f.name);
    const registry = FUNCTIONS.filter((spec) => spec.mode === 'each' && spec.partOfWhole);
    expect(registry.map((spec) => spec.name).sort()).toEqual([...marked].sort());
    for (const spec of registry)
      expect(spec.mode === 'each' && spec.partOfWhole).toEqual({ part: 0, whole: 1 });
  });
});

/** The templates where a part and its whole are both typed in (the scorecard's leads, the funnel…). */
const WITH_PAIRS = TEMPLATE_IDS.filter((id) => partWholePairs(planOf(id)).length > 0);

it('the scorecard, funnel and email templates have part and whole inputs', () => {
  expect(WITH_PAIRS).toEqual(expect.arrayContaining(['scorecard', 'funnel', 'email']));
});

describe.each(TEMPLATE_IDS.map((id) => [id] as const))('%s', (id) => {
  it('puts every input cell under at most one validation', () => {
    const seen = new Set<string>();
    for (const validation of planOf(id).validations) {
      const { row1, col1, row2, col2 } = parseRange(validation.range);
      for (let r = row1; r <= row2; r++)
        for (let c = col1; c <= col2; c++) {
          expect(seen.has(cellRef(r, c)), cellRef(r, c)).toBe(false);
          seen.add(cellRef(r, c));
        }
    }
  });
});

describe.each(WITH_PAIRS.map((id) => [id] as const))('%s', (id) => {
  const plan = planOf(id);
  const pairs = partWholePairs(plan);

  it('refuses a part above its whole, on the part and on the whole, and accepts the rest', () => {
    const engine = HyperFormula.buildFromArray(
      plan.cells.map((line) => line.map((cell) => cell?.formula ?? null)),
      SPREADSHEET_CONFIG,
    );
    try {
      for (const { part, whole } of pairs) {
        const partRule = validationAt(plan, part)!;
        const wholeRule = validationAt(plan, whole)!;
        const set = (ref: string, value: unknown) => {
          const { row, col } = parseCell(ref);
          engine.setCellContents({ sheet: 0, row, col }, value as never);
        };
        const check = (p: unknown, w: unknown) => {
          set(part, p);
          set(whole, w);
          return [accepts(engine, partRule, part), accepts(engine, wholeRule, whole)];
        };
        const where = `${part} part of ${whole}`;
        expect(check(5, 8), where).toEqual([true, true]);
        expect(check(8, 8), where).toEqual([true, true]);
        expect(check(9, 8), where).toEqual([false, false]);
        // The first of the two typed is checked alone: a blank neighbour is no limit yet.
        expect(check(9, null)[0], where).toBe(true);
        expect(check(null, 8)[1], where).toBe(true);
        // The cell's own domain still holds: no negatives, no text.
        expect(check(-1, 8)[0], where).toBe(false);
        expect(check("'abc", 8)[0], where).toBe(false);
        set(part, null);
        set(whole, null);
      }
    } finally {
      engine.destroy();
    }
  });

  it.each(LANGS.map((lang) => [lang] as const))(
    'says in the help text, in the sheet’s language, what the limit is (%s)',
    (lang) => {
      const localized = planOf(id, lang);
      for (const { part, whole } of partWholePairs(localized)) {
        expect(validationAt(localized, part)!.help, part).toContain(LIMIT_TEXTS[lang].part);
        expect(validationAt(localized, whole)!.help, whole).toContain(LIMIT_TEXTS[lang].whole);
      }
    },
  );
});

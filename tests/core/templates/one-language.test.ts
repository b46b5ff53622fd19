// "One language per sheet": a Finnish plan shows no text of the English catalogue, in any mode or example setting.
import { describe, expect, it } from 'vitest';
import { isKpiError } from '../../../core/errors';
import { t, type MessageKey } from '../../../core/i18n/index';
import { buildPlan, evaluatePlan } from '../../../core/templates/index';
import type { ComputedValue } from '../../../core/templates/evaluate';
import {
  FORMULA_MODES,
  TEMPLATE_IDS,
  type Lang,
  type TemplateId,
  type TemplateOptionsInput,
} from '../../../core/templates/options';
import { STATUS_TEXTS, type SheetPlan } from '../../../core/templates/plan';
import {
  englishCatalogue,
  englishIn,
  formulaLiterals,
  seenTexts,
} from '../../support/english-catalogue';
import { evaluateWithHyperFormula } from '../../support/hyperformula-plan';

const catalogue = englishCatalogue();

function plan(id: TemplateId, options: TemplateOptionsInput, functionPrefix = 'KPI.'): SheetPlan {
  const built = buildPlan(id, options, { startMonth: '2026-01' }, { functionPrefix });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return built.plan;
}

const labelsOf = (lang: Lang) => ({
  onTrack: t(lang, 'status.onTrack'),
  atRisk: t(lang, 'status.atRisk'),
  offTrack: t(lang, 'status.offTrack'),
});

/** Every option setting that changes a plan's texts: example data on and off, both formula modes. */
const VARIANTS = FORMULA_MODES.flatMap((mode) =>
  [true, false].map((example) => ({ mode, example })),
);

describe('the English catalogue', () => {
  it('holds the English texts a sheet shows, and leaves out cited works and placeholders', () => {
    const texts = new Set(catalogue.map((entry) => entry.text));
    for (const text of ['On track', 'Yes', 'No', 'Lower is better', 'Revenue against goal'])
      expect(texts, text).toContain(text);
    const keys = new Set(catalogue.map((entry) => entry.key));
    expect(keys.has('col.stepConversion')).toBe(false);
    // A citation's own words are English; its cited title and author match in any language.
    const renewal = catalogue.find((entry) => entry.key === 'bench.renewal.source')!;
    expect(renewal.pattern.test(t('fi', 'bench.renewal.source'))).toBe(false);
    expect(renewal.pattern.test(t('en', 'bench.renewal.source'))).toBe(true);
  });

  it('finds an English text a Finnish sheet would show by mistake, but not inside a Finnish word', () => {
    const finnish = plan('renewals', { lang: 'fi' });
    expect(englishIn(seenTexts(finnish, labelsOf('fi')), catalogue)).toEqual([]);
    finnish.cells[0]![0] = { value: 'Yhteenveto: Off track', role: 'title' };
    finnish.charts.push({
      type: 'line',
      title: 'Renewal rate',
      categories: 'A1:A2',
      series: [],
      anchor: 'A1',
      width: 100,
      height: 100,
    });
    expect(englishIn(seenTexts(finnish, labelsOf('fi')), catalogue)).toHaveLength(2);
    // "Segment" is English, "Segmentti" Finnish.
    expect(englishIn([{ where: 'x', text: 'Segmentti' }], catalogue)).toEqual([]);
  });
});

describe('month labels', () => {
  // "mmm yyyy" alone names months in the spreadsheet program's language: "Jan 2026" in a
  // Finnish sheet opened in an English Excel or LibreOffice.
  it('are found English where a Finnish month format lacks its locale tag', () => {
    const finnish = plan('funnel', { lang: 'fi', periods: 3 });
    const untagged = finnish.cells.map((line) =>
      line.map((cell) => (cell?.format?.includes('mmm') ? { ...cell, format: 'mmm yyyy' } : cell)),
    );
    const found = englishIn(seenTexts({ ...finnish, cells: untagged }, labelsOf('fi')), catalogue);
    expect(found.filter((line) => line.endsWith('← month name'))).toHaveLength(3);
    expect(englishIn(seenTexts(finnish, labelsOf('fi')), catalogue)).toEqual([]);
  });
});

describe.each(TEMPLATE_IDS)('%s in Finnish', (id) => {
  it.each(VARIANTS)('shows no English ($mode, example $example)', ({ mode, example }) => {
    const finnish = plan(id, { lang: 'fi', mode, example });
    expect(englishIn(seenTexts(finnish, labelsOf('fi')), catalogue)).toEqual([]);
  });

  // The most periods and rows bring every example name and period label into the sheet.
  it('shows no English with the most periods and rows', () => {
    const largest = plan(id, { lang: 'fi', example: true, periods: 24, rows: 50 });
    expect(englishIn(seenTexts(largest, labelsOf('fi')), catalogue)).toEqual([]);
  });

  it.each(VARIANTS)(
    'writes no TRUE/FALSE cell, and status identifiers only where functions mode maps them ($mode, example $example)',
    ({ mode, example }) => {
      const finnish = plan(id, { lang: 'fi', mode, example });
      const ids = Object.values(STATUS_TEXTS);
      for (const line of finnish.cells)
        for (const cell of line) {
          expect(typeof cell?.value).not.toBe('boolean');
          const literals = cell?.formula ? formulaLiterals(cell.formula) : [];
          if (mode === 'portable') for (const id of ids) expect(literals).not.toContain(id);
        }
    },
  );

  it('shows the English texts in its English twin (the check is not vacuous)', () => {
    const english = plan(id, { lang: 'en', mode: 'functions', example: true });
    const found = englishIn(seenTexts(english, labelsOf('en')), catalogue);
    expect(found.length).toBeGreaterThan(2);
    expect(found.some((line) => line.includes('← ' + `${id}.name`))).toBe(true);
  });
});

describe('Finnish status texts computed', () => {
  /** The dashboard with three months, its columns found by their Finnish headings. */
  function dashboard(mode: (typeof FORMULA_MODES)[number]) {
    const sheet = plan('dashboard', { lang: 'fi', mode, example: false, periods: 3 }, '');
    const header = sheet.cells.findIndex((line) => line[0]?.value === t('fi', 'col.month'));
    const column = (key: MessageKey) =>
      sheet.cells[header]!.findIndex((cell) => cell?.value === t('fi', key));
    return {
      sheet,
      first: header + 1,
      revenue: column('col.revenue'),
      goal: column('col.goal'),
      status: column('col.status'),
    };
  }

  /** The core evaluator's value in HyperFormula's form: an error as { error: code }. */
  const shown = (value: ComputedValue) => (isKpiError(value) ? { error: value.code } : value);

  // Worked by hand: 600 against 500 is on track, 100 against 500 off track (below 450); a month
  // without figures stays blank.
  it.each(FORMULA_MODES)('in %s mode: Finnish texts, and blanks stay blank', (mode) => {
    const { sheet, first, revenue, goal, status } = dashboard(mode);
    sheet.cells[first]![revenue]!.value = 600;
    sheet.cells[first]![goal]!.value = 500;
    sheet.cells[first + 1]![revenue]!.value = 100;
    sheet.cells[first + 1]![goal]!.value = 500;
    const engines = [evaluateWithHyperFormula(sheet), evaluatePlan(sheet).map((l) => l.map(shown))];
    for (const values of engines) {
      expect(values[first]![status]).toBe('Tavoitteessa');
      expect(values[first + 1]![status]).toBe('Jäljessä');
      expect(['', null]).toContain(values[first + 2]![status]);
    }
  });

  // KPI_STATUS refuses a negative target with #VALUE!; the mapping around the call keeps it.
  it('in functions mode: an error of the call comes through the mapping unchanged', () => {
    const { sheet, first, revenue, goal, status } = dashboard('functions');
    sheet.cells[first]![revenue]!.value = 100;
    sheet.cells[first]![goal]!.value = -5;
    const engines = [evaluateWithHyperFormula(sheet), evaluatePlan(sheet).map((l) => l.map(shown))];
    for (const values of engines) expect(values[first]![status]).toEqual({ error: '#VALUE!' });
  });
});

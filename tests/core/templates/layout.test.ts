// Layout of every template: columns fit their texts in both languages, the scorecard's results in view, frozen headings right.
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/index';
import { buildPlan, parseRange, styleOf } from '../../../core/templates/index';
import { linesAllowed, textWidth, widthToFit } from '../../../core/templates/measure';
import { TEMPLATE_IDS, type Lang, type TemplateId } from '../../../core/templates/options';
import type { SheetPlan } from '../../../core/templates/plan';

const LANGS: Lang[] = ['en', 'fi'];

function plan(id: TemplateId, lang: Lang): SheetPlan {
  const built = buildPlan(id, { lang }, { startMonth: '2026-03' }, { functionPrefix: '' });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return built.plan;
}

const span = (p: SheetPlan, col1: number, col2: number) =>
  p.columnWidths.slice(col1, col2 + 1).reduce((sum, width) => sum + width, 0);

/** The text cells that show less than their whole text: too narrow a column, merge or run. */
function cutTexts(p: SheetPlan): string[] {
  const merges = new Map(
    p.merges.map((range) => {
      const r = parseRange(range);
      return [`${r.row1},${r.col1}`, r.col2] as const;
    }),
  );
  const cut: string[] = [];
  p.cells.forEach((line, row) =>
    line.forEach((cell, col) => {
      if (!cell || typeof cell.value !== 'string') return;
      const style = styleOf(cell);
      // Text runs on over empty cells to its right, to the merge's or the sheet's last column.
      let last = merges.get(`${row},${col}`) ?? col;
      if (!merges.has(`${row},${col}`) && !style.wrap)
        while (last + 1 < line.length && !line[last + 1]) last++;
      const lines = linesAllowed(cell.role);
      if (widthToFit(cell.value, style, lines) > span(p, col, last))
        cut.push(`${row + 1}:${col + 1} "${cell.value}"`);
    }),
  );
  return cut;
}

describe('the measuring helper', () => {
  // Widths measured in Chromium (canvas measureText): Liberation Sans (Arial's metrics) at 11 pt
  // and the preview's own 13 px font (DejaVu Sans here), the wider of the two.
  it.each([
    ['Customer acquisition cost (CAC)', false, 212.6],
    ['Asiakkaan elinkaariarvo (CLV)', false, 196.0],
    ['Lead response rate', true, 141.5],
    ['Meetings scheduled', true, 146.7],
    ['Customer acquisition cost (CAC)', true, 236.2],
    ['Konvertoituneet liidit', true, 157.8],
  ] as const)(
    'never underestimates "%s" (bold %s, measured %d px), by at most a quarter',
    (text, bold, measured) => {
      const estimate = textWidth(text, { bold });
      expect(estimate).toBeGreaterThanOrEqual(measured);
      expect(estimate).toBeLessThan(measured * 1.25);
    },
  );

  it('fits a wrapping header in two lines, never splitting a word', () => {
    const header = { bold: true, wrap: true };
    const twoLines = widthToFit('Meetings scheduled', header);
    expect(twoLines).toBeGreaterThanOrEqual(textWidth('scheduled', header));
    expect(twoLines).toBeLessThan(textWidth('Meetings scheduled', header));
    expect(widthToFit('Konvertoituneet', header)).toBeGreaterThan(
      textWidth('Konvertoituneet', header),
    );
  });
});

describe.each(TEMPLATE_IDS)('%s', (id) => {
  const plans = Object.fromEntries(LANGS.map((lang) => [lang, plan(id, lang)])) as Record<
    Lang,
    SheetPlan
  >;

  it('has the same column widths in English and Finnish', () => {
    expect(plans.fi.columnWidths).toEqual(plans.en.columnWidths);
  });

  it.each(LANGS)('shows every text whole in %s: labels, headings, notes and sources', (lang) => {
    expect(cutTexts(plans[lang])).toEqual([]);
  });

  it.each(LANGS)('in %s, freezes no heading row over a table headed differently', (lang) => {
    const p = plans[lang];
    const text = (row: number, col: number) => {
      const cell = p.cells[row]?.[col];
      return cell?.role === 'header' ? cell.value : undefined;
    };
    const isHeading = (row: number) => p.cells[row]!.some((cell) => cell?.role === 'header');
    const frozenHeadings = [...Array(p.frozen.rows).keys()].filter(isHeading);
    if (frozenHeadings.length === 0) return;
    const frozen = frozenHeadings.at(-1)!;
    for (let row = p.frozen.rows; row < p.cells.length; row++)
      if (isHeading(row))
        for (let col = 0; col < p.columnWidths.length; col++)
          expect(text(row, col), `row ${row + 1}, column ${col + 1}`).toBe(text(frozen, col));
  });
});

describe('scorecard', () => {
  // A 1280 px screen with the 300 px sidebar open leaves about 900 px of grid beside the row
  // numbers (Excel's task pane and the Sheets sidebar are 300–350 px wide).
  const VISIBLE = 900;
  it.each(LANGS)('in %s, shows the KPI, its result, target and status within 900 px', (lang) => {
    const p = plan('scorecard', lang);
    const header = p.cells.findIndex((line) => line[0]?.role === 'header');
    for (const key of ['col.kpi', 'col.result', 'col.yourTarget', 'col.status'] as const) {
      const col = p.cells[header]!.findIndex((cell) => cell?.value === t(lang, key));
      expect(col, key).toBeGreaterThanOrEqual(0);
      expect(span(p, 0, col), key).toBeLessThanOrEqual(VISIBLE);
    }
  });
});

// "One language per sheet" in the exported .xlsx: no text of the English catalogue anywhere in a Finnish workbook's parts.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planToXlsx } from '../../cli/xlsx-writer';
import { t } from '../../core/i18n/index';
import { buildPlan } from '../../core/templates/index';
import { FORMULA_MODES, TEMPLATE_IDS, type Lang } from '../../core/templates/options';
import type { TemplateId } from '../../core/templates/plan';
import {
  englishCatalogue,
  englishIn,
  formulaLiterals,
  monthInEnglishProgram,
  withoutStatusMapping,
  type SeenText,
} from '../support/english-catalogue';
import { allElements, parseXml, type XmlElement } from '../support/xml';

const catalogue = englishCatalogue();

const labelsOf = (lang: Lang) => ({
  onTrack: t(lang, 'status.onTrack'),
  atRisk: t(lang, 'status.atRisk'),
  offTrack: t(lang, 'status.offTrack'),
});

async function exported(
  id: TemplateId,
  lang: Lang,
  mode: (typeof FORMULA_MODES)[number],
  example: boolean,
): Promise<Buffer> {
  const built = buildPlan(
    id,
    { lang, mode, example },
    { startMonth: '2026-01' },
    {
      functionPrefix: 'KPI.',
    },
  );
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  return planToXlsx(built.plan);
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

/** The number format code of each cell style (the `s` of a cell), from xl/styles.xml. */
function styleFormats(styles: XmlElement): (string | undefined)[] {
  const codes = new Map(
    allElements(styles)
      .filter((e) => e.name === 'numFmt')
      .map((e) => [e.attrs.numFmtId, e.attrs.formatCode]),
  );
  const cellXfs = allElements(styles).find((e) => e.name === 'cellXfs');
  return (cellXfs?.children ?? []).map((xf) => codes.get(xf.attrs.numFmtId));
}

/**
 * The month labels of a package part as a spreadsheet program speaking English shows them:
 * worksheet cells through their style's format, chart categories through their axis's format.
 */
function monthLabels(root: XmlElement, formats: (string | undefined)[]): string[] {
  const labels: string[] = [];
  const shown = (value: string | undefined, format: string | undefined) => {
    const label = monthInEnglishProgram(Number(value), format);
    if (label !== null) labels.push(label);
  };
  for (const cell of allElements(root).filter((e) => e.name === 'c' && e.attrs.s !== undefined))
    shown(child(cell, 'v')?.text, formats[Number(cell.attrs.s)]);
  const axis = allElements(root).find((e) => e.name === 'c:catAx' || e.name === 'c:dateAx');
  const axisFormat = axis && child(axis, 'c:numFmt')?.attrs.formatCode;
  for (const category of allElements(root).filter((e) => e.name === 'c:cat'))
    for (const point of allElements(category).filter((e) => e.name === 'c:pt'))
      shown(child(point, 'c:v')?.text, axisFormat);
  return labels;
}

/**
 * Every text of the package's workbook parts as a reader's program finds it: shared strings,
 * cell values, formulas' string literals (the status mapping aside), notes, validation prompts
 * and dropdown lists, conditional formats, number formats, sheet names, chart titles and series,
 * and month labels (cells and chart axes) as a program speaking English shows them.
 */
async function packageTexts(xlsx: Buffer, labels: Record<string, string>): Promise<SeenText[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const seen: SeenText[] = [];
  const formats = styleFormats(parseXml(await zip.file('xl/styles.xml')!.async('string')));
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/.*\.xml$/.test(p))) {
    const root = parseXml(await zip.file(path)!.async('string'));
    for (const text of monthLabels(root, formats))
      seen.push({ where: `${path} month label`, text });
    for (const element of allElements(root)) {
      const where = `${path} <${element.name}>`;
      if (element.name === 'f') {
        for (const text of formulaLiterals(withoutStatusMapping(element.text, labels)))
          seen.push({ where, text, literal: true });
        continue;
      }
      if (element.text.trim() !== '') seen.push({ where, text: element.text });
      for (const [name, value] of Object.entries(element.attrs))
        seen.push({ where: `${where} ${name}`, text: value });
    }
  }
  return seen;
}

describe.each(TEMPLATE_IDS)('exported %s', (id) => {
  it.each(FORMULA_MODES.flatMap((mode) => [true, false].map((example) => ({ mode, example }))))(
    'in Finnish holds no English ($mode, example $example)',
    async ({ mode, example }) => {
      const seen = await packageTexts(await exported(id, 'fi', mode, example), labelsOf('fi'));
      expect(seen.length).toBeGreaterThan(20);
      expect(englishIn(seen, catalogue)).toEqual([]);
    },
  );

  it('in English holds the English texts (the check reads the package)', async () => {
    const seen = await packageTexts(await exported(id, 'en', 'functions', true), labelsOf('en'));
    const found = englishIn(seen, catalogue);
    expect(found.some((line) => line.includes(`← ${id}.name`))).toBe(true);
  });
});

describe('the package reader', () => {
  it('reads month labels of cells and chart axes as an English-speaking program shows them', async () => {
    const english = await packageTexts(
      await exported('dashboard', 'en', 'portable', true),
      labelsOf('en'),
    );
    const months = english.filter((seen) => seen.where.endsWith('month label'));
    // 12 month cells and the revenue chart's 12 categories under each of its 2 series; example
    // data fills the twelve months before the start month (January 2026).
    expect(months).toHaveLength(36);
    expect(months.filter((m) => m.where.includes('chart'))).toHaveLength(24);
    expect(months.map((m) => m.text)).toContain('Jan 2025');
  });

  it('finds the statuses, the yes/no list and the chart title of an English export', async () => {
    const english = await packageTexts(
      await exported('scorecard', 'en', 'portable', true),
      labelsOf('en'),
    );
    const keys = englishIn(english, catalogue).map((line) => line.split('← ')[1]);
    for (const key of ['status.onTrack', 'status.atRisk', 'status.offTrack', 'common.yes'])
      expect(keys, key).toContain(key);
    const dashboard = await packageTexts(
      await exported('dashboard', 'en', 'portable', true),
      labelsOf('en'),
    );
    expect(englishIn(dashboard, catalogue).some((line) => line.includes('dashboard.chart'))).toBe(
      true,
    );
  });
});

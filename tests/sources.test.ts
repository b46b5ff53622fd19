// Sources cited as a reader finds them: no internal document number anywhere a user looks, every cited work in the spec.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../core/i18n/index';
import { functionHelp } from '../core/i18n/function-help';
import { FUNCTIONS } from '../core/registry/index';
import { buildPlan, listTemplates } from '../core/templates/index';
import { FORMULA_MODES, LANGS, TEMPLATE_IDS } from '../core/templates/options';
import { UI_TEXTS } from '../core/ui/texts';
import { customFunctionsMetadata } from '../excel-addin/metadata';
import { renderSupportPage } from '../excel-addin/support-page';
import { CITED_WORKS, seenTexts } from './support/english-catalogue';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/**
 * An internal document number: "seed 004", "lähdeaineisto 004", a section sign, or 000–004
 * standing alone. Digit groups of a larger number ("100,000", "2 000") are not one.
 */
const DOCUMENT_NUMBER = /\b(?:seed|lähdeaineisto)\b|(?<!\d[,.\s\u00a0\u202f]?)\b00[0-4]\b|§\s*\d/iu;

/** The benchmarks table's source column (docs/spec/benchmarks.md): the works a sheet may cite. */
const SPEC_SOURCES = read('../docs/spec/benchmarks.md')
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| KPI') && !line.startsWith('|--'))
  .map((line) => line.split('|')[4]!.trim())
  .join('\n');

/** Every text a user reads: sheets, sidebar, messages, function help, Excel metadata, README. */
function userTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  const add = (where: string, text: string) => texts.push({ where, text });
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(MESSAGES[lang])) add(`message ${lang} ${key}`, text);
    for (const [key, text] of Object.entries(UI_TEXTS[lang])) add(`sidebar ${lang} ${key}`, text);
    for (const info of listTemplates(lang))
      add(`gallery ${lang} ${info.id}`, [info.name, info.purpose, ...info.kpis].join(' | '));
    for (const id of TEMPLATE_IDS)
      for (const mode of FORMULA_MODES) {
        const built = buildPlan(id, { lang, mode }, {}, { functionPrefix: 'KPI.' });
        if (!built.ok) throw new Error(`${id} was refused`);
        for (const seen of seenTexts(built.plan, {}))
          add(`${id} ${lang} ${mode} ${seen.where}`, seen.text);
      }
    for (const spec of FUNCTIONS) {
      const help = functionHelp(spec, lang);
      add(
        `${spec.name} help ${lang}`,
        [help.description, ...help.params.map((p) => p.description)].join(' | '),
      );
    }
  }
  for (const spec of FUNCTIONS) {
    add(`${spec.name} source`, spec.source);
    add(`${spec.name} examples`, spec.examples.map((example) => example.note ?? '').join(' | '));
  }
  add('functions.json', JSON.stringify(customFunctionsMetadata(FUNCTIONS)));
  add('functions-fi.json', JSON.stringify(customFunctionsMetadata(FUNCTIONS, 'fi')));
  add(
    'support page',
    renderSupportPage({ baseUrl: 'https://localhost:3000/', version: '1.0.0.0' }),
  );
  add('README.md', read('../README.md'));
  return texts;
}

describe('the document-number pattern', () => {
  it.each([
    'Pharmaceutical case, seed 004',
    'Convergys contract renewal case study (seed 004): …',
    'Lääkeyrityksen tapaus, lähdeaineisto 004',
    '001 §3, design card',
    '002, 003',
    '000 IV.A, IV.E, 001',
  ])('finds %s', (text) => expect(text).toMatch(DOCUMENT_NUMBER));

  it.each(['100,000', '2 000 €', '€1.000.000', 'Q1 2026', '2005', 'KPI.SALES_ROI(50000, 10000)'])(
    'passes %s',
    (text) => expect(text).not.toMatch(DOCUMENT_NUMBER),
  );
});

describe('what a user reads', () => {
  const texts = userTexts();

  it('covers sheets, sidebar, messages, function help, functions.json and the README', () => {
    expect(texts.length).toBeGreaterThan(1_000);
    expect(texts.some((t) => t.where === 'README.md' && t.text.includes('KPI.KPI_STATUS'))).toBe(
      true,
    );
  });

  it('names no internal document', () => {
    const found = texts.filter(({ text }) => DOCUMENT_NUMBER.test(text));
    expect(found.map(({ where, text }) => `${where}: ${text.match(DOCUMENT_NUMBER)![0]}`)).toEqual(
      [],
    );
  });

  it('cites every work by what the spec names it (author, title, publication)', () => {
    for (const work of CITED_WORKS) expect(SPEC_SOURCES, work).toContain(work);
    // A cited title stands in typographic quotes (“…” in English, ”…” in Finnish).
    const quoted = /[“”]([^“”]{4,}?)[“”]/g;
    for (const { where, text } of texts.filter((t) => !t.where.startsWith('README')))
      for (const [, title] of text.matchAll(quoted))
        if (/\b(?:Sales|Metrics|Business|Review|Inside)\b/.test(title!))
          expect(SPEC_SOURCES, `${where}: ${title}`).toContain(title!);
  });
});

describe('the functions’ sources', () => {
  it('say "standard industry definition" or cite a work of the spec', () => {
    for (const spec of FUNCTIONS) {
      const cited = CITED_WORKS.some((work) => spec.source.includes(work));
      expect(spec.source.startsWith('standard industry definition') || cited, spec.name).toBe(true);
    }
  });
});

// Renders the README's function reference from the registry, one table per category.
import type { FunctionSpec } from '../../core/registry/types';
import { exampleText, excelSignature, resultKindText } from './format';

/** Keeps a table cell on one row: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function returnsText(spec: FunctionSpec): string {
  const sets =
    spec.mode === 'set' ? ' Takes whole ranges as data sets; blank cells are skipped.' : '';
  return `${spec.description} *Returns:* ${resultKindText(spec.result)}.${sets}`;
}

function row(spec: FunctionSpec): string {
  const example = spec.examples[0];
  const cells = [
    `\`${excelSignature(spec)}\``,
    returnsText(spec),
    example ? exampleText(spec, example) : '',
    spec.source,
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** The functions grouped by category, in registry order. */
function byCategory(functions: readonly FunctionSpec[]): Map<string, FunctionSpec[]> {
  const groups = new Map<string, FunctionSpec[]>();
  for (const spec of functions) {
    const group = groups.get(spec.category) ?? [];
    group.push(spec);
    groups.set(spec.category, group);
  }
  return groups;
}

/** The Markdown reference of `functions`: an introduction, then a table per category. */
export function renderFunctionReference(functions: readonly FunctionSpec[]): string {
  const groups = byCategory(functions);
  const lines = [
    `${functions.length} functions in ${groups.size} categories. Names are shown as Excel spells them ` +
      '(`=KPI.LEAD_CONVERSION(B2, B3)`); Google Sheets uses the plain name (`=LEAD_CONVERSION(B2, B3)`). ' +
      'Parameters in brackets are optional, with their default. The example is the first worked ' +
      'example in the registry, which the tests also check.',
  ];
  for (const [category, specs] of groups) {
    lines.push(
      '',
      `### ${category}`,
      '',
      '| function | returns | example | source |',
      '| --- | --- | --- | --- |',
      ...specs.map(row),
    );
  }
  return lines.join('\n');
}

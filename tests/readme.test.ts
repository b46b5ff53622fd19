// The README's function reference is generated from the registry and kept up to date.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../core/registry/index';
import type { FunctionSpec } from '../core/registry/types';
import { excelSignature, resultText } from '../scripts/docs/format';
import { renderFunctionReference } from '../scripts/docs/function-table';
import { listTemplates } from '../core/templates/index';
import { parseArgs } from '../cli/args';
import { cliText } from '../cli/messages';
import { EXIT } from '../cli/main';
import { MAX_BYTES, MAX_ROWS } from '../core/import/limits';
import {
  END_MARKER,
  START_MARKER,
  TEMPLATES_END_MARKER,
  TEMPLATES_START_MARKER,
  withCrmFieldReference,
  withFunctionReference,
  withTemplateReference,
} from '../scripts/docs/readme';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** The README section under a "## title" heading, up to the next one. */
function section(title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  expect(start, `README has a "## ${title}" section`).toBeGreaterThanOrEqual(0);
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

describe('README.md', () => {
  it('has an up-to-date function reference', () => {
    expect(
      withFunctionReference(readme) === readme,
      'README function table is stale: run npm run docs',
    ).toBe(true);
  });

  it('has an up-to-date template list naming every template id', () => {
    expect(
      withTemplateReference(readme) === readme,
      'README template table is stale: run npm run docs',
    ).toBe(true);
    const list = readme.slice(
      readme.indexOf(TEMPLATES_START_MARKER),
      readme.indexOf(TEMPLATES_END_MARKER),
    );
    for (const template of listTemplates('en')) expect(list).toContain(`| \`${template.id}\` |`);
  });

  it('lists every registry function in its Excel spelling, under its category', () => {
    const reference = readme.slice(readme.indexOf(START_MARKER), readme.indexOf(END_MARKER));
    for (const spec of FUNCTIONS) {
      expect(reference).toContain(`\`KPI.${spec.name}(`);
      expect(reference).toContain(`### ${spec.category}`);
    }
  });

  it('quick start has exactly the two set-up commands, each in its own code block', () => {
    const blocks = [...section('Quick start').matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
      m[1]!.trim(),
    );
    expect(blocks).toEqual(['npm ci && npm start', 'npm test']);
  });
});

describe('README.md "Use your CRM data"', () => {
  const crm = () => section('Use your CRM data');

  it('has an up-to-date field table generated from the import’s known headers', () => {
    expect(
      withCrmFieldReference(readme) === readme,
      'README CRM field table is stale: run npm run docs',
    ).toBe(true);
    expect(crm()).toContain('| `amount` | yes |');
  });

  it('states the limits the core enforces', () => {
    expect(crm()).toContain(`at most ${MAX_ROWS.toLocaleString('en')} data rows`);
    expect(MAX_BYTES % (1024 * 1024)).toBe(0);
    expect(crm()).toContain(`and ${MAX_BYTES / (1024 * 1024)} MB per file`);
  });

  it('gives a command line the CLI reads as it says: the file, one column and one stage', () => {
    const line = /```text\nnpx sales-kpi (.*)\n```/.exec(crm())?.[1];
    expect(line, 'a sales-kpi example in a text block').toBeDefined();
    // The shell's reading: words, "quoted words" joined to what they touch.
    const argv = [...line!.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));
    const parsed = parseArgs(argv, 'en');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.command).toMatchObject({
      kind: 'export',
      templateId: 'pipeline',
      out: 'report.xlsx',
      data: {
        path: 'deals.csv',
        columns: { amount: ['Deal value'] },
        stages: { 'Closed won': 'won' },
      },
    });
  });

  it('names only options the CLI knows', () => {
    const flags = [...crm().matchAll(/`(--[a-z-]+)[^`]*`/g)].map((m) => m[1]!);
    expect(flags).toEqual(expect.arrayContaining(['--map', '--won', '--lost', '--day-order']));
    for (const flag of flags) {
      const parsed = parseArgs(['export', 'pipeline', '--data', 'd.csv', flag, 'x=y'], 'en');
      const unknown = cliText('en', 'unknownFlag', { value: flag });
      expect(parsed.ok || parsed.message !== unknown, `${flag} is an option`).toBe(true);
    }
  });

  it('states the exit codes the CLI returns', () => {
    expect(crm()).toContain(
      `Exit code ${EXIT.ok} when every row was read, ${EXIT.rowsLeftOut} when some rows were reported and left out`,
    );
    expect(crm()).toContain(`${EXIT.refused} when the file or an option is refused`);
  });
});

describe('the reference generator', () => {
  const spec = {
    name: 'CLV_TEST',
    category: 'Customers',
    result: 'money',
    mode: 'each',
    description: 'Test | function.',
    source: 'seed 001',
    params: [
      { name: 'value', description: '', kind: 'money' },
      { name: 'margin', description: '', kind: 'fraction', default: 1 },
      { name: 'higher', description: '', kind: 'flag', default: true },
    ],
    examples: [{ args: [[[500], [null]], 0.6], result: 2984.2223, note: 'a note' }],
    compute: () => 0,
  } satisfies FunctionSpec;

  it('writes optional parameters in brackets with their default', () => {
    expect(excelSignature(spec)).toBe('KPI.CLV_TEST(value, [margin=1], [higher=TRUE])');
  });

  it('shows rates as percentages, money with separators, and errors as their codes', () => {
    expect(resultText('rate', 0.3)).toBe('30%');
    expect(resultText('rate', 0.025)).toBe('2.5%');
    expect(resultText('money', 2984.2223)).toBe('2,984.22');
    expect(resultText('days', 45)).toBe('45 days');
    expect(resultText('rate', '#DIV/0!')).toBe('#DIV/0!');
    expect(resultText('status', 'At risk')).toBe('At risk');
  });

  it('renders one row per function with its first example, ranges as array constants', () => {
    const table = renderFunctionReference([spec]);
    expect(table).toContain('### Customers');
    expect(table).toContain(
      '| `KPI.CLV_TEST(value, [margin=1], [higher=TRUE])` | Test \\| function. *Returns:* money, ' +
        'in the inputs’ currency. | `=KPI.CLV_TEST({500;""}, 0.6)` → **2,984.22** (a note) | seed 001 |',
    );
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    const text = `intro\n${START_MARKER}\nold table\n${END_MARKER}\noutro\n`;
    const updated = withFunctionReference(text);
    expect(updated.startsWith(`intro\n${START_MARKER}\n\n`)).toBe(true);
    expect(updated.endsWith(`\n\n${END_MARKER}\noutro\n`)).toBe(true);
    expect(updated).not.toContain('old table');
    expect(withFunctionReference(updated)).toBe(updated);
    expect(() => withFunctionReference('no markers')).toThrow(START_MARKER);
  });
});

// Runs one sales-kpi command (list, export, help) against the core; returns the exit code, never throws.
import { basename, resolve } from 'node:path';
import { FIELD_KEYS, planImport } from '../core/import/index';
import type { DataSheetPlan } from '../core/import/workbook-types';
import { FUNCTIONS } from '../core/registry/index';
import {
  TEMPLATE_OPTION_NAMES,
  buildPlan,
  listTemplates,
  templateOptions,
  type TemplateId,
  type TemplateOptionName,
  type TemplateOptionsInput,
} from '../core/templates/index';
import type { HostDefaults, Lang } from '../core/templates/options';
import type { SheetPlan } from '../core/templates/plan';
import { VALUE_FLAGS, parseArgs, type Command, type DataOptions } from './args';
import { readDealsFile } from './deals-file';
import { importDealsFile, rowReport, rowsLeftOut } from './deals-import';
import { cliText } from './messages';
import { writeWorkbookFile } from './output-file';
import { planToXlsx } from './xlsx-writer';

/** Where the command's text goes (the terminal, or a test's buffer). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What the environment supplies: the terminal's language and today's month ("YYYY-MM"). */
export interface CliEnvironment {
  lang: Lang;
  month: string;
}

/**
 * Exit codes: 0 done, 1 the file could not be written, 2 the command (or its deals file) was
 * refused and nothing was written, 3 written, but some rows of the deals file were left out.
 */
export const EXIT = { ok: 0, failed: 1, refused: 2, rowsLeftOut: 3 } as const;

/** The template that reads a data sheet of deals: the one `--data` feeds. */
const PIPELINE = 'pipeline';

/** .xlsx files are read by Excel, whose add-in registers the functions as KPI.NAME. */
const XLSX_TARGET = { functionPrefix: 'KPI.' };

function list(lang: Lang, io: CliIo): number {
  const templates = listTemplates(lang);
  const idWidth = Math.max(...templates.map((t) => t.id.length));
  io.out(cliText(lang, 'templatesHeading'));
  for (const t of templates) io.out(`  ${t.id.padEnd(idWidth)}  ${t.name}: ${t.purpose}`);
  io.out('');
  io.out(cliText(lang, 'functionsHeading'));
  const nameWidth = Math.max(...FUNCTIONS.map((f) => f.name.length));
  for (const f of FUNCTIONS) io.out(`  ${f.name.padEnd(nameWidth)}  ${f.description}`);
  return EXIT.ok;
}

/** The flags given for options this template does not use (a scorecard has no periods). */
function inapplicableFlags(templateId: TemplateId, options: TemplateOptionsInput): string[] {
  const used: string[] = templateOptions(templateId);
  return Object.entries(VALUE_FLAGS)
    .filter(([, option]) => (TEMPLATE_OPTION_NAMES as readonly string[]).includes(option))
    .filter(([, option]) => options[option as TemplateOptionName] !== undefined)
    .filter(([, option]) => !used.includes(option))
    .map(([flag]) => flag);
}

/** Runs the command line `argv` (without node and the script name). */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: CliEnvironment,
): Promise<number> {
  const parsed = parseArgs(argv, env.lang);
  if (!parsed.ok) {
    io.err(`sales-kpi: ${parsed.message}`);
    return EXIT.refused;
  }
  const command = parsed.command;
  const lang = command.lang;
  if (command.kind === 'help') {
    io.out(cliText(lang, 'usage', { fields: FIELD_KEYS.join(', ') }));
    return EXIT.ok;
  }
  if (command.kind === 'list') return list(lang, io);

  const host: HostDefaults = { lang: env.lang, startMonth: env.month };
  const planned = command.data
    ? await importedWorkbook(command, command.data, host, io)
    : builtWorkbook(command, host, io);
  if (!planned) return EXIT.refused;
  const { plan, data } = planned;
  for (const flag of inapplicableFlags(plan.templateId, command.options))
    io.err(`sales-kpi: ${cliText(lang, 'ignoredOption', { flag, template: plan.templateId })}`);
  const path = resolve(command.out);
  let content: Uint8Array;
  try {
    content = await planToXlsx(plan, data);
  } catch (error) {
    io.err(
      `sales-kpi: ${cliText(lang, 'failed', { reason: error instanceof Error ? error.message : String(error) })}`,
    );
    return EXIT.failed;
  }
  const written = await writeWorkbookFile(path, content, command.force, lang);
  if (!written.ok) {
    io.err(`sales-kpi: ${written.message}`);
    return EXIT.failed;
  }
  io.out(
    cliText(lang, 'written', {
      path: command.out,
      template: plan.templateId,
      sheet: plan.sheetName,
      mode: plan.options.mode,
    }),
  );
  return planned.rowsLeftOut ? EXIT.rowsLeftOut : EXIT.ok;
}

type ExportCommand = Extract<Command, { kind: 'export' }>;

/** What one export writes: the template's plan, the data sheet it reads (pipeline), rows left out. */
interface PlannedWorkbook {
  plan: SheetPlan;
  data?: DataSheetPlan;
  rowsLeftOut: boolean;
}

/** The template with its example data sheet (pipeline), or null when the options were refused. */
function builtWorkbook(
  command: ExportCommand,
  host: HostDefaults,
  io: CliIo,
): PlannedWorkbook | null {
  const built = buildPlan(command.templateId, command.options, host, XLSX_TARGET);
  if (!built.ok) {
    for (const error of built.errors) io.err(`sales-kpi: ${error.message}`);
    return null;
  }
  return { plan: built.plan, data: built.dataSheet, rowsLeftOut: false };
}

/**
 * The pipeline analysis of the deals file, or null when the file, an override or an option
 * was refused (the reasons on standard error). The row report goes to standard error too.
 */
async function importedWorkbook(
  command: ExportCommand,
  data: DataOptions,
  host: HostDefaults,
  io: CliIo,
): Promise<PlannedWorkbook | null> {
  const lang = command.lang;
  if (command.templateId !== PIPELINE) {
    io.err(`sales-kpi: ${cliText(lang, 'dataNotHere', { template: command.templateId })}`);
    return null;
  }
  const read = await readDealsFile(data.path, lang);
  if (!read.ok) {
    io.err(`sales-kpi: ${read.message}`);
    return null;
  }
  const result = importDealsFile(read.bytes, data.path, data, lang);
  if (!result.ok) {
    for (const message of result.messages) io.err(`sales-kpi: ${message}`);
    return null;
  }
  const { imported, notes } = result;
  const planned = planImport(
    imported,
    { options: command.options, fileName: basename(data.path), replace: false, withAnalysis: true },
    host,
    XLSX_TARGET,
  );
  if (!planned.ok) {
    for (const error of planned.errors) io.err(`sales-kpi: ${error.message}`);
    return null;
  }
  const { dataSheet, analysis } = planned.request;
  if (!analysis) throw new Error('the import plan has no analysis sheet');
  for (const note of notes) io.err(`sales-kpi: ${note}`);
  if (imported.currencies.length > 1)
    io.err(
      `sales-kpi: ${cliText(lang, 'dataCurrencies', {
        currencies: imported.currencies.join(', '),
        currency: analysis.options.currency,
      })}`,
    );
  for (const line of rowReport(imported.problems, data.path, lang)) io.err(line);
  io.out(cliText(lang, 'dealsRead', { deals: imported.deals.length, path: data.path }));
  return { plan: analysis, data: dataSheet, rowsLeftOut: rowsLeftOut(imported.problems) };
}

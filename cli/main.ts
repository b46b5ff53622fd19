// Runs one sales-kpi command (list, export, help) against the core; returns the exit code, never throws.
import { resolve } from 'node:path';
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
import { VALUE_FLAGS, parseArgs } from './args';
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

/** Exit codes: 0 done, 1 the file could not be written, 2 the command was refused. */
export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

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
    io.out(cliText(lang, 'usage'));
    return EXIT.ok;
  }
  if (command.kind === 'list') return list(lang, io);

  const host: HostDefaults = { lang: env.lang, startMonth: env.month };
  const built = buildPlan(command.templateId, command.options, host, XLSX_TARGET);
  if (!built.ok) {
    for (const error of built.errors) io.err(`sales-kpi: ${error.message}`);
    return EXIT.refused;
  }
  const plan = built.plan;
  for (const flag of inapplicableFlags(plan.templateId, command.options))
    io.err(`sales-kpi: ${cliText(lang, 'ignoredOption', { flag, template: plan.templateId })}`);
  const path = resolve(command.out);
  let content: Uint8Array;
  try {
    content = await planToXlsx(plan);
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
  return EXIT.ok;
}

// Renders the template catalogue as the README's table of templates.
import type { TemplateInfo } from '../../core/templates/index';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function optionsText(template: TemplateInfo): string {
  const options: string[] = [];
  if (template.defaultPeriods !== undefined)
    options.push(`periods (default ${template.defaultPeriods}), startMonth`);
  if (template.defaultRows !== undefined)
    options.push(`rows: ${template.rowsLabel?.toLowerCase()} (default ${template.defaultRows})`);
  if (template.options.includes('currency')) options.push('currency');
  return options.length > 0 ? options.join(', ') : '—';
}

/** A Markdown table: id, name and purpose, the KPIs tracked, the functions used, its own options. */
export function renderTemplateReference(templates: readonly TemplateInfo[]): string {
  const header = [
    `${templates.length} templates. Every template also takes \`lang\`, \`mode\`, \`example\` and \`protect\`; those holding money also \`currency\`.`,
    '',
    '| id | template | KPIs | functions | own options |',
    '| --- | --- | --- | --- | --- |',
  ];
  const rows = templates.map(
    (t) =>
      `| \`${t.id}\` | **${cell(t.name)}**: ${cell(t.purpose)} | ${cell(t.kpis.join(', '))} | ` +
      `${t.functions.map((name) => `\`${name}\``).join(', ')} | ${optionsText(t)} |`,
  );
  return [...header, ...rows].join('\n');
}

// Puts the generated references (functions from the registry, templates from the catalogue, CRM import fields from its headers) into the README.
import { FUNCTIONS } from '../../core/registry/index';
import { listTemplates } from '../../core/templates/index';
import { renderCrmFieldReference } from './crm-fields';
import { renderFunctionReference } from './function-table';
import { renderTemplateReference } from './template-table';

export const START_MARKER = '<!-- functions:start -->';
export const END_MARKER = '<!-- functions:end -->';
export const TEMPLATES_START_MARKER = '<!-- templates:start -->';
export const TEMPLATES_END_MARKER = '<!-- templates:end -->';
export const CRM_FIELDS_START_MARKER = '<!-- crm-fields:start -->';
export const CRM_FIELDS_END_MARKER = '<!-- crm-fields:end -->';

/** `readme` with `content` between the two markers; throws when they are missing or out of order. */
function withSection(readme: string, start: string, end: string, content: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs ${start} followed by ${end}`);
  return `${readme.slice(0, from + start.length)}\n\n${content}\n\n${readme.slice(to)}`;
}

/** The README text with the function reference regenerated from the registry (pure). */
export function withFunctionReference(readme: string): string {
  return withSection(readme, START_MARKER, END_MARKER, renderFunctionReference(FUNCTIONS));
}

/** The README text with the template list regenerated from the catalogue (pure). */
export function withTemplateReference(readme: string): string {
  return withSection(
    readme,
    TEMPLATES_START_MARKER,
    TEMPLATES_END_MARKER,
    renderTemplateReference(listTemplates('en')),
  );
}

/** The README text with the CRM import's field table regenerated from core/import/headers.ts (pure). */
export function withCrmFieldReference(readme: string): string {
  return withSection(
    readme,
    CRM_FIELDS_START_MARKER,
    CRM_FIELDS_END_MARKER,
    renderCrmFieldReference(),
  );
}

/** Every generated section of the README regenerated. */
export function withGeneratedSections(readme: string): string {
  return withCrmFieldReference(withTemplateReference(withFunctionReference(readme)));
}

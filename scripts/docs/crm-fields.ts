// Renders the CRM import's fields and the export headers recognised for each (core/import/headers.ts) as the README's field table.
import {
  CLOSE_TIME_HEADERS,
  CLOSED_FLAG_HEADERS,
  KNOWN_HEADERS,
  WON_FLAG_HEADERS,
  type Crm,
} from '../../core/import/headers';
import { missingFields } from '../../core/import/mapping';
import { FIELD_KEYS, type FieldKey } from '../../core/import/types';

const CRM_NAMES: Readonly<Record<Crm, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
};

const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;

/** What a field needs: the required ones as `missingFields` names them for an empty mapping. */
function requirement(field: FieldKey, required: readonly FieldKey[]): string {
  if (field === 'stage' || field === 'outcome') return 'yes: stage or outcome';
  if (field === 'closed') return 'yes, for won and lost deals';
  return required.includes(field) ? 'yes' : '';
}

/** The headers recognised for `field`, per CRM; assumed ones (not yet seen in an export) starred. */
function headersOf(field: FieldKey): string {
  const parts: string[] = [];
  for (const crm of Object.keys(CRM_NAMES) as Crm[]) {
    const headers = KNOWN_HEADERS.filter((known) => known.field === field && known.crm === crm).map(
      (known) => `${code(known.header)}${known.verified ? '' : '*'}`,
    );
    // headers.ts: the won / lost time pair is verified in English only; the checkboxes are assumed.
    if (crm === 'pipedrive' && field === 'closed')
      headers.push(`whichever is filled of ${CLOSE_TIME_HEADERS.map(code).join(', ')} (Finnish*)`);
    if (crm === 'salesforce' && field === 'outcome')
      headers.push(
        `checkboxes ${WON_FLAG_HEADERS.map(code).join(' / ')} and ${CLOSED_FLAG_HEADERS.map(code).join(' / ')}*`,
      );
    if (headers.length > 0) parts.push(`${CRM_NAMES[crm]}: ${headers.join(', ')}`);
  }
  return parts.join('; ') || '(by header words only)';
}

/** A Markdown table: field key, whether it is required, the headers each CRM's export uses for it. */
export function renderCrmFieldReference(): string {
  const required = missingFields({ columns: {} });
  const rows = FIELD_KEYS.map(
    (field) => `| \`${field}\` | ${requirement(field, required)} | ${headersOf(field)} |`,
  );
  return [
    '| field | required | recognised headers (English and Finnish) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '\\* assumed from the CRM’s own field labels, not yet checked against a real export. Other',
    'headers are matched by words in them ("Revenue", "Created on", "Sales rep", "Kanava"…), and',
    'every column can be changed before importing.',
  ].join('\n');
}

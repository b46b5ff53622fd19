// The default deal-export headers of HubSpot, Salesforce and Pipedrive (English, and Finnish where localised), per field.
import type { FieldKey } from './types';

export type Crm = 'hubspot' | 'salesforce' | 'pipedrive';

/**
 * Header text → field. "verified" headers were seen in real exports or in code that reads them
 * (HubSpot: "Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount",
 * "Pipeline" in an "all deals" export, "Create Date" in its property list; Salesforce report
 * columns "Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Close Date",
 * "Amount"; Pipedrive "Deal - ID", "Deal - Title", "Deal - Stage", "Deal - Status",
 * "Deal - Owner", "Deal - Value", "Deal - Currency", "Deal - Won time", "Deal - Lost time",
 * "Deal - Deal created", "Deal - Add time", "Deal - Pipeline"). The rest, every Finnish header
 * included, follow the CRMs' own field labels and are assumed until checked against an export.
 */
interface KnownHeader {
  readonly header: string;
  readonly field: FieldKey;
  readonly crm: Crm;
  readonly verified: boolean;
}

const known = (
  crm: Crm,
  verified: boolean,
  entries: readonly [FieldKey, string][],
): KnownHeader[] => entries.map(([field, header]) => ({ field, header, crm, verified }));

export const KNOWN_HEADERS: readonly KnownHeader[] = [
  ...known('hubspot', true, [
    ['id', 'Record ID'],
    ['name', 'Deal Name'],
    ['stage', 'Deal Stage'],
    ['amount', 'Amount'],
    ['created', 'Create Date'],
    ['closed', 'Close Date'],
    ['owner', 'Deal owner'],
    ['pipeline', 'Pipeline'],
  ]),
  ...known('hubspot', false, [
    ['currency', 'Currency'],
    ['source', 'Original Source Type'],
    ['source', 'Deal source'],
    ['name', 'Kaupan nimi'],
    ['stage', 'Kaupan vaihe'],
    ['amount', 'Summa'],
    ['created', 'Luontipäivä'],
    ['closed', 'Sulkemispäivä'],
    ['owner', 'Kaupan omistaja'],
    ['pipeline', 'Myyntiputki'],
    ['currency', 'Valuutta'],
    ['id', 'Tietueen tunnus'],
  ]),
  ...known('salesforce', true, [
    ['name', 'Opportunity Name'],
    ['stage', 'Stage'],
    ['amount', 'Amount'],
    ['closed', 'Close Date'],
    ['owner', 'Opportunity Owner'],
  ]),
  ...known('salesforce', false, [
    ['id', 'Opportunity ID'],
    ['created', 'Created Date'],
    ['source', 'Lead Source'],
    ['currency', 'Opportunity Currency'],
    ['currency', 'Amount Currency'],
    ['name', 'Myyntimahdollisuuden nimi'],
    ['stage', 'Vaihe'],
    ['created', 'Luontipäivämäärä'],
    ['closed', 'Päättymispäivämäärä'],
    ['owner', 'Myyntimahdollisuuden omistaja'],
    ['source', 'Liidin lähde'],
  ]),
  ...known('pipedrive', true, [
    ['id', 'Deal - ID'],
    ['name', 'Deal - Title'],
    ['stage', 'Deal - Stage'],
    ['outcome', 'Deal - Status'],
    ['owner', 'Deal - Owner'],
    ['amount', 'Deal - Value'],
    ['currency', 'Deal - Currency'],
    ['created', 'Deal - Deal created'],
    ['created', 'Deal - Add time'],
    ['pipeline', 'Deal - Pipeline'],
  ]),
  ...known('pipedrive', false, [
    ['source', 'Deal - Source'],
    ['source', 'Deal - Source channel'],
    ['closed', 'Deal - Deal closed on'],
    ['id', 'Kauppa - ID'],
    ['name', 'Kauppa - Otsikko'],
    ['stage', 'Kauppa - Vaihe'],
    ['outcome', 'Kauppa - Tila'],
    ['owner', 'Kauppa - Omistaja'],
    ['amount', 'Kauppa - Arvo'],
    ['currency', 'Kauppa - Valuutta'],
    ['created', 'Kauppa - Kauppa luotu'],
    ['created', 'Kauppa - Lisäysaika'],
    ['pipeline', 'Kauppa - Myyntiputki'],
    ['source', 'Kauppa - Lähde'],
    ['closed', 'Kauppa - Kauppa suljettu'],
  ]),
];

/**
 * Pipedrive keeps the close day in two columns, one per outcome: the close date is whichever
 * is filled. Verified: "Deal - Won time", "Deal - Lost time"; the Finnish pair is assumed.
 */
export const CLOSE_TIME_HEADERS: readonly string[] = [
  'Deal - Won time',
  'Deal - Lost time',
  'Kauppa - Voittoaika',
  'Kauppa - Häviämisaika',
];

/**
 * Salesforce's checkbox columns "Won" and "Closed" (assumed headers of the report's IsWon and
 * IsClosed): when both are there they decide the outcome, whatever the stage is called.
 */
export const WON_FLAG_HEADERS: readonly string[] = ['Won', 'Voitettu'];
export const CLOSED_FLAG_HEADERS: readonly string[] = ['Closed', 'Suljettu'];

// Words that suggest a field in a header no CRM default uses, checked in this order.
export const HEADER_HINTS: readonly [FieldKey, RegExp][] = [
  ['currency', /currency|valuutta/],
  ['outcome', /status|outcome|tila\b|tulos/],
  ['stage', /stage|vaihe/],
  ['amount', /amount|value|revenue|summa|arvo|määrä/],
  ['created', /creat|add(ed)? (time|date)|luo(tu|nti)|lisä/],
  ['closed', /clos|won time|sulje|sulke|päätty/],
  ['owner', /owner|omistaja|myyjä|sales ?rep/],
  ['source', /source|channel|lähde|kanava|team|tiimi/],
  ['pipeline', /pipeline|putki/],
  ['id', /\bid\b|tunnus/],
  ['name', /name|title|nimi|otsikko/],
];

/** Header text compared loosely: case, spaces and a Pipedrive-style dash spacing ignored. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

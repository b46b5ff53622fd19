// Field → column: proposed from the headers (known CRM defaults first, then header words), editable by the user.
import type { DayOrder } from './dates';
import {
  CLOSE_TIME_HEADERS,
  CLOSED_FLAG_HEADERS,
  HEADER_HINTS,
  KNOWN_HEADERS,
  WON_FLAG_HEADERS,
  normaliseHeader,
  type Crm,
} from './headers';
import type { StageOutcomes } from './outcome';
import type { FieldKey } from './types';

/**
 * How a file's columns become deals. Plain data (column indexes, texts), so a host can keep it
 * with the workbook and the user can edit any part of it.
 */
export interface Mapping {
  /** Field → the columns to read it from; the first filled one wins (Pipedrive's won / lost times). */
  readonly columns: Partial<Record<FieldKey, readonly number[]>>;
  /** Salesforce's "Won" and "Closed" checkboxes: when set they decide the outcome. */
  readonly flags?: { readonly won: number; readonly closed: number };
  /** The user's day order for a date column where both orders read every value. */
  readonly dayOrders?: Readonly<Record<number, DayOrder>>;
  /** The user's stage → outcome answers on top of the defaults. */
  readonly outcomes?: StageOutcomes;
}

/** How sure a proposal is: 1 a verified CRM default header, 0.9 an assumed one, 0.5 a header word. */
export type Confidence = 1 | 0.9 | 0.5;

export interface ProposedField {
  readonly field: FieldKey;
  readonly columns: readonly number[];
  readonly headers: readonly string[];
  readonly confidence: Confidence;
}

export interface Proposal {
  /** The CRM whose default headers matched most, or null when none matched. */
  readonly crm: Crm | null;
  readonly fields: readonly ProposedField[];
  readonly mapping: Mapping;
  /** Required fields no column was found for. */
  readonly missing: readonly FieldKey[];
}

/** Required fields that `mapping` leaves without a column: amount, created, closed and outcome or stage. */
export function missingFields(mapping: Mapping): FieldKey[] {
  const has = (field: FieldKey) => (mapping.columns[field]?.length ?? 0) > 0;
  const missing: FieldKey[] = [];
  if (!has('outcome') && !has('stage') && !mapping.flags) missing.push('stage');
  for (const field of ['amount', 'created', 'closed'] as const)
    if (!has(field)) missing.push(field);
  return missing;
}

export function proposeMapping(headers: readonly string[]): Proposal {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const found = new Map<FieldKey, { columns: number[]; confidence: Confidence }>();
  const votes = new Map<Crm, number>();
  const add = (field: FieldKey, column: number, confidence: Confidence) => {
    taken.add(column);
    const entry = found.get(field);
    if (!entry) found.set(field, { columns: [column], confidence });
    else if (field === 'closed') entry.columns.push(column);
  };
  const columnOf = (wanted: readonly string[]) =>
    normalised.findIndex(
      (header, i) => !taken.has(i) && wanted.some((w) => normaliseHeader(w) === header),
    );

  for (const [column, header] of normalised.entries()) {
    const matches = KNOWN_HEADERS.filter((known) => normaliseHeader(known.header) === header);
    const first = matches[0];
    if (!first || (found.has(first.field) && first.field !== 'closed')) continue;
    for (const match of matches) votes.set(match.crm, (votes.get(match.crm) ?? 0) + 1);
    add(first.field, column, matches.some((match) => match.verified) ? 1 : 0.9);
  }
  for (const header of CLOSE_TIME_HEADERS) {
    const column = columnOf([header]);
    if (column >= 0) add('closed', column, 1);
  }
  const won = columnOf(WON_FLAG_HEADERS);
  const closed = columnOf(CLOSED_FLAG_HEADERS);
  const flags = won >= 0 && closed >= 0 ? { won, closed } : undefined;
  if (flags) taken.add(won).add(closed);
  for (const [column, header] of normalised.entries()) {
    if (taken.has(column)) continue;
    const hint = HEADER_HINTS.find(([field, words]) => !found.has(field) && words.test(header));
    if (hint) add(hint[0], column, 0.5);
  }

  const columns: Partial<Record<FieldKey, readonly number[]>> = {};
  const fields: ProposedField[] = [];
  for (const [field, entry] of found) {
    columns[field] = entry.columns;
    fields.push({ field, ...entry, headers: entry.columns.map((c) => headers[c] ?? '') });
  }
  const mapping: Mapping = flags ? { columns, flags } : { columns };
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  return { crm: ranked[0]?.[0] ?? null, fields, mapping, missing: missingFields(mapping) };
}

/**
 * `mapping` with fields set from header text, as the CLI's `--map field=Header` gives them;
 * a header the file lacks is returned in `unknown` so the caller can refuse it.
 */
export function mapByHeaders(
  mapping: Mapping,
  headers: readonly string[],
  chosen: Readonly<Partial<Record<FieldKey, readonly string[]>>>,
): { readonly mapping: Mapping; readonly unknown: readonly string[] } {
  const normalised = headers.map(normaliseHeader);
  const columns = { ...mapping.columns };
  const unknown: string[] = [];
  for (const [field, wanted] of Object.entries(chosen) as [FieldKey, readonly string[]][]) {
    const indexes = wanted.map((header) => normalised.indexOf(normaliseHeader(header)));
    wanted.forEach((header, i) => {
      if (indexes[i] === -1) unknown.push(header);
    });
    columns[field] = indexes.filter((index) => index >= 0);
  }
  return { mapping: { ...mapping, columns }, unknown };
}

// One call from file to deals: decode, split into rows, propose or take a mapping, read the deals.
import { decode, type Encoding } from './decode';
import { applyMapping, type DealTable } from './deals';
import { missingFields, proposeMapping, type Mapping, type Proposal } from './mapping';
import { readTable, type Delimiter, type RawTable } from './table';
import { fail, ok, type Result } from './types';

export interface ImportedDeals extends DealTable {
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  readonly table: RawTable;
  readonly proposal: Proposal;
  /** The mapping the deals were read with: the proposal, or the caller's. */
  readonly mapping: Mapping;
}

/**
 * The deals of a CSV/TSV export. Without `mapping` the detected one is used; a host shows
 * `proposal` first and passes back what the user settled on. Bad input is a returned error.
 */
export function importDeals(input: string | Uint8Array, mapping?: Mapping): Result<ImportedDeals> {
  const decoded = decode(input);
  if (!decoded.ok) return decoded;
  const table = readTable(decoded.value.text);
  if (!table.ok) return table;
  const proposal = proposeMapping(table.value.headers);
  const used = mapping ?? proposal.mapping;
  const missing = missingFields(used);
  if (missing.length > 0) return fail({ kind: 'missing-fields', fields: missing });
  const deals = applyMapping(table.value, used);
  if (!deals.ok) return deals;
  return ok({
    ...deals.value,
    encoding: decoded.value.encoding,
    delimiter: table.value.delimiter,
    table: table.value,
    proposal,
    mapping: used,
  });
}

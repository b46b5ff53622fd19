// One call from file to deals: decode, stream the rows into the columns the mapping reads, read the deals.
import { decode, type Encoding } from './decode';
import { countStages, mappedColumns, readDeals, type DealTable, type StageCount } from './deals';
import { missingFields, proposeMapping, type Mapping, type Proposal } from './mapping';
import { readColumns, type Delimiter, type RawTable } from './table';
import { fail, ok, type Result } from './types';

export interface ImportedDeals extends DealTable {
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  /**
   * The headers and the first `PREVIEW_ROWS` data rows whole, for showing the mapping with the
   * first rows parsed. The file's other rows are not kept (`rowCount` says how many there were):
   * a changed mapping is applied by calling `importDeals` again with the same input.
   */
  readonly table: RawTable;
  /** Data rows in the file, the totals row not counted. */
  readonly rowCount: number;
  /** The stages of the mapped stage column with their counts: what the user maps once. */
  readonly stages: readonly StageCount[];
  readonly proposal: Proposal;
  /** The mapping the deals were read with: the proposal, or the caller's. */
  readonly mapping: Mapping;
}

/**
 * The deals of a CSV/TSV export. Without `mapping` the detected one is used; a host shows
 * `proposal` first and passes back what the user settled on. Bad input is a returned error.
 * Memory: the decoded text, the cells of the mapped columns and the deals; no row arrays.
 */
export function importDeals(input: string | Uint8Array, mapping?: Mapping): Result<ImportedDeals> {
  const decoded = decode(input);
  if (!decoded.ok) return decoded;
  const table = readColumns(decoded.value.text, (headers) =>
    mappedColumns(mapping ?? proposeMapping(headers).mapping),
  );
  if (!table.ok) return table;
  const { headers, delimiter, preview, problems, rowNumbers } = table.value;
  const proposal = proposeMapping(headers);
  const used = mapping ?? proposal.mapping;
  const missing = missingFields(used);
  if (missing.length > 0) return fail({ kind: 'missing-fields', fields: missing });
  const deals = readDeals(table.value, used);
  if (!deals.ok) return deals;
  return ok({
    ...deals.value,
    encoding: decoded.value.encoding,
    delimiter,
    table: { delimiter, headers, rows: preview, problems },
    rowCount: rowNumbers.length,
    stages: countStages(table.value, used),
    proposal,
    mapping: used,
  });
}

// The CRM import's public surface: read a deals export, propose and apply a mapping, summarise.
export {
  DATA_TABLE_NAME,
  RECORD_ANCHOR,
  RECORD_RANGE,
  buildDataSheet,
  dataSheetName,
  dataSheetPlan,
  outcomeLabel,
  parseImportRecord,
  type DataSheetContent,
} from './data-sheet';
export { decode, type DecodedText, type Encoding } from './decode';
export { applyMapping, stageOutcomes, type DealTable } from './deals';
export { detectDayOrder, parseDate, type DayOrder } from './dates';
export { KNOWN_HEADERS, type Crm } from './headers';
export { MAX_BYTES, MAX_ROWS } from './limits';
export { LISTED_NAMES, dataMonths, planImport, type PlanImportResult } from './plan-import';
export { topValues } from './rank';
export { reasonText } from './reasons';
export {
  mapByHeaders,
  missingFields,
  proposeMapping,
  type Confidence,
  type Mapping,
  type Proposal,
  type ProposedField,
} from './mapping';
export { detectDecimalMark, parseAmount, type DecimalMark } from './numbers';
export { classifyOutcome, type StageOutcomes } from './outcome';
export { importDeals, type ImportedDeals } from './read';
export { summarise, type DealSummary } from './summary';
export { readTable, type Delimiter, type RawTable, type SourceRow } from './table';
export {
  FIELD_KEYS,
  type Deal,
  type FieldKey,
  type ImportError,
  type Outcome,
  type RowProblem,
} from './types';
export {
  DATA_COLUMNS,
  type DataColumn,
  type DataSheetPlan,
  type DataValue,
  type ImportRequest,
  type RecordCell,
  type SavedImportSettings,
} from './workbook-types';

// The shapes the CRM import hands around: field keys, the deal table, row problems, typed errors.

/** Field keys, as the contract names them: used by the CLI and in saved mappings. */
export const FIELD_KEYS = [
  'id',
  'name',
  'stage',
  'outcome',
  'amount',
  'currency',
  'created',
  'closed',
  'owner',
  'source',
  'pipeline',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export type Outcome = 'won' | 'lost' | 'open';

/** One deal as the data sheet will hold it: text stays text, dates are spreadsheet serials. */
export interface Deal {
  /** The row of the file this deal came from, as a spreadsheet opening the file numbers it (header = 1). */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly outcome: Outcome;
  readonly amount: number;
  /** ISO code or symbol-derived code ("EUR"); "" when the file never says. */
  readonly currency: string;
  /** Calendar day the deal was created, as an Excel serial day number. */
  readonly created: number;
  /** Calendar day a won or lost deal closed (Excel serial); null for open deals. */
  readonly closed: number | null;
  readonly owner: string;
  readonly source: string;
  readonly pipeline: string;
}

/** Why one row (or one cell of it) was reported. */
export type ProblemReason =
  | 'bad-number'
  | 'bad-date'
  | 'blank-amount'
  | 'blank-created'
  | 'blank-closed'
  | 'unknown-outcome'
  | 'totals-row';

/** One reported row: nothing is dropped without one of these. */
export interface RowProblem {
  readonly row: number;
  /** The header of the column at fault ("" for a whole-row report such as a totals row). */
  readonly column: string;
  /** The offending value, cut to the core's echo limit. */
  readonly value: string;
  readonly reason: ProblemReason;
  /** True when the row is not in the deal table; false when it was kept (e.g. blank amount read as 0). */
  readonly leftOut: boolean;
}

/** Refusals: the file as a whole cannot be imported. Errors are values, never thrown. */
export type ImportError =
  | { readonly kind: 'not-text'; readonly detail: 'zip' | 'binary' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'headers-only' }
  | { readonly kind: 'too-large'; readonly limit: 'rows' | 'bytes'; readonly max: number }
  | { readonly kind: 'missing-fields'; readonly fields: readonly FieldKey[] }
  | {
      readonly kind: 'ambiguous-dates';
      /** The columns where day-first and month-first both read every value: the user chooses. */
      readonly columns: readonly { readonly column: number; readonly header: string }[];
    };

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ImportError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: ImportError): Result<T> {
  return { ok: false, error };
}

// KPI error values: functions return these instead of throwing, hosts translate them.

/** The two error codes the KPI functions produce (spec rule 5). */
export type ErrorCode = '#DIV/0!' | '#VALUE!';

/** An error result with a reason that names the function, the parameter and the value. */
export class KpiError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}

  /** "#DIV/0! LEAD_CONVERSION: total_leads is 0": the form Sheets shows on hover. */
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

/** True for a KPI error value, also when it comes from another bundle copy of this class. */
export function isKpiError(value: unknown): value is KpiError {
  return (
    value instanceof KpiError ||
    (typeof value === 'object' &&
      value !== null &&
      ((value as KpiError).code === '#DIV/0!' || (value as KpiError).code === '#VALUE!') &&
      typeof (value as KpiError).message === 'string')
  );
}

/** The most characters of a value a message echoes; longer values are cut and end in "…". */
export const ECHO_LIMIT = 40;

/**
 * `text` as a message may echo it: at most ECHO_LIMIT characters, then "…" when it was longer,
 * so a 1,000,000-character cell never becomes a 1,000,000-character message or log entry.
 * Cuts between characters, never inside a surrogate pair.
 */
export function shorten(text: string): string {
  if (text.length <= ECHO_LIMIT) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(ECHO_LIMIT - 1)) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
  return `${text.slice(0, end)}…`;
}

export function valueError(message: string): KpiError {
  return new KpiError('#VALUE!', message);
}

export function divisionError(message: string): KpiError {
  return new KpiError('#DIV/0!', message);
}

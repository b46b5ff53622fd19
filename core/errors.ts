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

export function valueError(message: string): KpiError {
  return new KpiError('#VALUE!', message);
}

export function divisionError(message: string): KpiError {
  return new KpiError('#DIV/0!', message);
}

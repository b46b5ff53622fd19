// The functions the host-overhead budget measures: inputs in each host's shapes, and a plain loop per
// function doing the same checks as the add-in (blank, type, domain, #DIV/0!, part ≤ whole).
import { spreadsheetDate } from '../../tests/support/apps-script-dates';
import { column, randomInt, seededRandom, type Column } from './data';
import { FUNCTION_CASES } from './function-cases';

/** Rows per call. */
export const ROWS = 100_000;
/** Timed calls per function, host and contender; the figures are their medians. */
export const ROUNDS = 15;
/** A spreadsheet far from the script's zone (appsscript.json) and from UTC. */
export const SHEETS_TIME_ZONE = 'Pacific/Auckland';

export type HostName = 'Excel' | 'Sheets';

/** One function on one host: milliseconds of CPU time per call, medians over the rounds. */
export interface HostTiming {
  host: HostName;
  name: string;
  hostMs: number;
  plainMs: number;
  /** Median of the rounds' host/plain quotients. */
  ratio: number;
  /** The host's result equals the plain loop's. */
  same: boolean;
}

/** What differs between the hosts for a hand-written custom function. */
export interface PlainHost {
  /** A single-value argument as the host passes it (Excel: [[x]], Sheets: x). */
  scalar: (arg: unknown) => unknown;
  /** An error inside a spilled result. */
  cellError: (code: '#DIV/0!' | '#VALUE!', message: string) => unknown;
  /** A single result as the host takes it (Excel: [[x]], Sheets: x). */
  single: (value: number) => unknown;
  /** A single error, thrown as the host shows it. */
  fail: (code: '#DIV/0!' | '#VALUE!', message: string) => never;
  /** Reads date cells as serial numbers for one call (Sheets: in the spreadsheet's time zone). */
  dateReader: () => (date: Date) => number;
}

export interface HostCase {
  name: string;
  /** Arguments in the core's form: column ranges [[v], …] with blanks, and scalars. */
  inputs: (rows: number) => unknown[];
  /** Indexes of the date parameters, whose whole-day values Sheets passes as Dates. */
  dateParams: readonly number[];
  /** The hand-written loop over the host's arguments, returning what the host takes. */
  plain: (host: PlainHost, args: readonly unknown[]) => unknown;
}

const BLANK_EVERY = 500;

const isBlank = (v: unknown) => v === null || v === undefined || v === '';
/** A finite number, ≥ 0. */
const isCount = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v < Infinity;
const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

function inputsOf(name: string): (rows: number) => unknown[] {
  const found = FUNCTION_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no bench inputs for ${name}`);
  return found.inputs;
}

const leadConversion: HostCase = {
  name: 'LEAD_CONVERSION',
  inputs: inputsOf('LEAD_CONVERSION'),
  dateParams: [],
  plain(host, args) {
    const converted = args[0] as Column;
    const totalLeads = args[1] as Column;
    if (converted.length !== totalLeads.length) host.fail('#VALUE!', 'ranges of different shapes');
    const rows = converted.length;
    const out: unknown[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = converted[r]![0];
      const b = totalLeads[r]![0];
      let cell: unknown;
      if (isBlank(a) || isBlank(b)) cell = '';
      else if (!isCount(a) || !isCount(b)) cell = host.cellError('#VALUE!', 'not a count');
      else if (b === 0) cell = host.cellError('#DIV/0!', 'total_leads is 0');
      else if (a > b) cell = host.cellError('#VALUE!', 'converted exceeds total_leads');
      else cell = a / b;
      out[r] = [cell];
    }
    return out;
  },
};

const clv: HostCase = {
  name: 'CLV',
  inputs: inputsOf('CLV'),
  dateParams: [],
  plain(host, args) {
    const [purchaseValue, perYear, lifespan, margin] = args as Column[];
    const rate = host.scalar(args[4]);
    const rows = purchaseValue!.length;
    if ([perYear, lifespan, margin].some((c) => c!.length !== rows))
      host.fail('#VALUE!', 'ranges of different shapes');
    const out: unknown[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = purchaseValue![r]![0];
      const f = perYear![r]![0];
      const years = lifespan![r]![0];
      const m = isBlank(margin![r]![0]) ? 1 : margin![r]![0];
      const d = isBlank(rate) ? 0 : rate;
      let cell: unknown;
      if (isBlank(v) || isBlank(f) || isBlank(years)) cell = '';
      else if (!isCount(v) || !isCount(f) || !isCount(years) || !isFraction(m) || !isFraction(d))
        cell = host.cellError('#VALUE!', 'invalid argument');
      else {
        const annual = v * f * m;
        const value = d === 0 ? annual * years : (annual * -Math.expm1(-years * Math.log1p(d))) / d;
        cell = Number.isFinite(value) ? value : host.cellError('#VALUE!', 'too large');
      }
      out[r] = [cell];
    }
    return out;
  },
};

/** The add-in's boundaries are widened by one part in 10^12 (see core/functions/people.ts). */
const SLACK_BELOW = 0.999999999999;
const SLACK_ABOVE = 1.000000000001;

const kpiStatus: HostCase = {
  name: 'KPI_STATUS',
  inputs: inputsOf('KPI_STATUS'),
  dateParams: [],
  plain(host, args) {
    const [actual, target, higherIsBetter] = args as Column[];
    const givenTolerance = host.scalar(args[3]);
    const tolerance = isBlank(givenTolerance) ? 0.1 : givenTolerance;
    const rows = actual!.length;
    if (target!.length !== rows || higherIsBetter!.length !== rows)
      host.fail('#VALUE!', 'ranges of different shapes');
    const out: unknown[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = actual![r]![0];
      const t = target![r]![0];
      const flag = higherIsBetter![r]![0];
      let cell: unknown;
      if (isBlank(a) || isBlank(t)) cell = '';
      else if (
        typeof a !== 'number' ||
        !Number.isFinite(a) ||
        !isCount(t) ||
        !(isBlank(flag) || typeof flag === 'boolean' || typeof flag === 'number') ||
        !isFraction(tolerance)
      )
        cell = host.cellError('#VALUE!', 'invalid argument');
      else {
        const higher = isBlank(flag) || (flag !== false && flag !== 0);
        cell = higher
          ? a >= t * SLACK_BELOW
            ? 'On track'
            : a >= t * (1 - tolerance) * SLACK_BELOW
              ? 'At risk'
              : 'Off track'
          : a <= t * SLACK_ABOVE
            ? 'On track'
            : a <= t * (1 + tolerance) * SLACK_ABOVE
              ? 'At risk'
              : 'Off track';
      }
      out[r] = [cell];
    }
    return out;
  },
};

const nps: HostCase = {
  name: 'NPS',
  inputs: inputsOf('NPS'),
  dateParams: [],
  plain(host, args) {
    const scores = args[0] as Column;
    let count = 0;
    let promoters = 0;
    let detractors = 0;
    for (let r = 0; r < scores.length; r++) {
      const s = scores[r]![0];
      if (isBlank(s)) continue;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 10)
        return host.fail('#VALUE!', 'NPS: scores must be whole numbers from 0 to 10');
      count++;
      if (s >= 9) promoters++;
      else if (s <= 6) detractors++;
    }
    if (count === 0) host.fail('#DIV/0!', 'NPS: scores has no filled cells');
    return host.single(((promoters - detractors) / count) * 100);
  },
};

/** 2025-01-01 as a serial number. */
const FIRST_OPEN = 45658;

const avgSalesCycle: HostCase = {
  name: 'AVG_SALES_CYCLE',
  inputs(rows) {
    const random = seededRandom(5);
    const opens = Array.from({ length: rows }, () => FIRST_OPEN + randomInt(random, 0, 730));
    const openDates = column(rows, random, BLANK_EVERY, (r) => opens[r]!);
    const closeDates = column(
      rows,
      random,
      BLANK_EVERY,
      (r) => opens[r]! + randomInt(random, 1, 180),
    );
    return [openDates, closeDates];
  },
  dateParams: [0, 1],
  plain(host, args) {
    const opens = args[0] as Column;
    const closes = args[1] as Column;
    if (opens.length !== closes.length) host.fail('#VALUE!', 'ranges of different shapes');
    const dateSerial = host.dateReader();
    const serial = (v: unknown): number => {
      const n = typeof v === 'number' ? v : v instanceof Date ? dateSerial(v) : Number.NaN;
      if (!(n >= 0 && n < Infinity)) host.fail('#VALUE!', 'AVG_SALES_CYCLE: not a date');
      return n;
    };
    let days = 0;
    let pairs = 0;
    for (let r = 0; r < opens.length; r++) {
      const o = opens[r]![0];
      const c = closes[r]![0];
      const open = isBlank(o) ? null : serial(o);
      const close = isBlank(c) ? null : serial(c);
      if (open === null || close === null) continue;
      if (close < open) host.fail('#VALUE!', 'AVG_SALES_CYCLE: closed before it opened');
      days += close - open;
      pairs++;
    }
    if (pairs === 0) host.fail('#DIV/0!', 'AVG_SALES_CYCLE: no complete pair');
    return host.single(days / pairs);
  },
};

export const HOST_CASES: readonly HostCase[] = [leadConversion, clv, kpiStatus, nps, avgSalesCycle];

/** The arguments as Excel passes them: every one a matrix, blanks null, and the Invocation last. */
export function excelArgs(hostCase: HostCase, args: readonly unknown[]): unknown[] {
  const matrices = args.map((arg) =>
    Array.isArray(arg)
      ? (arg as Column).map((row) => row.map((v) => (isBlank(v) ? null : v)))
      : [[arg]],
  );
  return [...matrices, { functionName: hostCase.name }];
}

/**
 * The arguments as Sheets passes them: ranges as 2-D arrays with "" blanks, a single value as
 * itself, and date parameters as Dates at midnight in the spreadsheet's time zone.
 */
export function sheetsArgs(hostCase: HostCase, args: readonly unknown[], zone: string): unknown[] {
  // Each day's instant is worked out once; every cell still gets its own Date, as from Sheets.
  const instants = new Map<number, number>();
  const date = (serial: number) => {
    let time = instants.get(serial);
    if (time === undefined) {
      time = spreadsheetDate(zone, serial).getTime();
      instants.set(serial, time);
    }
    return new Date(time);
  };
  return args.map((arg, i) => {
    const isDate = hostCase.dateParams.includes(i);
    const cell = (v: unknown) => (isBlank(v) ? '' : isDate && typeof v === 'number' ? date(v) : v);
    return Array.isArray(arg) ? (arg as Column).map((row) => row.map(cell)) : cell(arg);
  });
}

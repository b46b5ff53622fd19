/// <reference types="google-apps-script" />
// Child process of the host-overhead bench: times the built bundles against plain loops and prints the figures as JSON.
//
// Run by host-overhead.ts as `node --single-threaded --expose-gc --import tsx` this file: with the
// collector and the compiler on the main thread, the process's CPU time is the work of the
// call alone, whatever else the machine is running.
import { runInNewContext } from 'node:vm';
import {
  EXCEL_ERROR_CODE,
  ExcelError,
  loadHostBundles,
  type HostBundles,
  type HostFunction,
} from './host-bundles';
import {
  HOST_CASES,
  ROUNDS,
  ROWS,
  SHEETS_TIME_ZONE,
  excelArgs,
  sheetsArgs,
  type HostCase,
  type HostName,
  type HostTiming,
  type PlainHost,
} from './host-cases';

/** Untimed calls of ROWS rows before each function's rounds. */
const WARMUP_CALLS = 5;
/** Calls per function, host and contender before any timing, on WARMUP_ROWS rows. */
const SHARED_WARMUP_CALLS = 10;
const WARMUP_ROWS = 10_000;

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

/** V8's collector, here emptying only the young generation: enough for a call to start clean. */
const collectGarbage = runInNewContext('gc') as (options: { type: 'minor' }) => void;

interface Host {
  name: HostName;
  functions: Map<string, HostFunction>;
  args: (hostCase: HostCase, args: readonly unknown[]) => unknown[];
  plain: PlainHost;
}

function excelCellError(code: '#DIV/0!' | '#VALUE!', message: string): ExcelError {
  return code === '#DIV/0!'
    ? new ExcelError(EXCEL_ERROR_CODE.divisionByZero)
    : new ExcelError(EXCEL_ERROR_CODE.invalidValue, message);
}

const excelPlain: PlainHost = {
  scalar: (arg) => (arg as unknown[][])[0]![0],
  cellError: excelCellError,
  single: (value) => [[value]],
  fail: (code, message) => {
    throw excelCellError(code, message);
  },
  dateReader: () => () => {
    throw new Error('Excel passes dates as serial numbers');
  },
};

/** A hand-written Sheets function's date reading: the spreadsheet's zone, once per distinct date. */
function sheetsDateReader(): (date: Date) => number {
  const zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  const serials = new Map<number, number>();
  return (date) => {
    const time = date.getTime();
    let serial = serials.get(time);
    if (serial === undefined) {
      const wall = Date.parse(`${Utilities.formatDate(date, zone, "yyyy-MM-dd'T'HH:mm:ss")}Z`);
      serial = (wall + (time % 1000)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
      serials.set(time, serial);
    }
    return serial;
  };
}

const sheetsPlain: PlainHost = {
  scalar: (arg) => arg,
  cellError: (code) => code,
  single: (value) => value,
  fail: (code, message) => {
    throw new Error(`${code} ${message}`);
  },
  dateReader: sheetsDateReader,
};

function hosts(bundles: HostBundles): Host[] {
  return [
    { name: 'Excel', functions: bundles.excel, args: excelArgs, plain: excelPlain },
    {
      name: 'Sheets',
      functions: bundles.sheets,
      args: (hostCase, args) => sheetsArgs(hostCase, args, SHEETS_TIME_ZONE),
      plain: sheetsPlain,
    },
  ];
}

/** What a call gave the host: its result, or the code of what it threw. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (thrown) {
    return { thrown: thrown instanceof Error ? thrown.message.split(' ')[0] : thrown };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a instanceof ExcelError && b instanceof ExcelError) return a.code === b.code;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null)
    return sameValue((a as { thrown: unknown }).thrown, (b as { thrown: unknown }).thrown);
  return a === b;
}

/** Milliseconds of this process's CPU time spent in `call`, started on an empty young generation. */
function cpuTime(call: () => unknown, keep: (result: unknown) => void): number {
  collectGarbage({ type: 'minor' });
  const start = process.cpuUsage();
  keep(call());
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(host: Host, hostCase: HostCase, keep: (result: unknown) => void): HostTiming {
  const fn = host.functions.get(hostCase.name)!;
  const args = host.args(hostCase, hostCase.inputs(ROWS));
  const callHost = () => fn(...args);
  const callPlain = () => hostCase.plain(host.plain, args);
  const same = sameValue(outcome(callHost), outcome(callPlain));
  for (let i = 0; i < WARMUP_CALLS; i++) {
    keep(callHost());
    keep(callPlain());
  }
  const hostTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating which goes first, so drift falls on both alike.
    if (round % 2 === 0) hostTimes.push(cpuTime(callHost, keep));
    plainTimes.push(cpuTime(callPlain, keep));
    if (round % 2 === 1) hostTimes.push(cpuTime(callHost, keep));
  }
  return {
    host: host.name,
    name: hostCase.name,
    hostMs: median(hostTimes),
    plainMs: median(plainTimes),
    ratio: median(hostTimes.map((t, round) => t / plainTimes[round]!)),
    same,
  };
}

/** Every function through every host and both contenders, so no bundle meets a monomorphic engine. */
function warmUp(all: readonly Host[], keep: (result: unknown) => void): void {
  for (const host of all) {
    const calls = HOST_CASES.flatMap((hostCase) => {
      const fn = host.functions.get(hostCase.name)!;
      const args = host.args(hostCase, hostCase.inputs(WARMUP_ROWS));
      return [() => fn(...args), () => hostCase.plain(host.plain, args)];
    });
    for (let i = 0; i < SHARED_WARMUP_CALLS; i++) for (const call of calls) keep(call());
  }
}

async function main(): Promise<void> {
  const bundles = await loadHostBundles(SHEETS_TIME_ZONE);
  let sink = 0;
  const keep = (result: unknown) => {
    sink += Array.isArray(result) ? result.length : 1;
  };
  const all = hosts(bundles);
  warmUp(all, keep);
  const timings = all.flatMap((host) => HOST_CASES.map((c) => measure(host, c, keep)));
  if (sink === 0) throw new Error('bench produced no results');
  process.stdout.write(JSON.stringify(timings));
}

await main();

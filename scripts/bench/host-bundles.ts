// Builds the Excel and Sheets bundles and loads them into this realm, as each host loads them, for timing.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { appsScriptDateServices } from '../../tests/support/apps-script-dates';
import { buildExcel } from '../build/excel';
import { DEV_BASE_URL } from '../build/options';
import { buildSheets } from '../build/sheets';

/** A custom function as a host calls it. */
export type HostFunction = (...args: unknown[]) => unknown;

/** Excel's CustomFunctions.Error as the bench's stand-in: a code and an optional message. */
export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const EXCEL_ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface HostBundles {
  /** The functions dist/excel/functions.js associated, by name. */
  excel: Map<string, HostFunction>;
  /** The top-level functions of the Apps Script project, by name. */
  sheets: Map<string, HostFunction>;
  /** Removes the host globals this realm was given. */
  unload: () => void;
}

/**
 * Builds both hosts' bundles into a temporary folder and runs them with `vm.runInThisContext`
 * (a `node:vm` context would pay a slow lookup for every global built-in): functions.js with a
 * CustomFunctions stand-in, and the Apps Script files one after the other in the one global
 * scope, as Apps Script does, with a spreadsheet in `sheetsTimeZone`.
 */
export async function loadHostBundles(sheetsTimeZone: string): Promise<HostBundles> {
  const outDir = await mkdtemp(join(tmpdir(), 'kpi-bench-hosts-'));
  const host = globalThis as Record<string, unknown>;
  const globals = ['CustomFunctions', 'SpreadsheetApp', 'Utilities'];
  try {
    const options = { outDir, baseUrl: DEV_BASE_URL };
    await Promise.all([buildExcel(options), buildSheets(options)]);
    const excel = new Map<string, HostFunction>();
    host.CustomFunctions = {
      associate: (name: string, fn: HostFunction) => excel.set(name, fn),
      Error: ExcelError,
      ErrorCode: EXCEL_ERROR_CODE,
    };
    const excelScript = join(outDir, 'excel', 'functions.js');
    runInThisContext(await readFile(excelScript, 'utf8'), { filename: excelScript });

    const { SpreadsheetApp, Utilities } = appsScriptDateServices(sheetsTimeZone);
    Object.assign(host, { SpreadsheetApp, Utilities });
    const sheetsDir = join(outDir, 'sheets');
    const files = (await readdir(sheetsDir)).filter((file) => file.endsWith('.js')).sort();
    for (const file of files) {
      runInThisContext(await readFile(join(sheetsDir, file), 'utf8'), { filename: file });
    }
    const sheets = new Map<string, HostFunction>();
    for (const name of excel.keys()) {
      const fn = host[name];
      if (typeof fn !== 'function') throw new Error(`the Apps Script project lacks ${name}`);
      sheets.set(name, fn as HostFunction);
    }
    return {
      excel,
      sheets,
      unload: () => {
        for (const name of globals) delete host[name];
      },
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

// Bench section: the built host bundles (Excel functions.js, the Apps Script project) against a plain
// loop in the same realm that does the same checks and returns the same shape.
//
// Method (the timing itself is in host-timing.ts, run as a child process):
// - Both hosts' bundles are built and run with vm.runInThisContext, as each host loads them
//   (a node:vm context would pay a slow lookup for every global built-in); Sheets' files share
//   one global scope, with a spreadsheet in a zone far from the script's.
// - Every function first runs through both hosts and both contenders, so each bundle's shared
//   engine code is in the mixed state a host's is; then, per function and host, after warm-up
//   calls, ROUNDS rounds time one host call and one plain call of ROWS rows each, alternating
//   which goes first, each on a collected heap with the data hot, as a recalculating sheet
//   calls a function. Figures are medians; the ratio is the median of same-round quotients.
// - Time is the child's CPU time: started with --single-threaded, its compiler runs on the main
//   thread, so the figures hold the call's whole work and none of the other load of a shared
//   machine (on an idle machine CPU time equals wall-clock time).
// - The child's young generation is fixed at SEMI_SPACE_MB, so a call's garbage never starts a
//   collection inside it. Both contenders build the same result, but V8's choices about it
//   (where each allocation site's arrays go, how large the young generation is) vary from run
//   to run and swung one contender's time ×3 either way, hiding the engine's own cost.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from '../build/options';
import { ROUNDS, ROWS, SHEETS_TIME_ZONE, type HostTiming } from './host-cases';
import { renderTable } from './table';
import type { BenchSection, BudgetCheck, SectionReport } from './types';

/** Host time over plain-loop time; the aim is 2. */
const MAX_RATIO = 3;

/**
 * The child's young generation, in MB: large enough that no call's own garbage (a result of
 * 100,000 rows is 5–8 MB) starts a collection inside the timed call.
 */
const SEMI_SPACE_MB = 64;

const TIMING_SCRIPT = fileURLToPath(new URL('./host-timing.ts', import.meta.url));

async function timings(): Promise<HostTiming[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--single-threaded',
      '--expose-gc',
      `--min-semi-space-size=${SEMI_SPACE_MB}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      '--import',
      'tsx',
      TIMING_SCRIPT,
    ],
    { cwd: ROOT, maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as HostTiming[];
}

async function run(): Promise<SectionReport> {
  const results = await timings();
  const rows = results.map((r) => [
    r.name,
    r.host,
    r.hostMs.toFixed(2),
    r.plainMs.toFixed(2),
    `${r.ratio.toFixed(2)}×`,
  ]);
  const checks: BudgetCheck[] = results.flatMap((r) => [
    {
      label: `${r.host} ${r.name} result equals the plain loop's`,
      actual: r.same ? 'equal' : 'different',
      target: 'equal',
      pass: r.same,
    },
    {
      label: `${r.host} ${r.name} bundle/plain at ${ROWS.toLocaleString('en-US')} rows`,
      actual: `${r.ratio.toFixed(2)}×`,
      target: `≤ ${MAX_RATIO}×`,
      pass: r.ratio <= MAX_RATIO,
    },
  ]);
  return {
    lines: [
      `CPU ms per call, median of ${ROUNDS} calls of ${ROWS.toLocaleString('en-US')} rows; ` +
        `Sheets spreadsheet in ${SHEETS_TIME_ZONE}`,
      '',
      ...renderTable(['function', 'host', 'bundle ms', 'plain ms', 'bundle/plain'], rows, [
        false,
        false,
        true,
        true,
        true,
      ]),
    ],
    checks,
  };
}

export const hostOverhead: BenchSection = {
  title: 'Host overhead: the built bundles vs a plain loop with the same checks',
  run,
};

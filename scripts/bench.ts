// `npm run bench`: runs every bench section, prints its figures and budgets, fails if one is missed.
import { crmImport } from './bench/crm-import';
import { functionThroughput } from './bench/function-throughput';
import { hostOverhead } from './bench/host-overhead';
import { pipelineRecalculation } from './bench/pipeline-recalc';
import { sidebarBudgets } from './bench/sidebar';
import { templateExport, templatePlanBuild } from './bench/templates';
import type { BenchSection, BudgetCheck } from './bench/types';

/** The sections in the order they run; a new budget is one more module added here. */
const SECTIONS: readonly BenchSection[] = [
  functionThroughput,
  hostOverhead,
  templatePlanBuild,
  templateExport,
  sidebarBudgets,
  crmImport,
  pipelineRecalculation,
];

async function main(): Promise<void> {
  console.log(`bench: Node ${process.version}, ${new Date().toISOString()}`);
  const failed: BudgetCheck[] = [];
  for (const section of SECTIONS) {
    console.log(`\n## ${section.title}\n`);
    const report = await section.run();
    for (const line of report.lines) console.log(line);
    if (report.checks.length > 0) console.log('');
    for (const check of report.checks) {
      console.log(
        `${check.pass ? 'PASS' : 'FAIL'}  ${check.label}: ${check.actual} (target ${check.target})`,
      );
      if (!check.pass) failed.push(check);
    }
  }
  console.log(
    failed.length === 0 ? '\nbench: all budgets met' : `\nbench: ${failed.length} budget(s) missed`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

await main();

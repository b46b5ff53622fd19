// The contract between the bench runner and its sections, so a new budget is one new module.

/** One budget with its measured value: the runner prints it and fails the run if it is missed. */
export interface BudgetCheck {
  label: string;
  actual: string;
  target: string;
  pass: boolean;
}

/** What a section hands back: lines to print (its table, skips) and the budgets it checked. */
export interface SectionReport {
  lines: string[];
  checks: BudgetCheck[];
}

/** One group of measurements with its own budgets (function throughput, plan building, …). */
export interface BenchSection {
  title: string;
  run: () => SectionReport | Promise<SectionReport>;
}

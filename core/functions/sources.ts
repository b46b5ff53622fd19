// Where the functions' definitions and examples come from, cited as a reader finds them (docs/spec/benchmarks.md).

/** A definition used across the industry, with no single source to cite. */
export const STANDARD = 'standard industry definition';

/** The white paper behind the goal-attainment, growth, renewal and cost-of-sales examples. */
export const CONVERGYS =
  'Convergys, “Increasing the Reach and Performance of B2B Inside Sales” (white paper)';

/** The source of the 3:1 LTV:CAC rule of thumb. */
export const SKOK = 'David Skok, “SaaS Metrics 2.0” (forEntrepreneurs)';

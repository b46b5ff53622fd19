// The labelled input cell holding how far off target a KPI may be and still be At risk, read by the sheet's status formulas.
import { PERCENT_FORMAT } from '../../i18n/number-format';
import { getFunction } from '../../registry/index';
import { cellRef } from '../a1';
import type { SheetBuilder } from '../builder';

/** KPI_STATUS's default tolerance (10%), as the registry states it. */
function defaultTolerance(): number {
  const tolerance = getFunction('KPI_STATUS')?.params.find((p) => p.name === 'tolerance')?.default;
  // The registry is fixed at build time: a missing default is a programming error the tests catch.
  if (typeof tolerance !== 'number') throw new Error('KPI_STATUS has no default tolerance');
  return tolerance;
}

/**
 * Writes the tolerance's label at (row, col) in `role` and its input cell beside it, filled with the
 * registry's default even without example data (a setting, like a benchmark), and returns the
 * input's reference: the status formulas read it, so the sheet has no hidden threshold.
 */
export function toleranceInput(
  b: SheetBuilder,
  row: number,
  col: number,
  role: 'label' | 'name' = 'label',
): string {
  const { atRisk, offTrack } = b.statusLabels;
  b.value(row, col, b.tr('status.tolerance', { atRisk }), role);
  b.input(row, col + 1, defaultTolerance(), { kind: 'fraction' }, PERCENT_FORMAT, {
    keep: true,
    note: b.tr('status.toleranceNote', { atRisk, offTrack }),
  });
  return cellRef(row, col + 1);
}

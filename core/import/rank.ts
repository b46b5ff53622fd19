// The most frequent values of a deal field (sources, owners): what the pipeline analysis lists by name.
import type { Deal } from './types';

/**
 * The `limit` most frequent non-blank values of `field` over `deals`, most deals first; ties in
 * the order the values first appear, so the same deals always give the same list.
 */
export function topValues(
  deals: readonly Deal[],
  field: 'source' | 'owner',
  limit: number,
): string[] {
  const counts = new Map<string, number>();
  for (const deal of deals) {
    const value = deal[field];
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count], order) => ({ value, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, limit)
    .map(({ value }) => value);
}

// Puts the generated function reference into the README text between its markers.
import { FUNCTIONS } from '../../core/registry/index';
import { renderFunctionReference } from './function-table';

export const START_MARKER = '<!-- functions:start -->';
export const END_MARKER = '<!-- functions:end -->';

/**
 * The README text with the function reference between the markers regenerated from the
 * registry (pure: string in, string out). Throws when the markers are missing or out of order.
 */
export function withFunctionReference(readme: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) {
    throw new Error(`README.md needs ${START_MARKER} followed by ${END_MARKER}`);
  }
  const before = readme.slice(0, start + START_MARKER.length);
  const after = readme.slice(end);
  return `${before}\n\n${renderFunctionReference(FUNCTIONS)}\n\n${after}`;
}

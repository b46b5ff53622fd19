// Building blocks for the native ("portable") formulas the registry writes for templates.

/** `expr`, or "" while any of the required references is blank (spec rule 3). */
export function whenFilled(required: readonly string[], expr: string): string {
  return `IF(COUNT(${required.join(',')})<${required.length},"",${expr})`;
}

/**
 * A literal in invariant formula syntax. Booleans are written TRUE()/FALSE(), which every
 * engine accepts (HyperFormula does not know the bare constants).
 */
export function literal(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE()' : 'FALSE()';
  return String(value);
}

/**
 * An optional argument: its reference with a blank read as the default, or the default itself.
 * A bracketed expression (a yes/no cell compared with its "yes") is never blank, so it stays as is.
 */
export function withDefault(ref: string | undefined, fallback: number | boolean): string {
  if (ref === undefined) return literal(fallback);
  return ref.startsWith('(') ? ref : `IF(${ref}="",${literal(fallback)},${ref})`;
}

/**
 * `expr`, then `op` and an optional argument: its reference (a blank read as the default), or
 * the default itself when the argument is omitted, left out where it changes nothing (×1, ÷1, +0).
 * The caller passes the parameter's own default, so no formula restates it.
 */
export function withOptional(
  expr: string,
  op: '*' | '/' | '+',
  ref: string | undefined,
  fallback: number,
): string {
  const identity = op === '+' ? 0 : 1;
  return ref === undefined && fallback === identity
    ? expr
    : `${expr}${op}${withDefault(ref, fallback)}`;
}

/** The references of the required parameters, in order; throws if one is missing (a template bug). */
export function requiredRefs(
  name: string,
  refs: readonly (string | undefined)[],
  count: number,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const ref = refs[i];
    if (ref === undefined)
      throw new Error(`${name}: native formula needs a reference for argument ${i + 1}`);
    out.push(ref);
  }
  return out;
}

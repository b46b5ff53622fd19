// Readers that copy untrusted data from google.script.run into fresh values of a known shape, or say where it is not.

/** A value that is not of the shape asked for, with the path to it ("dataSheet.rows[3][2]"). */
export class ShapeError extends Error {
  constructor(readonly path: string) {
    super(`not the expected form at ${path}`);
  }
}

/** Copies `value` if it has the reader's shape (never running a getter, toString or valueOf); else throws ShapeError. */
export type Reader<T> = (value: unknown, path: string) => T;

export const fail = (path: string): never => {
  throw new ShapeError(path);
};

/**
 * An object whose prototype is null or a realm's Object.prototype, as google.script.run delivers
 * objects; arrays, dates and class instances are not. Checked without `instanceof`, which fails
 * across realms.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** An own data property's value; undefined when absent, inherited or a getter (never run). */
export function ownValue(object: object, key: string | number): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** A string of at most `max` characters. */
export const text =
  (max: number): Reader<string> =>
  (value, path) =>
    typeof value === 'string' && value.length <= max ? value : fail(path);

/** A string the pattern matches whole. */
export const matching =
  (pattern: RegExp): Reader<string> =>
  (value, path) =>
    typeof value === 'string' && pattern.test(value) ? value : fail(path);

/** A finite number within [min, max]. */
export const number =
  (min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Reader<number> =>
  (value, path) =>
    typeof value === 'number' && value >= min && value <= max ? value : fail(path);

/** A whole number within [min, max]. */
export const whole =
  (min: number, max: number): Reader<number> =>
  (value, path) =>
    Number.isInteger(value) ? number(min, max)(value, path) : fail(path);

export const bool: Reader<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path);

/** One of the given strings. */
export const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path);

/** The first reader that accepts the value. */
export const either =
  <A, B>(a: Reader<A>, b: Reader<B>): Reader<A | B> =>
  (value, path) => {
    try {
      return a(value, path);
    } catch {
      return b(value, path);
    }
  };

export const nullable =
  <T>(read: Reader<T>): Reader<T | null> =>
  (value, path) =>
    value === null ? null : read(value, path);

export const optional =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (value, path) =>
    value === undefined || value === null ? undefined : read(value, path);

/** An array of at most `max` items, each copied by `read`. */
export const list =
  <T>(read: Reader<T>, max: number): Reader<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path);
    const length = ownValue(value, 'length');
    if (typeof length !== 'number' || length > max) return fail(path);
    const items: T[] = [];
    for (let i = 0; i < length; i++) items.push(read(ownValue(value, i), `${path}[${i}]`));
    return items;
  };

/** A plain object with these own properties (others are left behind), each copied by its reader. */
export const shape =
  <T extends object>(readers: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> =>
  (value, path) => {
    if (!isPlainObject(value)) return fail(path);
    const copy: Partial<T> = {};
    for (const key of Object.keys(readers) as (keyof T & string)[]) {
      const read = readers[key];
      const item = read(ownValue(value, key), `${path}.${key}`);
      if (item !== undefined) copy[key] = item;
    }
    return copy as T;
  };

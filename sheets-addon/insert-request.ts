// Reads an insertTemplate request from any client without trusting its shape or calling anything on it.
import type { Lang, TemplateOptionsInput } from '../core/templates/index';
import { SHEETS_MESSAGES } from './messages';

/** A request reduced to data the core can check: a string id and options with primitive values. */
export interface ReadRequest {
  /** The template id when it is a string, else a short stand-in the core refuses. */
  templateId: string;
  /** The options' own values; an object or array value replaced by a stand-in the core refuses. */
  options: TemplateOptionsInput;
  /** Refusals the core cannot give: options that are not a set of named values. */
  refusals: string[];
}

/**
 * Takes `{ templateId, options }` apart using only own data properties of plain objects, so a
 * client's object can neither run code (a `toString`, `valueOf` or getter) nor slip past the checks
 * (`["funnel"]` is not the id "funnel"). Left-out or null options mean "all defaults"; options sent
 * as anything but a plain object are refused in `lang`, never silently ignored.
 */
export function readInsertRequest(request: unknown, lang: Lang): ReadRequest {
  const fields = isPlainObject(request) ? request : {};
  const templateId = ownValue(fields, 'templateId');
  const options = ownValue(fields, 'options');
  const named = options === undefined || options === null || isPlainObject(options);
  return {
    templateId: typeof templateId === 'string' ? templateId : standIn(templateId),
    options: named && options ? primitiveValues(options) : {},
    refusals: named ? [] : [SHEETS_MESSAGES[lang].optionsNotNamed],
  };
}

/**
 * An object whose prototype is null or a realm's Object.prototype, as google.script.run delivers
 * objects; arrays, dates and class instances are not. Checked without `instanceof`, which fails
 * across realms.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** An own data property's value; undefined when absent, inherited or a getter (never run). */
function ownValue(object: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function primitiveValues(options: Record<string, unknown>): TemplateOptionsInput {
  return Object.fromEntries(
    Object.keys(options).map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(options, name);
      const value: unknown = descriptor && 'value' in descriptor ? descriptor.value : {};
      return [name, isPrimitive(value) ? value : standIn(value)];
    }),
  );
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** What a refusal quotes for a value that is not a string: primitives as written, objects by kind. */
function standIn(value: unknown): string {
  if (isPrimitive(value)) return String(value);
  return Array.isArray(value) ? '[…]' : '{…}';
}

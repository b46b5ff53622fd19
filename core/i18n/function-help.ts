// A function's description and parameter help in the reader's language: the registry's English or the Finnish texts.
import { KIND_DOMAINS, displayBounds, type ParamKind } from '../args/kinds';
import type { FunctionSpec, ParamSpec } from '../registry/types';
import type { Lang } from '../templates/options';
import { FUNCTION_TEXTS_FI } from './functions-fi';

/** What a reader is told about one function; parameter names stay the registry's in every language. */
export interface FunctionHelp {
  description: string;
  params: { name: string; description: string }[];
}

/** A number as Finnish writes it: decimal comma. */
function finnishNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** The kind's range in Finnish ("0–100 %."), or null for a kind without an upper bound, as in English. */
function finnishRange(kind: ParamKind): string | null {
  const domain = KIND_DOMAINS[kind];
  if (domain.max === undefined) return null;
  const { min, max } = displayBounds(kind);
  const unit = domain.percent ? ' %' : '';
  const span =
    min === undefined
      ? `enintään ${finnishNumber(max!)}${unit}`
      : `${finnishNumber(min)}–${finnishNumber(max!)}${unit}`;
  return domain.integer ? `Kokonaisluku ${span}.` : `${span[0]!.toUpperCase()}${span.slice(1)}.`;
}

/** A default as a Finnish reader enters it: "70 %", TOSI/EPÄTOSI (Finnish Excel's TRUE and FALSE). */
function finnishDefault(kind: ParamKind, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TOSI' : 'EPÄTOSI';
  if (KIND_DOMAINS[kind].percent)
    return `${finnishNumber(Number((value * 100).toPrecision(12)))} %`;
  return finnishNumber(value);
}

/** A parameter's Finnish help: its description, then its range and default, as the English help has. */
function finnishParam(param: ParamSpec, description: string): string {
  const fallback =
    param.default === undefined ? null : `Oletus ${finnishDefault(param.kind, param.default)}.`;
  return [description, finnishRange(param.kind), fallback]
    .filter((part) => part !== null)
    .join(' ');
}

/**
 * The help of `spec` in `lang`. English is the registry's own text; Finnish comes from
 * FUNCTION_TEXTS_FI, falling back to English for a text it lacks (the tests require none).
 */
export function functionHelp(spec: FunctionSpec, lang: Lang): FunctionHelp {
  const finnish = lang === 'fi' ? FUNCTION_TEXTS_FI[spec.name] : undefined;
  return {
    description: finnish?.description ?? spec.description,
    params: spec.params.map((param) => {
      const text = finnish?.params[param.name];
      return {
        name: param.name,
        description: text === undefined ? param.description : finnishParam(param, text),
      };
    }),
  };
}

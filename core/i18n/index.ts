// Looks up a UI text in English or Finnish and fills in its {placeholders}.
import type { Lang } from '../templates/options';
import { en, type MessageKey } from './en';
import { fi } from './fi';

export type { MessageKey };

/** Every message table, keyed by language; each holds exactly the English keys. */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, fi };

/**
 * The text for `key` in `lang`, with each "{name}" replaced by `params.name`
 * (placeholders without a parameter are left as they are).
 */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

// Sheet names the hosts accept: sanitised to their rules and made unique as "Name (2)".

/** Excel's limit; Sheets accepts longer names, but a workbook must open in both. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Excel reserves this name for its change history. */
const RESERVED = new Set(['history']);

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function trimName(text: string): string {
  return text
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

/**
 * A sheet name the hosts accept: the characters : \ / ? * [ ] and control characters removed,
 * leading and trailing apostrophes and spaces stripped, cut to 31 characters; `fallback` when
 * nothing is left.
 */
export function sanitizeSheetName(name: string, fallback = 'Sheet'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = trimName(name.replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, ''));
  const result = trimName(cut(cleaned, MAX_SHEET_NAME_LENGTH));
  return result === '' ? fallback : result;
}

/**
 * `base` (sanitised) when no existing sheet has that name, else "base (2)", "base (3)", … with
 * base shortened so the whole stays within 31 characters. Names compare case-insensitively,
 * as both hosts do.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const name = sanitizeSheetName(base);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const free = (candidate: string) =>
    !taken.has(candidate.toLowerCase()) && !RESERVED.has(candidate.toLowerCase());
  if (free(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${trimName(cut(name, MAX_SHEET_NAME_LENGTH - suffix.length))}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

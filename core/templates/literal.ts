// Recognises text a host would otherwise parse as a formula, so it can be written as literal text.

/**
 * True when a host that parses typed input (Excel `values`, Sheets `setValues`) would turn the
 * text into a formula or a signed number: it starts with "=", "+", "-" or "@". Hosts write such
 * text with a leading apostrophe or as a text-formatted cell.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

// The CRM import's refusals, row reasons and field names in the user's language.
import { t, type MessageKey } from '../i18n/index';
import type { FieldKey, ImportError, Outcome } from '../import/types';
import type { Lang } from '../templates/options';

export const fieldName = (lang: Lang, field: FieldKey) =>
  t(lang, `import.field.${field}` as MessageKey);

export const outcomeName = (lang: Lang, outcome: Outcome) =>
  t(lang, `import.outcome.${outcome}` as MessageKey);

/** A count as the language writes it: 200,000 in English, 200 000 in Finnish. */
export const countText = (lang: Lang, count: number) =>
  new Intl.NumberFormat(lang === 'fi' ? 'fi-FI' : 'en-US').format(count);

/** Why a file cannot be imported, as a sentence that says what to do. */
export function refusalText(lang: Lang, error: ImportError): string {
  switch (error.kind) {
    case 'not-text':
      return t(lang, error.detail === 'zip' ? 'import.refused.zip' : 'import.refused.binary');
    case 'empty':
      return t(lang, 'import.refused.empty');
    case 'headers-only':
      return t(lang, 'import.refused.headersOnly');
    case 'too-large':
      return error.limit === 'rows'
        ? t(lang, 'import.refused.tooManyRows', { max: countText(lang, error.max) })
        : t(lang, 'import.refused.tooManyBytes', {
            max: countText(lang, error.max / (1024 * 1024)),
          });
    case 'missing-fields':
      return t(lang, 'import.refused.missingFields', {
        fields: error.fields.map((field) => fieldName(lang, field)).join(', '),
      });
    case 'ambiguous-dates':
      return t(lang, 'import.refused.ambiguousDates', {
        columns: error.columns.map((column) => `“${column.header}”`).join(', '),
      });
  }
}

// Language and currency defaults from host locale tags, in Apps Script's and Office's spellings.
import { describe, expect, it } from 'vitest';
import { currencyOfLocale, langOfLocale } from '../../../core/i18n/locale';

describe('langOfLocale', () => {
  it('is Finnish for Finnish locales, English otherwise', () => {
    expect(['fi', 'fi_FI', 'FI-fi'].map(langOfLocale)).toEqual(['fi', 'fi', 'fi']);
    expect(['en', 'en_GB', 'sv_FI', 'fil', ''].map(langOfLocale)).toEqual([
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });
});

describe('currencyOfLocale', () => {
  it("gives the country's currency", () => {
    expect(
      ['fi_FI', 'sv_FI', 'de_AT', 'en_US', 'en_GB', 'sv_SE', 'nb_NO', 'fi-FI', 'en-US'].map(
        currencyOfLocale,
      ),
    ).toEqual(['EUR', 'EUR', 'EUR', 'USD', 'GBP', 'SEK', 'NOK', 'EUR', 'USD']);
  });

  it('gives nothing without a known country, so the core default applies', () => {
    expect(['fi', 'en', 'xx_QQ', ''].map(currencyOfLocale)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

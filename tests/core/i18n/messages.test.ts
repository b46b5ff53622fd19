// Both languages hold every key, Finnish is really translated, and placeholders and formats line up.
import { describe, expect, it } from 'vitest';
import { en } from '../../../core/i18n/en';
import { fi } from '../../../core/i18n/fi';
import { MESSAGES, t, type MessageKey } from '../../../core/i18n/index';
import { daysFormat, moneyFormat } from '../../../core/i18n/number-format';

/** Texts that are the same in both languages on purpose: the step header is only placeholders. */
const SAME_IN_BOTH: ReadonlySet<MessageKey> = new Set<MessageKey>(['col.stepConversion']);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('have exactly the same keys in every language', () => {
    for (const table of Object.values(MESSAGES))
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
  });

  it('translate every English text into Finnish', () => {
    const untranslated = keys.filter((key) => !SAME_IN_BOTH.has(key) && fi[key] === en[key]);
    expect(untranslated).toEqual([]);
    for (const key of keys) expect(fi[key].trim().length, key).toBeGreaterThan(0);
  });

  it('use the same placeholders in every language', () => {
    for (const key of keys) expect(placeholders(fi[key]), key).toEqual(placeholders(en[key]));
  });

  it('use the source documents’ Finnish vocabulary', () => {
    expect(fi['kpi.leadConversion']).toBe('Liidien konversio');
    expect(fi['common.exampleLabel']).toBe('Esimerkkidata — korvaa omillasi');
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'col.vendor', { n: 2 })).toBe('Vendor 2');
    expect(t('fi', 'col.vendor', { n: 2 })).toBe('Toimittaja 2');
    expect(t('en', 'col.vendor')).toBe('Vendor {n}');
  });
});

describe('number formats', () => {
  it('put the currency symbol where each language writes it', () => {
    expect(moneyFormat('en', 'EUR')).toBe('"€"#,##0');
    expect(moneyFormat('fi', 'EUR')).toBe('#,##0 "€"');
    expect(moneyFormat('en', 'CHF', 2)).toBe('#,##0.00 "CHF"');
  });
  it('name the unit of durations in the language', () => {
    expect(daysFormat('en')).toBe('0.0 "days"');
    expect(daysFormat('fi')).toBe('0.0 "pv"');
  });
});

import { describe, expect, it } from 'vitest';
import { UI_TEXTS, uiText, type UiKey } from '../../../core/ui/texts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('sidebar texts', () => {
  const keys = Object.keys(UI_TEXTS.en) as UiKey[];

  it('Finnish has exactly the English keys', () => {
    expect(Object.keys(UI_TEXTS.fi).sort()).toEqual([...keys].sort());
  });

  it('every Finnish text is written, with the same placeholders as the English one', () => {
    for (const key of keys) {
      expect(UI_TEXTS.fi[key].trim(), key).not.toBe('');
      expect(placeholders(UI_TEXTS.fi[key]), key).toEqual(placeholders(UI_TEXTS.en[key]));
    }
  });

  it('has no empty text: function descriptions are in Finnish too, so no note says otherwise', () => {
    expect(keys.filter((key) => UI_TEXTS.en[key] === '')).toEqual([]);
  });

  it('fills in placeholders, leaving unknown ones as they are', () => {
    expect(uiText('en', 'insert.success', { sheet: 'Outsourced sales scorecard (2)' })).toBe(
      "Inserted 'Outsourced sales scorecard (2)'",
    );
    expect(uiText('fi', 'functions.count', { count: 3, total: 41 })).toBe('3/41 funktiota');
    expect(uiText('en', 'functions.count', { count: 3 })).toBe('3 of {total} functions');
  });
});

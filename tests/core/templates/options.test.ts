// Option defaults and refusals: unknown template, unknown option, out-of-range values, in both languages.
import { describe, expect, it } from 'vitest';
import { buildPlan, listTemplates, templateOptions } from '../../../core/templates/index';
import {
  FALLBACK_MONTH,
  TEMPLATE_IDS,
  monthOf,
  resolveOptions,
  type TemplateId,
} from '../../../core/templates/options';

const TARGET = { functionPrefix: 'KPI.' };

describe('resolveOptions', () => {
  it('fills every default: portable, 12 periods, EUR, example data and protection on', () => {
    const result = resolveOptions('funnel');
    expect(FALLBACK_MONTH).toBe('2026-01');
    expect(result).toEqual({
      ok: true,
      options: {
        lang: 'en',
        mode: 'portable',
        periods: 12,
        // The twelve months before the current one (the fallback January 2026).
        startMonth: '2025-01',
        rows: 10,
        currency: 'EUR',
        example: true,
        protect: true,
      },
    });
  });

  it('takes the host defaults, and the caller’s options over them', () => {
    const host = { lang: 'fi' as const, currency: 'SEK', startMonth: '2027-05' };
    const resolved = resolveOptions('dashboard', {}, host);
    // The host's month is the current one: the twelve months before it are the default.
    expect(resolved.ok && resolved.options).toMatchObject({ ...host, startMonth: '2026-05' });
    const given = resolveOptions(
      'dashboard',
      { lang: 'en', currency: 'usd', startMonth: '2025-02' },
      host,
    );
    expect(given.ok && given.options).toMatchObject({
      lang: 'en',
      currency: 'USD',
      startMonth: '2025-02',
    });
  });

  it('starts the periods so that they end with the month or quarter before the current one', () => {
    const startOf = (id: string, options = {}) => {
      const resolved = resolveOptions(id, options, { startMonth: '2026-11' });
      return resolved.ok ? resolved.options.startMonth : '';
    };
    expect(startOf('funnel')).toBe('2025-11'); // Nov 2025 … Oct 2026
    expect(startOf('funnel', { periods: 3 })).toBe('2026-08'); // Aug … Oct 2026
    // Four quarters back from Q4 2026: Q4 2025 … Q3 2026, the last whole quarters.
    expect(startOf('renewals')).toBe('2025-11');
    expect(startOf('scorecard')).toBe('2026-11');
  });

  it('uses each template’s own row default', () => {
    const vendors = resolveOptions('vendor-evaluation');
    expect(vendors.ok && vendors.options.rows).toBe(3);
  });

  it.each([
    ['periods', 0],
    ['periods', 25],
    ['periods', 2.5],
    ['periods', '12'],
    ['rows', 51],
    ['rows', 0],
    ['startMonth', '2026-13'],
    ['startMonth', '2026-1'],
    ['currency', 'EURO'],
    ['currency', 12],
    ['lang', 'sv'],
    ['mode', 'native'],
    ['example', 'yes'],
    ['protect', 1],
  ])('refuses %s = %j with a message naming the value', (option, value) => {
    const result = resolveOptions('funnel', { [option]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.option).toBe(option);
    expect(result.errors[0]!.message).toContain(String(value));
  });

  it('refuses an unknown template and an unknown option, listing what is allowed', () => {
    // A caller outside TypeScript (the Sheets sidebar, JSON) can send any option name.
    const result = resolveOptions('forecast', { colour: 'red' } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.option)).toEqual(['templateId', 'colour']);
    expect(result.errors[0]!.message).toContain('scorecard');
    expect(result.errors[1]!.message).toContain('periods');
  });

  it('words refusals in the requested language', () => {
    const result = resolveOptions('funnel', { lang: 'fi', periods: 30 });
    expect(!result.ok && result.errors[0]!.message).toBe(
      'Jaksojen määrän on oltava kokonaisluku 1–24, ei 30.',
    );
    const english = resolveOptions('funnel', { periods: 30 });
    expect(!english.ok && english.errors[0]!.message).toBe(
      'Number of periods must be a whole number from 1 to 24, not 30.',
    );
  });

  it('formats the current month for hosts', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 30))).toBe('2026-01');
    expect(monthOf(new Date(2025, 11, 1))).toBe('2025-12');
  });
});

describe('buildPlan', () => {
  it('returns the refusals as values and builds nothing', () => {
    const result = buildPlan('nope', { rows: 99 }, {}, TARGET);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(2);
  });

  it('is pure: the same request gives the same plan', () => {
    const a = buildPlan('dashboard', { lang: 'fi' }, { startMonth: '2026-04' }, TARGET);
    const b = buildPlan('dashboard', { lang: 'fi' }, { startMonth: '2026-04' }, TARGET);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('writes money formats in the chosen currency', () => {
    const result = buildPlan('roi', { currency: 'USD' }, {}, TARGET);
    const formats = result.ok ? result.plan.cells.flat().map((c) => c?.format) : [];
    expect(formats).toContain('"$"#,##0');
    expect(formats.some((f) => f?.includes('€'))).toBe(false);
  });
});

describe('listTemplates', () => {
  it('describes all twelve templates in both languages, with the options that apply', () => {
    for (const lang of ['en', 'fi'] as const) {
      const list = listTemplates(lang);
      expect(list.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
      for (const info of list) {
        expect(info.name.length).toBeGreaterThan(3);
        expect(info.purpose.length).toBeGreaterThan(20);
        expect(info.kpis.length).toBeGreaterThan(0);
      }
    }
    const funnel = listTemplates('en').find((t) => t.id === 'funnel')!;
    expect(funnel.options).toEqual(['periods', 'startMonth']);
    expect(funnel.defaultPeriods).toBe(12);
    expect(listTemplates('en').find((t) => t.id === 'roi')!.options).toEqual(['currency']);
    expect(listTemplates('fi')[0]!.name).toBe('Ulkoistetun myynnin tuloskortti');
  });

  // By templates.md: these hold money (costs, revenue, CAC…); the others count leads, emails,
  // activities, survey answers and vendor scores only.
  const WITH_MONEY: readonly TemplateId[] = [
    'scorecard',
    'roi',
    'unit-economics',
    'inhouse-vs-outsourced',
    'pricing-models',
    'renewals',
    'dashboard',
    'pipeline',
  ];

  it.each(TEMPLATE_IDS)('%s offers the currency exactly when its sheet shows money', (id) => {
    const offered = listTemplates('en')
      .find((t) => t.id === id)!
      .options.includes('currency');
    expect(offered).toBe(WITH_MONEY.includes(id));
    expect(templateOptions(id)).toEqual(listTemplates('fi').find((t) => t.id === id)!.options);
    // Independently of how the fact is found: a pound sign appears only where money does.
    const built = buildPlan(id, { currency: 'GBP' }, {}, TARGET);
    const formats = built.ok ? built.plan.cells.flat().map((c) => c?.format ?? '') : [];
    expect(formats.some((f) => f.includes('£'))).toBe(offered);
  });

  it('names the rows option after what the rows are, in both languages', () => {
    const labels = (lang: 'en' | 'fi') =>
      Object.fromEntries(
        listTemplates(lang).flatMap((t) => (t.rowsLabel ? [[t.id, t.rowsLabel]] : [])),
      );
    expect(labels('en')).toEqual({
      email: 'Campaigns',
      activity: 'Sales reps',
      satisfaction: 'Survey answers per period',
      'vendor-evaluation': 'Vendors',
      pipeline: 'Sources and owners listed',
    });
    expect(labels('fi')).toEqual({
      email: 'Kampanjat',
      activity: 'Myyjät',
      satisfaction: 'Kyselyvastauksia jaksossa',
      'vendor-evaluation': 'Toimittajat',
      pipeline: 'Lähteitä ja vastuuhenkilöitä',
    });
    // Three vendors by default: the columns the rows option sets are vendors.
    const vendors = buildPlan('vendor-evaluation', { rows: 5 }, {}, TARGET);
    const header = vendors.ok ? vendors.plan.cells[4]!.map((c) => c?.value) : [];
    expect(header.filter((v) => typeof v === 'string' && v.startsWith('Vendor '))).toHaveLength(5);
    const refused = resolveOptions('vendor-evaluation', { rows: 60, lang: 'fi' });
    expect(!refused.ok && refused.errors[0]!.message).toBe(
      'Toimittajat: anna kokonaisluku 1–50, ei 60.',
    );
  });
});

// The sales-kpi command line parser: commands, flags, and refusals in the chosen language.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args';

describe('parseArgs', () => {
  it('reads an export with every option', () => {
    const result = parseArgs(
      [
        'export',
        'funnel',
        '--out',
        'f.xlsx',
        '--lang',
        'fi',
        '--mode=functions',
        '--periods',
        '6',
        '--start-month',
        '2025-03',
        '--rows',
        '7',
        '--currency',
        'usd',
        '--no-example',
        '--no-protect',
        '--force',
      ],
      'en',
    );
    expect(result).toEqual({
      ok: true,
      command: {
        kind: 'export',
        lang: 'fi',
        templateId: 'funnel',
        out: 'f.xlsx',
        force: true,
        options: {
          lang: 'fi',
          mode: 'functions',
          periods: 6,
          startMonth: '2025-03',
          rows: 7,
          currency: 'usd',
          example: false,
          protect: false,
        },
      },
    });
  });

  it('leaves options out that are not given, so the core fills in its defaults', () => {
    const result = parseArgs(['export', 'roi', '--out', 'r.xlsx'], 'en');
    expect(result).toEqual({
      ok: true,
      command: {
        kind: 'export',
        lang: 'en',
        templateId: 'roi',
        out: 'r.xlsx',
        force: false,
        options: {},
      },
    });
  });

  it('passes a non-numeric count through as text for the core to refuse', () => {
    const result = parseArgs(['export', 'funnel', '--out', 'f.xlsx', '--periods', 'twelve'], 'en');
    expect(result.ok && result.command.kind === 'export' && result.command.options.periods).toBe(
      'twelve',
    );
  });

  it.each(['0x0c', '0b11', '0o7', '1e1', '6.0', '+6', ' 6', '6 ', 'Infinity', '-3', '٣'])(
    'passes the count %j through as text, so only plain decimal digits are a number',
    (text) => {
      const result = parseArgs(['export', 'activity', '--out', 'a.xlsx', '--periods', text], 'en');
      expect(result.ok && result.command.kind === 'export' && result.command.options.periods).toBe(
        text,
      );
      const rows = parseArgs(['export', 'activity', '--out', 'a.xlsx', '--rows', text], 'en');
      expect(rows.ok && rows.command.kind === 'export' && rows.command.options.rows).toBe(text);
    },
  );

  it('reads decimal digits as the number they spell, leading zeros included', () => {
    const result = parseArgs(['export', 'activity', '--out', 'a.xlsx', '--periods', '06'], 'en');
    expect(result.ok && result.command.kind === 'export' && result.command.options.periods).toBe(6);
  });

  it('reads list and help', () => {
    expect(parseArgs(['list'], 'en')).toEqual({ ok: true, command: { kind: 'list', lang: 'en' } });
    expect(parseArgs(['list', '--lang', 'fi'], 'en')).toEqual({
      ok: true,
      command: { kind: 'list', lang: 'fi' },
    });
    expect(parseArgs(['--help'], 'fi')).toEqual({
      ok: true,
      command: { kind: 'help', lang: 'fi' },
    });
    expect(parseArgs(['export', '-h'], 'en')).toEqual({
      ok: true,
      command: { kind: 'help', lang: 'en' },
    });
  });

  it.each([
    [[], 'No command given'],
    [['lsit'], 'Unknown command "lsit"'],
    [['export'], 'Which template?'],
    [['export', 'roi'], 'Where to?'],
    [['export', 'roi', '--out'], 'The option --out needs a value'],
    [['export', 'roi', '--out', '--force'], 'The option --out needs a value'],
    [['export', 'roi', '--out', 'a.csv'], '--out must name an .xlsx file'],
    [['export', 'roi', 'extra', '--out', 'a.xlsx'], 'Unexpected argument "extra"'],
    [['export', 'roi', '--out', 'a.xlsx', '--colour', 'red'], 'Unknown option "--colour"'],
    [['export', 'roi', '--out', 'a.xlsx', '--force=yes'], 'The option --force takes no value'],
    [['export', 'roi', '--out', 'a.xlsx', '--rows', '3', '--rows', '4'], 'given twice'],
    [['list', '--periods', '3'], 'The option --periods does not apply to "list"'],
  ])('refuses %j with a clear message', (argv, message) => {
    const result = parseArgs(argv, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('refuses in Finnish when --lang fi is given, whatever the terminal language', () => {
    const result = parseArgs(['export', 'roi', '--lang', 'fi'], 'en');
    expect(result).toMatchObject({ ok: false, lang: 'fi' });
    if (!result.ok) expect(result.message).toContain('Minne?');
  });
});

describe('parseArgs with --data', () => {
  it('collects repeated --map, --won, --lost and --day-order, in either flag form', () => {
    const result = parseArgs(
      [
        'export',
        'pipeline',
        '--out',
        'p.xlsx',
        '--data',
        'deals.csv',
        '--map',
        'closed=Deal - Won time',
        '--map=closed=Deal - Lost time',
        '--map',
        'amount=Value = EUR',
        '--won',
        'Signed',
        '--won=Paid',
        '--lost',
        '__proto__',
        '--day-order',
        'created=MDY',
      ],
      'en',
    );
    expect(result).toMatchObject({
      ok: true,
      command: {
        data: {
          path: 'deals.csv',
          columns: { closed: ['Deal - Won time', 'Deal - Lost time'], amount: ['Value = EUR'] },
          dayOrders: { created: 'mdy' },
        },
      },
    });
    if (!result.ok || result.command.kind !== 'export') throw new Error('refused');
    // An own entry, not the object's prototype: stages may be called anything.
    expect(Object.entries(result.command.data!.stages)).toEqual([
      ['Signed', 'won'],
      ['Paid', 'won'],
      ['__proto__', 'lost'],
    ]);
  });

  it('refuses --map, --won, --lost or --day-order without --data, in the chosen language', () => {
    const result = parseArgs(
      ['export', 'pipeline', '--out', 'p.xlsx', '--map', 'id=ID', '--lang', 'fi'],
      'en',
    );
    expect(result).toEqual({
      ok: false,
      lang: 'fi',
      message: 'Valinta --map koskee kauppatiedostoa: anna se valinnalla --data <tiedosto.csv>.',
    });
    expect(parseArgs(['list', '--won', 'X'], 'en')).toMatchObject({
      ok: false,
      message: 'The option --won does not apply to "list".',
    });
  });
});

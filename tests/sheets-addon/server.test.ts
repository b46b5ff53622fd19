// The Apps Script server functions with faked globals: add-on menu, sidebar, insertTemplate with host defaults and refusals.
import { readFileSync, readdirSync } from 'node:fs';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildPlan,
  type HostDefaults,
  type TemplateOptionsInput,
} from '../../core/templates/index';
import { applyPlanToSheets } from '../../sheets-addon/apply-plan';
import {
  insertFormula,
  insertTemplate,
  onInstall,
  onOpen,
  showSidebar,
} from '../../sheets-addon/server';
import { fakeAppsScript, type FakeAppsScriptOptions } from '../support/fake-spreadsheet-app';

let world: ReturnType<typeof fakeAppsScript>;

function useWorld(options: FakeAppsScriptOptions = {}): void {
  world = fakeAppsScript(options);
  for (const [name, service] of Object.entries(world.globals)) vi.stubGlobal(name, service);
}

beforeEach(() => useWorld());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('onOpen and onInstall', () => {
  it.each([
    ['onOpen', onOpen],
    ['onInstall', onInstall],
  ] as const)(
    '%s adds the add-on menu item "Open sidebar" calling showSidebar, and does nothing else',
    (_, handler) => {
      // AuthMode.NONE (before authorization): only the menu may be built, no document or user access.
      handler({ authMode: 'NONE' } as never);
      expect(world.ui.addonMenus).toHaveLength(1);
      expect(world.ui.addonMenus[0]!.items).toEqual([
        { caption: 'Open sidebar', functionName: 'showSidebar' },
      ]);
      expect(new Set(world.recorder.calls.map((call) => call.kind))).toEqual(
        new Set(['SpreadsheetApp', 'Ui', 'Menu']),
      );
    },
  );
});

describe('showSidebar', () => {
  it('shows Sidebar.html titled "KPI Templates"', () => {
    showSidebar();
    expect(world.ui.sidebars).toEqual([
      expect.objectContaining({ file: 'Sidebar', title: 'KPI Templates' }),
    ]);
  });

  it("hands the page the user's language and the spreadsheet's currency", () => {
    useWorld({ userLocale: 'fi', spreadsheetLocale: 'sv_SE' });
    showSidebar();
    const content = world.ui.sidebars[0]!.content;
    const block =
      /<script type="application\/json" id="kpi-host-defaults">(.*?)<\/script>\n<\/head>/.exec(
        content,
      );
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1]!)).toMatchObject({ lang: 'fi', currency: 'SEK' });
  });
});

describe('insertTemplate', () => {
  /** The sheet a plan with exactly these options gives, through the adapter, in a fresh world. */
  function expectedGrid(
    templateId: string,
    options: TemplateOptionsInput,
    host: HostDefaults = {},
  ) {
    const result = buildPlan(templateId, options, host, { functionPrefix: '' });
    if (!result.ok) throw new Error('plan refused');
    const other = fakeAppsScript();
    const { sheetName } = applyPlanToSheets(other.spreadsheetApi, result.plan, other.services);
    const sheet = other.spreadsheet.sheet(sheetName)!;
    return {
      sheetName,
      values: sheet.grids.get('values'),
      formats: sheet.grids.get('numberFormats'),
    };
  }

  it('inserts the template and returns the new sheet name, "(2)" the second time', () => {
    expect(insertTemplate({ templateId: 'funnel', options: { periods: 3 } })).toEqual({
      sheetName: 'Lead funnel',
    });
    expect(insertTemplate({ templateId: 'funnel', options: { periods: 3 } })).toEqual({
      sheetName: 'Lead funnel (2)',
    });
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual([
      'Sheet1',
      'Lead funnel',
      'Lead funnel (2)',
    ]);
  });

  it("fills left-out options from the host: the user's language, the locale's currency, this month", () => {
    useWorld({ userLocale: 'fi', spreadsheetLocale: 'en_US' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2027, 2, 15, 12));
    const { sheetName } = insertTemplate({ templateId: 'dashboard', options: { periods: 2 } });
    // This month is March 2027: the two months before it, with their example actuals.
    const expected = expectedGrid(
      'dashboard',
      { periods: 2, lang: 'fi', currency: 'USD', startMonth: '2027-01' },
      { startMonth: '2027-03' },
    );
    const sheet = world.spreadsheet.sheet(sheetName)!;
    expect(sheetName).toBe(expected.sheetName);
    expect(sheet.grids.get('values')).toEqual(expected.values);
    expect(sheet.grids.get('numberFormats')).toEqual(expected.formats);
  });

  it('lets the request override the host defaults', () => {
    useWorld({ userLocale: 'fi', spreadsheetLocale: 'sv_SE' });
    const options = { periods: 2, lang: 'en', currency: 'GBP', startMonth: '2025-11' } as const;
    const { sheetName } = insertTemplate({ templateId: 'dashboard', options });
    const expected = expectedGrid('dashboard', options);
    expect(sheetName).toBe(expected.sheetName);
    expect(world.spreadsheet.sheet(sheetName)!.grids.get('numberFormats')).toEqual(
      expected.formats,
    );
  });

  it('refuses bad options with every reason, one per line, and inserts nothing', () => {
    let message = '';
    try {
      insertTemplate({ templateId: 'funnel', options: { periods: 99, rows: 0 } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(2);
    expect(message).toMatch(/99/);
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
    expect(world.recorder.tally()['Spreadsheet.insertSheet']).toBeUndefined();
  });

  it('refuses an unknown template in the user language, and inserts nothing', () => {
    useWorld({ userLocale: 'fi_FI' });
    const refused = buildPlan('no-such-template', {}, { lang: 'fi' }, { functionPrefix: '' });
    expect(refused.ok).toBe(false);
    expect(() => insertTemplate({ templateId: 'no-such-template' })).toThrow(
      refused.ok ? 'unreachable' : refused.errors[0]!.message,
    );
    expect(world.spreadsheet.sheets).toHaveLength(1);
  });

  it('passes on a failed insert as an Error with a clear message, leaving no sheet behind', () => {
    world.recorder.failOn('setValues', 'Service timed out');
    expect(() => insertTemplate({ templateId: 'roi', options: {} })).toThrow(
      "Could not insert 'ROI calculator': Service timed out. Nothing was changed.",
    );
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });
});

describe('insertTemplate: a request of any shape gets the usual translated refusal', () => {
  /** What insertTemplate threw, with the spreadsheet checked to be untouched. */
  function refusal(request: unknown): Error {
    let thrown: unknown;
    try {
      insertTemplate(request as never);
    } catch (error) {
      thrown = error;
    }
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
    expect(thrown).toBeInstanceOf(Error);
    // A plain Error carrying the refusal, not a TypeError from converting the client's object.
    expect((thrown as Error).constructor).toBe(Error);
    return thrown as Error;
  }
  const throwing = {
    toString(): string {
      throw new TypeError('Cannot convert object to primitive value');
    },
  };
  // google.script.run passes plain data, so a "toString" key holds data, not a function.
  const notCallable = { toString: 'x', valueOf: 'y' };

  it.each([
    ['an object with a throwing toString', throwing],
    ['an object whose toString is data', notCallable],
    ['a list holding a valid id', ['funnel']],
    ['a number', 3],
    ['left out', undefined],
  ])('templateId as %s: "Unknown template"', (_, templateId) => {
    expect(refusal({ templateId, options: {} }).message).toMatch(/^Unknown template "/);
  });

  it.each([
    ['an object with a throwing toString', { periods: throwing }, /^Number of periods must be/],
    ['an object whose toString is data', { currency: notCallable }, /^Currency must be/],
    ['a list', { example: [true] }, /^Option "example" must be true or false/],
    ['an object', { lang: { code: 'fi' } }, /^Language must be "en" or "fi"/],
  ])('an option value as %s: the option is refused by name', (_, options, expected) => {
    const message = refusal({ templateId: 'funnel', options }).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(expected);
  });

  const optionsRefusal =
    'Options must be sent as named values, such as { "periods": 12 }, not as a list or a text.';

  it.each([
    ['a list', [{ periods: 3 }]],
    ['a text', 'periods=3'],
    ['a number', 3],
    ['a date', new Date(2026, 0, 1)],
  ])('options as %s: refused, not ignored', (_, options) => {
    expect(refusal({ templateId: 'funnel', options }).message).toBe(optionsRefusal);
  });

  it("gives every reason at once, in the user's language", () => {
    useWorld({ userLocale: 'fi' });
    const lines = refusal({ templateId: throwing, options: 'x' }).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain(
      'Asetukset on annettava nimettyinä arvoina, esimerkiksi { "periods": 12 }, ei luettelona tai tekstinä.',
    );
    expect(lines.some((line) => line.startsWith('Tuntematon pohja'))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a text', 'funnel'],
    ['a list', ['funnel', { periods: 3 }]],
  ])('a request that is %s: "Unknown template"', (_, request) => {
    expect(refusal(request).message).toMatch(/^Unknown template "/);
  });

  it('never runs a getter of the request or its options', () => {
    const trap = () => {
      throw new Error('getter ran');
    };
    expect(refusal(Object.defineProperty({}, 'templateId', { get: trap })).message).toMatch(
      /^Unknown template "/,
    );
    const options = Object.defineProperty({}, 'periods', { get: trap, enumerable: true });
    expect(refusal({ templateId: 'funnel', options }).message).toMatch(
      /^Number of periods must be/,
    );
  });

  it('accepts plain data without a prototype, and options left out or null', () => {
    const options = Object.assign(Object.create(null) as object, { periods: 2 });
    expect(insertTemplate({ templateId: 'funnel', options })).toEqual({ sheetName: 'Lead funnel' });
    expect(insertTemplate({ templateId: 'funnel', options: null })).toEqual({
      sheetName: 'Lead funnel (2)',
    });
    expect(insertTemplate({ templateId: 'funnel' })).toEqual({ sheetName: 'Lead funnel (3)' });
  });
});

describe('insertFormula (issue 8, item 3: ask before replacing a cell)', () => {
  const roi = '=SALES_ROI(50000, 10000, 0.4)';
  const sheet1 = () => world.spreadsheet.sheet('Sheet1')!;
  const setFormulaCalls = () => world.recorder.tally()['Range.setFormula'] ?? 0;

  it('writes into an empty active cell at once, with the number format asked for', () => {
    world.spreadsheet.selection = 'B4';
    expect(insertFormula({ formula: roi, numberFormat: '0.0%' })).toEqual({
      status: 'written',
      cell: { sheet: 'Sheet1', address: 'B4', content: '' },
    });
    expect(sheet1().cells.get('B4')).toEqual({
      formula: roi,
      display: undefined,
      numberFormat: '0.0%',
    });
    expect(setFormulaCalls()).toBe(1);
  });

  it('leaves a cell that holds something, answering what it holds', () => {
    world.spreadsheet.selection = 'B4';
    sheet1().cells.set('B4', { display: '123' });
    expect(insertFormula({ formula: roi, numberFormat: '0.0%' })).toEqual({
      status: 'refused',
      cell: { sheet: 'Sheet1', address: 'B4', content: '123' },
    });
    sheet1().cells.set('C4', { formula: '=A1*2', display: '0' });
    world.spreadsheet.selection = 'C4';
    expect(insertFormula({ formula: roi })).toMatchObject({ cell: { content: '=A1*2' } });
    expect(sheet1().cells.get('B4')).toEqual({ display: '123' });
    expect(setFormulaCalls()).toBe(0);
  });

  it('replaces only the cell the user agreed to, while it still holds the same', () => {
    world.spreadsheet.selection = 'B4';
    sheet1().cells.set('B4', { display: '123' });
    const agreed = { sheet: 'Sheet1', address: 'B4', content: '123' };
    // Changed after the question: refused, and the answer says what it holds now.
    sheet1().cells.set('B4', { display: '124' });
    expect(insertFormula({ formula: roi, expected: agreed })).toEqual({
      status: 'refused',
      cell: { ...agreed, content: '124' },
    });
    // The same address on another sheet is another cell.
    expect(insertFormula({ formula: roi, expected: { ...agreed, sheet: 'Other' } })).toMatchObject({
      status: 'refused',
    });
    expect(setFormulaCalls()).toBe(0);
    expect(insertFormula({ formula: roi, expected: { ...agreed, content: '124' } })).toEqual({
      status: 'written',
      cell: { ...agreed, content: '124' },
    });
    expect(sheet1().cells.get('B4')?.formula).toBe(roi);
  });

  it('puts the formula into the top-left cell of a larger selection and says which selection', () => {
    world.spreadsheet.selection = 'B4:D9';
    expect(insertFormula({ formula: roi })).toEqual({
      status: 'written',
      cell: { sheet: 'Sheet1', address: 'B4', selection: 'B4:D9', content: '' },
    });
    expect(sheet1().cells.get('B4')?.formula).toBe(roi);
    expect([...sheet1().cells.keys()]).toEqual(['B4']);
  });

  it('answers "noCell" when nothing is selected', () => {
    world.spreadsheet.selection = null;
    expect(insertFormula({ formula: roi })).toEqual({ status: 'noCell' });
  });

  it('refuses anything but a function reference example, a format text and a cell description', () => {
    world.spreadsheet.selection = 'B4';
    expect(() => insertFormula({ formula: '=IMPORTXML("https://example.com", "//a")' })).toThrow(
      'Not a formula from the function reference: "=IMPORTXML(\\"https://example.com\\", \\"//a\\")"',
    );
    expect(() => insertFormula({ formula: '=KPI.SALES_ROI(50000, 10000, 0.4)' })).toThrow(
      /function reference/,
    );
    expect(() => insertFormula(undefined)).toThrow(/function reference/);
    expect(() => insertFormula({ formula: roi, numberFormat: 7 })).toThrow(
      'Not a number format: 7',
    );
    expect(() => insertFormula({ formula: roi, expected: { address: 'B4' } })).toThrow(
      /Not a cell description/,
    );
    expect(sheet1().cells.size).toBe(0);
    expect(world.recorder.tally()['Spreadsheet.getActiveRange']).toBeUndefined();
  });
});

describe('the built Apps Script project (dist/sheets/, from npm run build)', () => {
  /** Every .js file in one V8 context with the fake services as globals, as Apps Script loads a project. */
  function loadProject(): vm.Context {
    const dir = new URL('../../dist/sheets/', import.meta.url);
    const context = vm.createContext({ ...world.globals });
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .sort())
      vm.runInContext(readFileSync(new URL(file, dir), 'utf8'), context, { filename: file });
    return context;
  }

  it('declares the server functions at top level, delegating to the bundle', () => {
    const project = loadProject();
    project.onOpen({ authMode: 'NONE' });
    expect(world.ui.addonMenus[0]!.items).toEqual([
      { caption: 'Open sidebar', functionName: 'showSidebar' },
    ]);
    project.showSidebar();
    expect(world.ui.sidebars).toHaveLength(1);
    expect(project.insertTemplate({ templateId: 'funnel', options: { periods: 2 } })).toEqual({
      sheetName: 'Lead funnel',
    });
    expect(world.spreadsheet.sheet('Lead funnel')!.grids.get('values')).toBeDefined();
    expect(() => project.insertTemplate({ templateId: 'funnel', options: { periods: 0 } })).toThrow(
      /0/,
    );
    world.spreadsheet.active = world.spreadsheet.sheet('Sheet1');
    world.spreadsheet.selection = 'C3';
    expect(project.insertFormula({ formula: '=CSAT(170, 200)' })).toMatchObject({
      status: 'written',
    });
    expect(world.spreadsheet.sheet('Sheet1')!.cells.get('C3')?.formula).toBe('=CSAT(170, 200)');
  });
});

// The Excel manifest: well-formed, every resource resolves, files and icons exist, shared-runtime and store rules hold.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderManifest } from '../excel-addin/manifest';
import { detectExcelSupport, type ExcelSupport } from '../excel-addin/support';
import { manifestVersion } from '../scripts/build/manifest';
import {
  compareVersions,
  excelAddinFiles,
  officeApiUses,
  type ApiUse,
} from './support/office-api-sets';
import { allElements, elementPath, parseXml, type XmlElement } from './support/xml';

const ROOT = new URL('../', import.meta.url);
const DEV_BASE = 'https://localhost:3000/';
const source = readFileSync(new URL('manifest.xml', ROOT), 'utf8');
const root = parseXml(source);
const elements = allElements(root);

const named = (name: string) => elements.filter((e) => e.name === name);
const one = (name: string) => {
  const found = named(name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const child = (parent: XmlElement, name: string) => parent.children.find((c) => c.name === name);

/** Resource ids declared in <Resources>, by kind, with their values. */
function resources(): Map<string, { kind: string; value: string }> {
  const out = new Map<string, { kind: string; value: string }>();
  for (const group of one('Resources').children) {
    for (const item of group.children) {
      expect(out.has(item.attrs.id!), `duplicate resource id ${item.attrs.id}`).toBe(false);
      out.set(item.attrs.id!, { kind: group.name, value: item.attrs.DefaultValue! });
    }
  }
  return out;
}

const resourceIds = resources();

/** The width and height in a PNG file's IHDR chunk, or null when it is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The dist/excel/ file a localhost URL points at. */
function distFile(url: string): URL {
  expect(url.startsWith(DEV_BASE), url).toBe(true);
  return new URL(`dist/excel/${url.slice(DEV_BASE.length)}`, ROOT);
}

describe('manifest.xml', () => {
  it('is the output of the one template for localhost (it cannot drift)', () => {
    const version = /<Version>([^<]+)<\/Version>/.exec(source)![1]!;
    expect(source).toBe(renderManifest({ baseUrl: DEV_BASE, version }));
  });

  it('is a TaskPaneApp for Excel workbooks with ReadWriteDocument permission', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(one('Permissions').text).toBe('ReadWriteDocument');
    expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
  });

  it("has a version AppSource accepts (a.b.c.d, a from 1 to 9999), package.json's", async () => {
    const version = one('Version').text;
    const parts = version.split('.');
    expect(parts).toHaveLength(4);
    parts.forEach((part, i) => {
      expect(part).toMatch(/^\d{1,4}$/);
      expect(Number(part)).toBeGreaterThanOrEqual(i === 0 ? 1 : 0);
    });
    expect(version).toBe(await manifestVersion());
  });

  it('requires SharedRuntime 1.1 in the base manifest', () => {
    const set = named('Set').find((s) => s.attrs.Name === 'SharedRuntime');
    expect(set?.attrs.MinVersion).toBe('1.1');
    expect(elementPath(set!)).toBe('OfficeApp/Requirements/Sets/Set');
  });

  it('requires CustomFunctionsRuntime too, since it registers custom functions', () => {
    expect(named('ExtensionPoint').map((e) => e.attrs['xsi:type'])).toContain('CustomFunctions');
    const set = named('Set').find((s) => s.attrs.Name === 'CustomFunctionsRuntime');
    expect(set, 'Excel without custom functions would install a half-working add-in').toBeDefined();
    expect(elementPath(set!)).toBe('OfficeApp/Requirements/Sets/Set');
  });

  it('names a support page as SupportUrl: a built file, not the task pane', () => {
    const url = one('SupportUrl').attrs.DefaultValue!;
    expect(url).not.toBe(resourceIds.get('Taskpane.Url')!.value);
    const page = readFileSync(distFile(url), 'utf8');
    expect(page).toMatch(/<title>[^<]*support[^<]*<\/title>/i);
    expect(page).not.toContain('<script');
    expect(one('LearnMoreUrl').attrs.resid).toBe('Support.Url');
    expect(resourceIds.get('Support.Url')!.value).toBe(url);
  });

  it('resolves every resid to a resource id of at most 32 characters', () => {
    const used = elements.filter((e) => 'resid' in e.attrs).map((e) => e.attrs.resid!);
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) {
      expect(resourceIds.has(resid), resid).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
  });

  it('serves every URL from localhost:3000, each from a file the build wrote', () => {
    const urls = [
      ...[...resourceIds.values()]
        .filter((r) => r.kind !== 'bt:ShortStrings' && r.kind !== 'bt:LongStrings')
        .map((r) => r.value),
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map(
        (name) => one(name).attrs.DefaultValue!,
      ),
      child(one('DefaultSettings'), 'SourceLocation')!.attrs.DefaultValue!,
    ];
    for (const url of urls) expect(existsSync(distFile(url)), url).toBe(true);
  });

  it('declares icons that are PNGs of their stated sizes', () => {
    const declared = [
      ...named('bt:Image')
        .filter((image) => image.attrs.id)
        .map((image) => ({
          url: image.attrs.DefaultValue!,
          size: Number(/(\d+)x\1/.exec(image.attrs.id!)![1]),
        })),
      { url: one('IconUrl').attrs.DefaultValue!, size: 32 },
      { url: one('HighResolutionIconUrl').attrs.DefaultValue!, size: 64 },
    ];
    for (const { url, size } of declared) {
      expect(pngSize(readFileSync(distFile(url))), url).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) {
      const file = new URL(`dist/excel/assets/icon-${size}.png`, ROOT);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });

  it('runs everything in one long-lived shared runtime', () => {
    const runtime = one('Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const resid = runtime.attrs.resid!;
    const customFunctions = named('ExtensionPoint').find(
      (e) => e.attrs['xsi:type'] === 'CustomFunctions',
    )!;
    expect(child(child(customFunctions, 'Page')!, 'SourceLocation')!.attrs.resid).toBe(resid);
    const showTaskpane = named('Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
    // Microsoft's shared-runtime guidance: one task pane, on the runtime's page, and no
    // TaskpaneId under the host that uses the shared runtime.
    expect(showTaskpane).toHaveLength(1);
    expect(child(showTaskpane[0]!, 'SourceLocation')!.attrs.resid).toBe(resid);
    expect(named('TaskpaneId')).toEqual([]);
    expect(one('FunctionFile').attrs.resid).toBe(resid);
    expect(resourceIds.get(resid)!.value).toBe(`${DEV_BASE}taskpane.html`);
  });

  it('places Runtimes inside Host, before AllFormFactors and DesktopFormFactor', () => {
    const runtimes = one('Runtimes');
    const host = runtimes.parent!;
    expect(elementPath(host)).toBe('OfficeApp/VersionOverrides/Hosts/Host');
    const order = host.children.map((c) => c.name);
    expect(order[0]).toBe('Runtimes');
    expect(order).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
  });

  it('registers the functions under the KPI namespace with script, page and metadata', () => {
    const point = named('ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
    expect(elementPath(point)).toBe(
      'OfficeApp/VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint',
    );
    expect(point.children.map((c) => c.name)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    const resourceOf = (name: string) =>
      resourceIds.get(child(child(point, name)!, 'SourceLocation')!.attrs.resid!)!.value;
    expect(resourceOf('Script')).toBe(`${DEV_BASE}functions.js`);
    expect(resourceOf('Metadata')).toBe(`${DEV_BASE}functions.json`);
    expect(resourceIds.get(child(point, 'Namespace')!.attrs.resid!)!.value).toBe('KPI');
  });

  // Microsoft's "Localize custom functions": an Override of the metadata URL per locale.
  it('points Finnish Excel at Finnish function help: an Override of the metadata URL for fi-FI', () => {
    const metadataUrl = named('bt:Url').find((e) => e.attrs.id === 'Functions.Metadata.Url')!;
    const overrides = metadataUrl.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value]);
    expect(overrides).toEqual([['bt:Override', 'fi-FI', `${DEV_BASE}functions-fi.json`]]);
    expect(existsSync(distFile(`${DEV_BASE}functions-fi.json`))).toBe(true);
  });

  it('puts a "KPI Templates" button on the Home tab that opens the task pane', () => {
    const tab = one('OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const button = allElements(tab).find(
      (e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button',
    )!;
    expect(resourceIds.get(child(button, 'Label')!.attrs.resid!)!.value).toBe('KPI Templates');
    expect(child(button, 'Action')!.attrs['xsi:type']).toBe('ShowTaskpane');
  });
});

describe('the manifest for a deployment (--base-url)', () => {
  const base = 'https://kpi.example.com/addin/';
  const deployed = renderManifest({ baseUrl: base, version: '1.2.3.0' });

  it.each(['0.1.0.0', '1.0.0', '10000.0.0.0', '1.0.0.x', '1.0.0.0.0'])(
    'refuses version %s, which AppSource would',
    (version) => {
      expect(() => renderManifest({ baseUrl: base, version })).toThrow("AppSource's rule");
    },
  );

  it('is well-formed and points every URL at the given base', () => {
    const urls = allElements(parseXml(deployed))
      .flatMap((e) => [e.attrs.DefaultValue ?? '', e.attrs.Value ?? ''])
      .filter((value) => value.startsWith('https://'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(base), url).toBe(true);
    expect(deployed).not.toContain('localhost');
  });
});

describe('the XML reader itself', () => {
  it.each([
    ['<a><b></a></b>', 'closes'],
    ['<a x="1" x="2"/>', 'repeats'],
    ['<a>&nbsp;</a>', 'bare &'],
    ['<a/><b/>', 'second root'],
    ['<a>', 'never closed'],
    ['<a x=1/>', 'stray'],
  ])('rejects %s', (xml, reason) => {
    expect(() => parseXml(xml)).toThrow(reason);
  });
});

/** The requirement sets manifest.xml declares, as { name: minVersion }. */
function declaredSets(): Record<string, string> {
  return Object.fromEntries(named('Set').map((set) => [set.attrs.Name!, set.attrs.MinVersion!]));
}

/** The lowest ExcelApi version at which detectExcelSupport() turns each flag on. */
function detectionVersions(): Record<keyof ExcelSupport, string> {
  const found: Partial<Record<keyof ExcelSupport, string>> = {};
  for (let minor = 1; minor <= 40; minor++) {
    const highest = `1.${minor}`;
    vi.stubGlobal('Office', {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === 'ExcelApi' && compareVersions(version, highest) <= 0,
        },
      },
    });
    for (const [flag, on] of Object.entries(detectExcelSupport()))
      if (on) found[flag as keyof ExcelSupport] ??= highest;
  }
  return found as Record<keyof ExcelSupport, string>;
}

const line = (use: ApiUse) =>
  `${use.member} ${use.set} ${use.version}${use.guard ? ` behind ${use.guard}` : ''}`;

describe('the requirement sets against the Office.js members the code uses', () => {
  const sample = fileURLToPath(new URL('support/office-api-sample.ts', import.meta.url));
  let uses: ApiUse[];
  let sampleUses: ApiUse[];
  beforeAll(() => {
    // One compilation for both: it takes seconds.
    const all = officeApiUses([...excelAddinFiles(), sample]);
    uses = all.filter((use) => use.where.startsWith('excel-addin/'));
    sampleUses = all.filter((use) => use.where.startsWith('tests/'));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads each use's [Api set] and the support flag it sits behind (sample code)", () => {
    const expected = readFileSync(sample, 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        (/\/\/ needs: (.*)$/.exec(text)?.[1] ?? '')
          .split('; ')
          .filter(Boolean)
          .map((need) => `${i + 1}: ${need}`),
      );
    expect(expected.length).toBeGreaterThan(15);
    const found = sampleUses.map((use) => `${use.where.split(':')[1]}: ${line(use)}`);
    expect(found.sort()).toEqual(expected.sort());
  });

  it("finds the add-in's uses of Excel and custom-functions members", () => {
    const sets = new Set(uses.map((use) => use.set));
    expect([...sets].sort()).toEqual(['CustomFunctionsRuntime', 'ExcelApi']);
    expect(uses.length).toBeGreaterThan(50);
  });

  it('declares, for each set, the highest version the code uses without feature detection', () => {
    const highest: Record<string, ApiUse> = {};
    for (const use of uses.filter((u) => u.guard === null)) {
      const current = highest[use.set];
      if (!current || compareVersions(use.version, current.version) > 0) highest[use.set] = use;
    }
    const needed = Object.fromEntries(
      Object.entries(highest).map(([set, use]) => [set, use.version]),
    );
    // SharedRuntime is no member the code calls: the manifest's <Runtimes> needs it.
    expect(declaredSets(), `needed by ${Object.values(highest).map(line).join(', ')}`).toEqual({
      SharedRuntime: '1.1',
      ...needed,
    });
  });

  it('uses newer members only behind a flag of support.ts that checks a high enough ExcelApi', () => {
    const detection = detectionVersions();
    const guarded = uses.filter((use) => use.guard !== null);
    expect(guarded.length).toBeGreaterThan(0);
    for (const use of guarded) {
      const needs = detection[use.guard as keyof ExcelSupport];
      expect(needs, `${line(use)}: the flag is never on`).toBeDefined();
      expect(use.set, line(use)).toBe('ExcelApi');
      expect(
        compareVersions(use.version, needs!),
        `${line(use)} checked at ${needs}`,
      ).toBeLessThanOrEqual(0);
    }
  });
});

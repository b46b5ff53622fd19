// dist/sheets/Code.js against the registry: the JSDoc Sheets shows as formula help, and the manifest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../core/registry/index';

const code = readFileSync(new URL('../../dist/sheets/Code.js', import.meta.url), 'utf8');
const manifest = JSON.parse(
  readFileSync(new URL('../../dist/sheets/appsscript.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

interface Wrapper {
  doc: string[];
  params: string[];
}

/** Each top-level function with the JSDoc block right above it. */
function wrappers(): Map<string, Wrapper> {
  const out = new Map<string, Wrapper>();
  for (const match of code.matchAll(
    /^\/\*\*\n((?: \*.*\n)*) \*\/\nfunction (\w+)\(([^)]*)\) \{$/gm,
  )) {
    const doc = match[1]!
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^ \* ?/, ''));
    const params = match[3]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    out.set(match[2]!, { doc, params });
  }
  return out;
}

const byName = wrappers();

/** The same text as the registry's, as a one-line JSDoc holds it. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Code.js', () => {
  it('starts with the @OnlyCurrentDoc annotation', () => {
    expect(code.slice(0, 200)).toMatch(/^\/\*\*\n \* @OnlyCurrentDoc\n \*\//);
  });

  it('declares each registry function once, at top level, then the server functions, and no other', () => {
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    const server = [
      'onOpen',
      'onInstall',
      'showSidebar',
      'insertTemplate',
      'insertFormula',
      'readSheetValues',
      'importDeals',
      'appendImportRows',
      'discardImportDraft',
    ];
    expect(declared).toEqual([...FUNCTIONS.map((f) => f.name), ...server]);
    expect([...byName.keys()]).toEqual(FUNCTIONS.map((f) => f.name));
  });

  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s carries its help',
    (name, spec) => {
      const { doc, params } = byName.get(name)!;
      expect(doc[0]).toBe(oneLine(spec.description));
      expect(doc).toContain('@customfunction');
      const docParams = doc
        .filter((line) => line.startsWith('@param'))
        .map((line) => /^@param \{[^}]+\} (\w+) (.*)$/.exec(line)!);
      expect(docParams.map((m) => m[1])).toEqual(spec.params.map((p) => p.name));
      expect(params).toEqual(spec.params.map((p) => p.name));
      spec.params.forEach((param, i) => {
        const text = docParams[i]![2]!;
        expect(text.startsWith(oneLine(param.description))).toBe(true);
        // Sheets has no optional marker, so an optional parameter's help names its default.
        expect(text.includes('Optional')).toBe(param.default !== undefined);
      });
    },
  );
});

describe('appsscript.json', () => {
  it('runs on V8 with only the current spreadsheet and its UI as scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(typeof manifest.timeZone).toBe('string');
  });
});

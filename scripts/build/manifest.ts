// Build step: the Excel manifest — the committed root manifest.xml for localhost, dist/manifest.xml otherwise.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderManifest } from '../../excel-addin/manifest';
import { DEV_BASE_URL, ROOT, type BuildOptions } from './options';
import { writeOutput } from './write';

/** package.json's "1.0.0" as the manifest's four-part "1.0.0.0". */
export async function manifestVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(resolve(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const parts = version.split(/[.+-]/).slice(0, 3);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

export async function buildManifest({ outDir, baseUrl }: BuildOptions): Promise<string[]> {
  const xml = renderManifest({ baseUrl, version: await manifestVersion() });
  const path =
    baseUrl === DEV_BASE_URL ? resolve(ROOT, 'manifest.xml') : join(outDir, 'manifest.xml');
  return [await writeOutput(path, xml)];
}

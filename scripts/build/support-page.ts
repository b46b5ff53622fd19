// Build step: dist/excel/support.html, the public support page the manifest's SupportUrl names.
import { join } from 'node:path';
import { SUPPORT_PAGE } from '../../excel-addin/files';
import { renderSupportPage } from '../../excel-addin/support-page';
import { manifestVersion } from './manifest';
import { type BuildOptions } from './options';
import { writeOutput } from './write';

export async function buildSupportPage({
  outDir,
  baseUrl,
  supportEmail,
}: BuildOptions): Promise<string[]> {
  const html = renderSupportPage({ baseUrl, version: await manifestVersion(), supportEmail });
  return [await writeOutput(join(outDir, 'excel', SUPPORT_PAGE), html)];
}

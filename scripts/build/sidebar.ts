// Build step: dist/sheets/Sidebar.html, one self-contained page (Apps Script serves a single file).
import { join } from 'node:path';
import { bundle } from './bundle';
import { type BuildOptions } from './options';
import { sidebarStyle } from './sidebar-style';
import { writeOutput } from './write';

/** The file name showSidebar asks HtmlService for ("Sidebar"), with its extension. */
export const SIDEBAR_PAGE = 'Sidebar.html';

/**
 * Script text safe inside <script>…</script>: "</script" would end the element and "<!--"
 * changes how the HTML parser reads the rest. esbuild already avoids both; should either
 * appear inside a string or regular expression literal, "<\/" and "\x3C" spell the same
 * characters there.
 */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}

/** The page: CSS and JS inline, the sidebar mounting into #app. */
export function sidebarPage(script: string, style: string): string {
  if (/<\/style/i.test(style)) throw new Error('the sidebar stylesheet contains "</style"');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<base target="_top">
<title>KPI Templates</title>
<style>body{margin:0}${style}</style>
</head>
<body>
<main id="app"></main>
<script>${inlineScript(script)}</script>
</body>
</html>
`;
}

export async function buildSidebar({ outDir }: BuildOptions): Promise<string[]> {
  const [script, style] = await Promise.all([
    bundle({ entry: 'sheets-addon/sidebar-client.ts', target: 'es2019' }),
    sidebarStyle(),
  ]);
  return [await writeOutput(join(outDir, 'sheets', SIDEBAR_PAGE), sidebarPage(script, style))];
}

// The sidebar's stylesheet, minified once for both hosts (the Excel task pane and the Sheets sidebar).
import { transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ROOT } from './options';

/** core/ui/sidebar.css, minified for browsers as old as the hosts' webviews. */
export async function sidebarStyle(): Promise<string> {
  const source = await readFile(resolve(ROOT, 'core/ui/sidebar.css'), 'utf8');
  const { code } = await transform(source, {
    loader: 'css',
    minify: true,
    target: ['chrome80', 'safari13'],
  });
  return code;
}

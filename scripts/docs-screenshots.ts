// `npm run docs:screenshots`: the README's pictures (a scorecard, a Finnish dashboard, the function reference) from the built preview.
import { mkdirSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ROOT } from './build/options';
import {
  insertTemplate,
  openPreview,
  saveScreen,
  showFunctionReference,
  startPreview,
} from './docs/preview-screens';

const IMAGES = resolve(ROOT, 'docs/images');
/** Above this a README picture is too heavy for a repository; the script then fails. */
const MAX_BYTES = 300 * 1024;

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const session = await startPreview();
  const written: string[] = [];
  try {
    const english = await openPreview(session, 'en');
    await insertTemplate(english.page, 'scorecard', 'en');
    written.push(resolve(IMAGES, 'scorecard-en.png'));
    await saveScreen(english.page, written.at(-1)!);
    await insertTemplate(english.page, 'funnel', 'en');
    await showFunctionReference(english.page);
    written.push(resolve(IMAGES, 'function-reference-en.png'));
    await saveScreen(english.page, written.at(-1)!);

    const finnish = await openPreview(session, 'fi');
    await insertTemplate(finnish.page, 'dashboard', 'fi');
    // The sidebar's heading in view, as when it opens, rather than scrolled down to the insert button.
    await finnish.page.locator('#sidebar').evaluate((sidebar) => sidebar.scrollTo(0, 0));
    written.push(resolve(IMAGES, 'dashboard-fi.png'));
    await saveScreen(finnish.page, written.at(-1)!);

    const errors = [...english.errors, ...finnish.errors];
    if (errors.length > 0) throw new Error(`the preview page failed: ${errors.join('; ')}`);
  } finally {
    await session.close();
  }
  for (const file of written) {
    const { size } = statSync(file);
    console.log(`  ${relative(ROOT, file).padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KB`);
    if (size > MAX_BYTES)
      throw new Error(`${relative(ROOT, file)} is ${size} bytes, over ${MAX_BYTES}`);
  }
}

main().catch((error: unknown) => {
  console.error(
    `docs:screenshots failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});

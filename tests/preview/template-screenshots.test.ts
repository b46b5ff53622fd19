// Pictures every template in both languages as a reader first sees it: inserted in the preview at 1280×800, sidebar open, at A1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, TEMPLATE_IDS } from '../../core/templates/index';
import { chromiumMissing } from '../../scripts/bench/browser';
import {
  SCREEN,
  insertTemplate,
  openPreview,
  saveScreen,
  sheetView,
  startPreview,
  type PreviewSession,
} from '../../scripts/docs/preview-screens';
import { ARTIFACTS } from '../ui/support/page';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping the template screenshots: ${missing}`);

/** A PNG's width and height, read from its IHDR chunk (bytes 16–23). */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(missing !== undefined)('template screenshots in tests/artifacts/', () => {
  let session: PreviewSession;

  beforeAll(async () => {
    session = await startPreview();
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(LANGS)(
    `saves template-<id>-%s.png for all ${TEMPLATE_IDS.length} templates at 1280×800, the sheet at A1 beside the sidebar`,
    async (lang) => {
      const { page, errors } = await openPreview(session, lang);
      for (const id of TEMPLATE_IDS) {
        await insertTemplate(page, id, lang);
        expect(await sheetView(page), id).toMatchObject({
          scrollTop: 0,
          scrollLeft: 0,
          tabInView: true,
        });
        // A1's top-left corner is on screen, left of the open sidebar (A1 may be a merged title).
        const a1 = (await page.locator('#sheet-panel td[data-cell="A1"]').boundingBox())!;
        const sidebar = (await page.locator('#sidebar').boundingBox())!;
        expect(a1.x >= 0 && a1.y >= 0 && a1.x < sidebar.x && a1.y < SCREEN.height, id).toBe(true);
        expect(sidebar.x + sidebar.width, id).toBeLessThanOrEqual(SCREEN.width);
        const path = resolve(ARTIFACTS, `template-${id}-${lang}.png`);
        await saveScreen(page, path);
        expect(pngSize(path), path).toEqual(SCREEN);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
    // Thirteen inserts and screenshots (the pipeline's with its example deals): about 30 s alone,
    // several times that on a loaded machine.
    480_000,
  );
});

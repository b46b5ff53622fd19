// Build step: the add-in's icons, a bar-chart glyph drawn at every size the manifest and stores use.
import { join } from 'node:path';
import { ICON_SIZES, iconFile } from '../../excel-addin/files';
import type { BuildOptions } from './options';
import { encodePng } from './png';
import { writeOutput } from './write';

const BAR_COLOUR = [0x10, 0x7c, 0x41, 0xff] as const;
const AXIS_COLOUR = [0x33, 0x33, 0x33, 0xff] as const;

/** Three rising bars on a baseline, in a unit square: [left, top, right, bottom]. */
const BARS: readonly (readonly [number, number, number, number])[] = [
  [0.14, 0.52, 0.32, 0.84],
  [0.41, 0.34, 0.59, 0.84],
  [0.68, 0.14, 0.86, 0.84],
];
const AXIS = [0.08, 0.84, 0.92, 0.92] as const;

function inside([left, top, right, bottom]: readonly number[], x: number, y: number): boolean {
  return x >= left! && x < right! && y >= top! && y < bottom!;
}

/** The glyph at `size`×`size` pixels, sampled at pixel centres on a transparent background. */
export function drawIcon(size: number): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const colour = inside(AXIS, x, y)
        ? AXIS_COLOUR
        : BARS.some((bar) => inside(bar, x, y))
          ? BAR_COLOUR
          : null;
      if (colour) pixels.set(colour, (py * size + px) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

export async function buildIcons({ outDir }: BuildOptions): Promise<string[]> {
  return Promise.all(
    ICON_SIZES.map((size) => writeOutput(join(outDir, 'excel', iconFile(size)), drawIcon(size))),
  );
}

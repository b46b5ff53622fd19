// Leaves dist/ holding only what this build wrote, as if it had started from an empty dist/, without
// dist/ ever being empty or half there for a reader (a running dev server or test) during the build.
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes what is under `dir` and not in `keep`; returns whether `dir` was left empty. */
async function prune(dir: string, keep: ReadonlySet<string>, removed: string[]): Promise<boolean> {
  let kept = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (await prune(path, keep, removed)) await rmdir(path);
      else kept++;
    } else if (keep.has(path)) {
      kept++;
    } else {
      // A symbolic link goes itself, never what it points at.
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return kept === 0;
}

/**
 * Deletes every file and folder under `outDir` that is not one of `written` (stale outputs of
 * earlier builds, a dist/sheets/.clasp.json, anything put there by hand); returns the files removed.
 */
export async function pruneOutDir(outDir: string, written: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  await prune(outDir, new Set(written), removed);
  return removed.sort();
}

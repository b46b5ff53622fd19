// Writes the finished workbook so that nothing is lost: no overwrite without --force, no half-written file.
import { randomUUID } from 'node:crypto';
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../core/templates/options';
import { cliText } from './messages';

/** Done, or why not, as a message in the user's language. */
export type WriteResult = { ok: true } | { ok: false; message: string };

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function refusal(lang: Lang, path: string, error: unknown): string {
  const code = errorCode(error);
  if (code === 'EEXIST') return cliText(lang, 'exists', { path });
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? cliText(lang, 'reasonNoFolder')
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? cliText(lang, 'reasonDenied')
        : code === 'EISDIR'
          ? cliText(lang, 'reasonIsFolder')
          : error instanceof Error
            ? error.message
            : String(error);
  return cliText(lang, 'unwritable', { path, reason });
}

/**
 * Writes `content` to `path`. Without `force`, an existing file is refused; with it, the content
 * goes to a temporary file next to `path` that then replaces it, so the old file survives any
 * failure. Never throws.
 */
export async function writeWorkbookFile(
  path: string,
  content: Uint8Array,
  force: boolean,
  lang: Lang,
): Promise<WriteResult> {
  if (!force) {
    let file: FileHandle;
    try {
      // The exclusive create refuses an existing file atomically: nothing is overwritten.
      file = await open(path, 'wx');
    } catch (error) {
      return { ok: false, message: refusal(lang, path, error) };
    }
    try {
      await file.writeFile(content);
      await file.close();
      return { ok: true };
    } catch (error) {
      // The file is ours (just created) and incomplete, so it goes.
      await file.close().catch(() => undefined);
      await rm(path, { force: true }).catch(() => undefined);
      return { ok: false, message: refusal(lang, path, error) };
    }
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, message: refusal(lang, path, error) };
  }
}

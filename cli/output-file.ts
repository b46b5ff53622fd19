// Writes the finished workbook so that nothing is lost: no overwrite without --force, no half-written file.
import { randomUUID } from 'node:crypto';
import { lstat, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
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
 * Why `--force` must not replace what is at `path`, or null when it may. The replacement is a
 * rename, which would swap a symbolic link for a file (not write where it points) and ignores
 * the old file's own permissions: so only the user's own, writable, regular file goes.
 */
function replaceRefusal(lang: Lang, path: string, existing: Stats, userId: number | undefined) {
  const reason = existing.isSymbolicLink()
    ? cliText(lang, 'reasonSymlink')
    : existing.isDirectory()
      ? cliText(lang, 'reasonIsFolder')
      : !existing.isFile()
        ? cliText(lang, 'reasonNotFile')
        : userId !== undefined && existing.uid !== userId
          ? cliText(lang, 'reasonOtherOwner')
          : (existing.mode & 0o200) === 0
            ? cliText(lang, 'reasonReadOnly')
            : null;
  return reason === null ? null : cliText(lang, 'unwritable', { path, reason });
}

/** What is at `path` now, or null when nothing is. */
async function existingEntry(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes `content` to `path`. Without `force`, an existing file is refused; with it, the user's
 * own writable file is replaced (never a symbolic link, a read-only file or another user's
 * file): the content goes to a temporary file next to `path`, with the old file's permissions,
 * that then replaces it, so the old file survives any failure. Never throws.
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
  let existing: Stats | null;
  try {
    existing = await existingEntry(path);
  } catch (error) {
    return { ok: false, message: refusal(lang, path, error) };
  }
  if (existing) {
    const refused = replaceRefusal(lang, path, existing, process.getuid?.());
    if (refused !== null) return { ok: false, message: refused };
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomUUID()}.tmp`);
  try {
    const mode = existing ? existing.mode & 0o777 : 0o666;
    await writeFile(temporary, content, { flag: 'wx', mode });
    await rename(temporary, path);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, message: refusal(lang, path, error) };
  }
}

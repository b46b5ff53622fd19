// Keeps the development keys private: a folder only the user can enter (0700), key files only the
// user can read (0600). Loose permissions on the user's own files are tightened; anything else is refused.
import { randomUUID } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, renameSync, writeFileSync, type Stats } from 'node:fs';

/** Why a folder or file cannot be used, with what to do about it. */
export class UnsafeFileError extends Error {}

function existing(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Checks `path` (a folder or a file, as `kind` says) when it exists: refused when it is a
 * symbolic link, the wrong kind or another user's; tightened to `mode` when group or others
 * have any access, with a note saying so. POSIX only: on Windows the profile's ACLs apply.
 */
function secure(path: string, kind: 'folder' | 'file', mode: number, notes: string[]): void {
  const userId = process.getuid?.();
  const stats = existing(path);
  if (stats === null || userId === undefined) return;
  const remedy = 'Remove it, or set SALES_KPI_CERT_DIR to a folder of your own.';
  if (stats.isSymbolicLink())
    throw new UnsafeFileError(`${path} is a symbolic link, not a ${kind}. ${remedy}`);
  if (kind === 'folder' ? !stats.isDirectory() : !stats.isFile())
    throw new UnsafeFileError(`${path} is not a ${kind}. ${remedy}`);
  if (stats.uid !== userId)
    throw new UnsafeFileError(
      `${path} belongs to another user (uid ${stats.uid}), so it cannot be kept private. ${remedy}`,
    );
  const current = stats.mode & 0o777;
  if ((current & 0o077) === 0) return;
  chmodSync(path, mode);
  notes.push(
    `Tightened the permissions of ${path} from ${current.toString(8)} to ${mode.toString(8)}.`,
  );
}

/** The folder `dir`, made (or checked and tightened) so that only the user can enter it. */
export function privateFolder(dir: string, notes: string[]): void {
  secure(dir, 'folder', 0o700, notes);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Checks a private file before it is read: see `secure`. */
export function checkPrivateFile(path: string, notes: string[]): void {
  secure(path, 'file', 0o600, notes);
}

/**
 * Writes `content` to `path` with `mode` through a new temporary file and a rename, so the
 * file never exists with wider permissions or half written, whatever was at `path` before.
 */
export function writeFileAtomically(path: string, content: string, mode: number): void {
  const temporary = `${path}.${process.pid}-${randomUUID()}.tmp`;
  writeFileSync(temporary, content, { flag: 'wx', mode });
  renameSync(temporary, path);
}

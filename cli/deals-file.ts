// Reads the deals export named by --data, refusing a file above the import's byte limit before reading it whole.
import { open, type FileHandle } from 'node:fs/promises';
import { MAX_BYTES } from '../core/import/limits';
import type { Lang } from '../core/templates/options';
import { fileRefusal } from './deals-import';
import { cliText } from './messages';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** How much is read per call: the file is never asked for more than MAX_BYTES + 1 bytes. */
const CHUNK_BYTES = 1024 * 1024;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * The bytes of the file at `path`, at most MAX_BYTES of them. The size is checked before
 * reading and again while reading (a file that grows, a pipe), so a huge file is refused
 * after MAX_BYTES + 1 bytes at most. Never throws.
 */
export async function readDealsFile(path: string, lang: Lang): Promise<ReadResult> {
  const refuse = (message: string): ReadResult => ({ ok: false, message });
  const tooLarge = () =>
    refuse(fileRefusal(lang, path, { kind: 'too-large', limit: 'bytes', max: MAX_BYTES }));
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return refuse(cliText(lang, 'dataMissing', { path }));
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? cliText(lang, 'reasonDenied')
        : error instanceof Error
          ? error.message
          : String(error);
    return refuse(cliText(lang, 'dataUnreadable', { path, reason }));
  }
  try {
    const stats = await file.stat();
    if (stats.isDirectory()) return refuse(cliText(lang, 'dataNotFile', { path }));
    if (stats.size > MAX_BYTES) return tooLarge();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const wanted = Math.min(CHUNK_BYTES, MAX_BYTES + 1 - total);
      const buffer = new Uint8Array(wanted);
      const { bytesRead } = await file.read(buffer, 0, wanted, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_BYTES) return tooLarge();
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(cliText(lang, 'dataUnreadable', { path, reason }));
  } finally {
    await file.close().catch(() => undefined);
  }
}

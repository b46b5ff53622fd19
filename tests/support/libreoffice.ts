// Recalculates .xlsx files in headless LibreOffice (to check cached results against a real engine), or turns them into PDF.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';

/** The executable `name` on the PATH, or null when it is not installed. */
export function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The `soffice` executable on the PATH, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  return findExecutable('soffice');
}

// LibreOffice keeps an .xlsx file's cached results unless told to recalculate on load;
// 0 means "always", so every formula is evaluated by LibreOffice itself.
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh, throwaway LibreOffice user profile that recalculates .xlsx files on load. */
function freshProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-soffice-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  return profile;
}

/**
 * Opens every file in one LibreOffice run (its start-up takes seconds), recalculates it and
 * saves it as .xlsx in `outDir`; returns the recalculated copies' paths in the input order.
 * Rejects with LibreOffice's output when it fails or leaves a copy unwritten.
 */
export function recalculateInLibreOffice(
  soffice: string,
  files: readonly string[],
  outDir: string,
  timeoutMs = 90_000,
): Promise<string[]> {
  return convertInLibreOffice(soffice, files, outDir, 'xlsx', timeoutMs);
}

/**
 * Like `recalculateInLibreOffice`, saving each recalculated file in `format` ("pdf" prints
 * every sheet as LibreOffice would); the copies keep the files' names with that extension.
 */
export async function convertInLibreOffice(
  soffice: string,
  files: readonly string[],
  outDir: string,
  format: 'xlsx' | 'pdf',
  timeoutMs = 90_000,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile();
  const args = [
    '--headless',
    '--norestore',
    `-env:UserInstallation=file://${profile}`,
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...files,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve(text);
      else reject(new Error(`soffice exited with ${code}:\n${text}`));
    });
  });
  const copies = files.map((file) => join(outDir, `${basename(file, extname(file))}.${format}`));
  const missing = copies.filter((copy) => !existsSync(copy));
  if (missing.length > 0) {
    throw new Error(`soffice did not write ${missing.join(', ')}:\n${output}`);
  }
  return copies;
}

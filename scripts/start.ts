// `npm start`: builds, then serves dist/ over HTTPS on localhost:3000: the preview page and the Excel add-in to sideload.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:https';
import { resolve } from 'node:path';
import { DEV_BASE_URL, ROOT } from './build/options';
import { devCertificate, isTrusted } from './dev/certificate';
import { sideloadInstructions, trustInstructions } from './dev/instructions';
import { devRoots, staticHandler } from './dev/static-server';

function build(): void {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'scripts/build.ts')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

async function main(): Promise<void> {
  build();
  const certificate = devCertificate();
  for (const note of certificate.notes) console.log(note);
  const port = Number(new URL(DEV_BASE_URL).port);
  const dist = resolve(ROOT, 'dist');
  const server = createServer(
    { key: certificate.key, cert: certificate.cert },
    staticHandler(devRoots(dist), '/preview.html'),
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is already in use, perhaps by another \`npm start\`. Stop that process ` +
            `(e.g. \`lsof -i :${port}\` or \`netstat -ano | findstr :${port}\` shows it); ` +
            `manifest.xml expects port ${port}.`
        : `The server could not start: ${error.message}`,
    );
    process.exit(1);
  });
  server.listen(port, 'localhost', () => {
    console.log(`\nTry it without Excel: ${DEV_BASE_URL}preview.html`);
    if (!isTrusted(certificate.caFile)) console.log(`\n${trustInstructions(certificate.caFile)}`);
    console.log(`\n${sideloadInstructions(resolve(ROOT, 'manifest.xml'), DEV_BASE_URL)}`);
  });
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

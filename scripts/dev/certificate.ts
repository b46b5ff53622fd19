// The development HTTPS certificate: a local CA and a localhost certificate, made once and cached outside the repo.
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** Where the certificates are kept; SALES_KPI_CERT_DIR overrides it. */
export function certificateDir(): string {
  return process.env.SALES_KPI_CERT_DIR ?? join(homedir(), '.sales-kpi-dev-certs');
}

export interface DevCertificate {
  key: string;
  /** The localhost certificate followed by the CA that signed it. */
  cert: string;
  /** The CA certificate file the user trusts once. */
  caFile: string;
}

const DAY = 86_400_000;

function validFor(pem: string, days: number): boolean {
  return new Date(new X509Certificate(pem).validTo).getTime() > Date.now() + days * DAY;
}

function readPair(dir: string, name: string): { key: string; cert: string } | null {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.crt`);
  if (!existsSync(keyFile) || !existsSync(certFile)) return null;
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

function writePair(dir: string, name: string, pair: { key: string; cert: string }): void {
  writeFileSync(join(dir, `${name}.key`), pair.key, { mode: 0o600 });
  writeFileSync(join(dir, `${name}.crt`), pair.cert);
}

function yearsFromNow(years: number): Date {
  const date = new Date();
  date.setFullYear(date.getFullYear() + years);
  return date;
}

/**
 * The cached certificate, made (or renewed near expiry) without sudo or prompts. The CA
 * lives five years, so the user trusts it once; the localhost certificate is renewed under it.
 */
export async function devCertificate(dir = certificateDir()): Promise<DevCertificate> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let ca = readPair(dir, 'ca');
  if (!ca || !validFor(ca.cert, 30)) {
    const made = await generate([{ name: 'commonName', value: 'Sales KPI development CA' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: yearsFromNow(5),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    });
    ca = { key: made.private, cert: made.cert };
    writePair(dir, 'ca', ca);
  }
  let server = readPair(dir, 'localhost');
  if (
    !server ||
    !validFor(server.cert, 7) ||
    !new X509Certificate(server.cert).checkIssued(new X509Certificate(ca.cert))
  ) {
    const made = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: yearsFromNow(1),
      ca: { key: ca.key, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    server = { key: made.private, cert: made.cert };
    writePair(dir, 'localhost', server);
  }
  return {
    key: server.key,
    cert: `${server.cert.trim()}\n${ca.cert.trim()}\n`,
    caFile: join(dir, 'ca.crt'),
  };
}

/** Whether the operating system already trusts the CA; false when that cannot be checked. */
export function isTrusted(caFile: string): boolean {
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;
  switch (process.platform) {
    case 'darwin':
      return run('security', ['verify-cert', '-c', caFile]);
    case 'win32':
      return run('certutil', [
        '-user',
        '-verifystore',
        'Root',
        new X509Certificate(readFileSync(caFile)).serialNumber,
      ]);
    default:
      // openssl verify succeeds for a self-signed CA only when it is in the system store.
      return run('openssl', ['verify', caFile]);
  }
}

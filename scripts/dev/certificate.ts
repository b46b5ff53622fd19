// The development HTTPS certificate: a local CA limited to localhost and the server certificate it
// issues, made once and kept private outside the repo.
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkPrivateFile, privateFolder, writeFileAtomically } from './private-files';
import { certificateAuthority, newKeyPair, serverCertificate, type HostNames } from './x509';

/** Where the certificates are kept; SALES_KPI_CERT_DIR overrides it. */
export function certificateDir(): string {
  return process.env.SALES_KPI_CERT_DIR ?? join(homedir(), '.sales-kpi-dev-certs');
}

/** This machine's names: all the CA may vouch for, and all the server certificate carries. */
export const LOCAL_NAMES: HostNames = { dns: ['localhost'], ips: ['127.0.0.1', '::1'] };

/** The CA's name as trust stores list it. */
export const CA_NAME = 'Sales KPI development CA (localhost only)';

/**
 * Lifetimes in days. The CA is trusted by hand, so it lasts a year; the server certificate is
 * renewed under it without asking, so it lasts at most 90 days.
 */
export const LIFETIME_DAYS = { ca: 365, server: 90 } as const;

/** Days before its end at which each certificate is made again. */
const RENEW_DAYS = { ca: 30, server: 30 } as const;

const DAY = 86_400_000;

/** Certificates start an hour back, so a clock a little behind still accepts them. */
const BACKDATE = 3_600_000;

/** The DER of the nameConstraints extension's identifier (2.5.29.30). */
const NAME_CONSTRAINTS_OID = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e]);

export interface DevCertificate {
  key: string;
  /** The server certificate followed by the CA that signed it. */
  cert: string;
  /** The CA certificate file the user trusts once. */
  caFile: string;
  /** What was changed on the way (permissions tightened, a CA replaced), for the user to read. */
  notes: string[];
}

interface Pair {
  key: string;
  cert: string;
}

function readPair(dir: string, name: string, notes: string[]): Pair | null {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.crt`);
  checkPrivateFile(keyFile, notes);
  if (!existsSync(keyFile) || !existsSync(certFile)) return null;
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

function writePair(dir: string, name: string, pair: Pair): void {
  writeFileAtomically(join(dir, `${name}.key`), pair.key, 0o600);
  writeFileAtomically(join(dir, `${name}.crt`), pair.cert, 0o644);
}

/** The certificate of `pair` when it parses and belongs to its key, else null. */
function certificateOf(pair: Pair): X509Certificate | null {
  try {
    const x509 = new X509Certificate(pair.cert);
    return x509.checkPrivateKey(createPrivateKey(pair.key)) ? x509 : null;
  } catch {
    return null;
  }
}

function days(x509: X509Certificate): { left: number; lifetime: number } {
  const from = new Date(x509.validFrom).getTime();
  const to = new Date(x509.validTo).getTime();
  return { left: (to - Date.now()) / DAY, lifetime: (to - from - BACKDATE) / DAY };
}

/** The cached CA when it is one this version would make (named, constrained, short) and not near its end. */
function usableCa(pair: Pair | null): X509Certificate | null {
  const x509 = pair && certificateOf(pair);
  if (!x509) return null;
  const { left, lifetime } = days(x509);
  const current =
    x509.ca &&
    x509.subject === `CN=${CA_NAME}` &&
    x509.raw.includes(NAME_CONSTRAINTS_OID) &&
    lifetime <= LIFETIME_DAYS.ca &&
    left > RENEW_DAYS.ca;
  return current ? x509 : null;
}

function usableServer(pair: Pair | null, ca: X509Certificate): boolean {
  const x509 = pair && certificateOf(pair);
  if (!x509) return false;
  const { left, lifetime } = days(x509);
  return (
    left > RENEW_DAYS.server &&
    lifetime <= LIFETIME_DAYS.server &&
    x509.checkIssued(ca) &&
    x509.verify(ca.publicKey) &&
    x509.checkHost('localhost') !== undefined
  );
}

const pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

function makeCa(): Pair {
  const keys = newKeyPair();
  const now = Date.now();
  const validity = {
    notBefore: new Date(now - BACKDATE),
    notAfter: new Date(now + LIFETIME_DAYS.ca * DAY),
  };
  return {
    key: pem(keys.privateKey),
    cert: certificateAuthority(CA_NAME, keys, validity, LOCAL_NAMES),
  };
}

/** A server certificate for LOCAL_NAMES, ending no later than the CA. */
function makeServer(ca: Pair, caCertificate: X509Certificate): Pair {
  const keys = newKeyPair();
  const now = Date.now();
  const caEnd = new Date(caCertificate.validTo).getTime();
  const validity = {
    notBefore: new Date(now - BACKDATE),
    notAfter: new Date(Math.min(now + LIFETIME_DAYS.server * DAY, caEnd)),
  };
  const issuer = {
    commonName: CA_NAME,
    keys: { privateKey: createPrivateKey(ca.key), publicKey: createPublicKey(ca.key) },
  };
  return {
    key: pem(keys.privateKey),
    cert: serverCertificate(LOCAL_NAMES, keys.publicKey, issuer, validity),
  };
}

/**
 * The cached certificate, made (or renewed near its end) without sudo or prompts, in a folder
 * only the user can enter. Refuses (throws) when the folder or a key is a symbolic link or
 * another user's.
 */
export function devCertificate(dir = certificateDir()): DevCertificate {
  const notes: string[] = [];
  privateFolder(dir, notes);
  let ca = readPair(dir, 'ca', notes);
  let caCertificate = usableCa(ca);
  if (!ca || !caCertificate) {
    if (ca)
      notes.push(
        `Made a new development CA in ${dir}: the previous one was near its end, unreadable or ` +
          `not limited to localhost. Trust the new one, and remove the old one from your trust ` +
          `store (docs/hosts.md, "Removing the development CA").`,
      );
    ca = makeCa();
    writePair(dir, 'ca', ca);
    caCertificate = new X509Certificate(ca.cert);
  }
  let server = readPair(dir, 'localhost', notes);
  if (!server || !usableServer(server, caCertificate)) {
    server = makeServer(ca, caCertificate);
    writePair(dir, 'localhost', server);
  }
  return {
    key: server.key,
    cert: `${server.cert.trim()}\n${ca.cert.trim()}\n`,
    caFile: join(dir, 'ca.crt'),
    notes,
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

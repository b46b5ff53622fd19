// The development certificate: a short-lived CA limited to localhost, kept private, and accepted for https://localhost.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CA_NAME, devCertificate } from '../../../scripts/dev/certificate';
import { certificateAuthority, newKeyPair, serverCertificate } from '../../../scripts/dev/x509';

const DAY = 86_400_000;
const base = mkdtempSync(join(tmpdir(), 'kpi-cert-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let folders = 0;
const newDir = () => join(base, `certs-${++folders}`);

const mode = (path: string) => statSync(path).mode & 0o777;
const lifetimeDays = (x509: X509Certificate) =>
  (new Date(x509.validTo).getTime() - new Date(x509.validFrom).getTime()) / DAY;

/** Serves `cert` on localhost and fetches "/" as a client trusting only `ca`, under `servername`. */
async function fetchOverTls(
  served: { key: string; cert: string },
  ca: Buffer,
  servername = 'localhost',
): Promise<string> {
  const server = createServer(served, (_, res) => res.end('ok'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((done, fail) => {
      get({ host: '127.0.0.1', port, path: '/', servername, ca }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(text));
      }).on('error', fail);
    });
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
}

describe('devCertificate', () => {
  const dir = newDir();

  it('is made in a 0700 folder with 0600 keys, then reused from it', () => {
    const first = devCertificate(dir);
    expect(first.notes).toEqual([]);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'ca.key'))).toBe(0o600);
    expect(mode(join(dir, 'localhost.key'))).toBe(0o600);
    expect(devCertificate(dir)).toEqual(first);
  });

  it('serves https://localhost to a client that trusts only the CA', async () => {
    const certificate = devCertificate(dir);
    expect(await fetchOverTls(certificate, readFileSync(certificate.caFile))).toBe('ok');
  });

  it('has a CA of at most a year, limited to localhost, and a server certificate of at most 90 days', () => {
    const certificate = devCertificate(dir);
    const ca = new X509Certificate(readFileSync(certificate.caFile));
    const server = new X509Certificate(certificate.cert);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe(`CN=${CA_NAME}`);
    // An hour of backdating for clocks running a little behind.
    expect(lifetimeDays(ca)).toBeLessThanOrEqual(365 + 1 / 24);
    expect(server.ca).toBe(false);
    expect(lifetimeDays(server)).toBeLessThanOrEqual(90 + 1 / 24);
    expect(server.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(server.checkIssued(ca) && server.verify(ca.publicKey)).toBe(true);
  });

  const openssl = spawnSync('openssl', ['version']).status === 0;
  if (!openssl) console.warn('Skipping the openssl reading of the CA: openssl is not installed.');

  it.skipIf(!openssl)('carries critical name constraints, as openssl reads them', () => {
    const text = execFileSync('openssl', ['x509', '-noout', '-text', '-in', join(dir, 'ca.crt')], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    const constraints = text.slice(text.indexOf('X509v3 Name Constraints'));
    expect(constraints).toMatch(
      /^X509v3 Name Constraints: critical\s+Permitted:\s+DNS:localhost\s+IP:127\.0\.0\.1\/255\.255\.255\.255\s+IP:0:0:0:0:0:0:0:1\/FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF\s/,
    );
  });

  it('cannot vouch for any other site: a certificate its key signs for example.com is refused', async () => {
    const certificate = devCertificate(dir);
    const caKey = readFileSync(join(dir, 'ca.key'), 'utf8');
    const keys = newKeyPair();
    const now = Date.now();
    const forged = serverCertificate(
      { dns: ['example.com'], ips: ['192.0.2.1'] },
      keys.publicKey,
      {
        commonName: CA_NAME,
        keys: { privateKey: createPrivateKey(caKey), publicKey: createPublicKey(caKey) },
      },
      { notBefore: new Date(now - DAY), notAfter: new Date(now + DAY) },
    );
    const served = {
      key: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      cert: forged,
    };
    await expect(
      fetchOverTls(served, readFileSync(certificate.caFile), 'example.com'),
    ).rejects.toThrow(/permitted subtree violation/);
  });
});

describe('devCertificate with an existing folder', () => {
  it('tightens a folder and keys of the user that others could read, and says so', () => {
    const dir = newDir();
    devCertificate(dir);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'ca.key'), 0o644);
    chmodSync(join(dir, 'localhost.key'), 0o640);
    const { notes } = devCertificate(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'ca.key'))).toBe(0o600);
    expect(mode(join(dir, 'localhost.key'))).toBe(0o600);
    expect(notes).toEqual([
      `Tightened the permissions of ${dir} from 755 to 700.`,
      `Tightened the permissions of ${join(dir, 'ca.key')} from 644 to 600.`,
      `Tightened the permissions of ${join(dir, 'localhost.key')} from 640 to 600.`,
    ]);
  });

  it('refuses a folder or a key that is a symbolic link', () => {
    const real = newDir();
    devCertificate(real);
    const linked = newDir();
    symlinkSync(real, linked);
    expect(() => devCertificate(linked)).toThrow(`${linked} is a symbolic link, not a folder`);

    const dir = newDir();
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync(join(real, 'ca.key'), join(dir, 'ca.key'));
    expect(() => devCertificate(dir)).toThrow(`${join(dir, 'ca.key')} is a symbolic link`);
  });

  it('replaces a CA this version would not make (five years, old name), and says to re-trust', () => {
    const dir = newDir();
    mkdirSync(dir, { mode: 0o700 });
    const keys = newKeyPair();
    const now = Date.now();
    const old = certificateAuthority(
      'Sales KPI development CA',
      keys,
      { notBefore: new Date(now), notAfter: new Date(now + 5 * 365 * DAY) },
      { dns: ['localhost'], ips: [] },
    );
    writeFileSync(join(dir, 'ca.crt'), old);
    writeFileSync(join(dir, 'ca.key'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    const { notes, caFile } = devCertificate(dir);
    const ca = new X509Certificate(readFileSync(caFile));
    expect(ca.subject).toBe(`CN=${CA_NAME}`);
    expect(lifetimeDays(ca)).toBeLessThanOrEqual(365 + 1 / 24);
    expect(notes.join('\n')).toContain('Made a new development CA');
    expect(notes.join('\n')).toContain('Removing the development CA');
  });

  // Only root can give a file to another user; other users skip this with the reason.
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) console.warn("Skipping the other user's certificate folder test: it needs root.");

  it.skipIf(!isRoot)('refuses a folder or a key of another user, and changes neither', () => {
    const dir = newDir();
    devCertificate(dir);
    chownSync(join(dir, 'ca.key'), 65534, 65534);
    expect(() => devCertificate(dir)).toThrow(
      `${join(dir, 'ca.key')} belongs to another user (uid 65534)`,
    );
    chownSync(dir, 65534, 65534);
    chmodSync(dir, 0o755);
    expect(() => devCertificate(dir)).toThrow(`${dir} belongs to another user (uid 65534)`);
    expect(mode(dir)).toBe(0o755);
  });
});

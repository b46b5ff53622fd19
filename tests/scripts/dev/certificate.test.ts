// The development certificate: made once, cached, and accepted for https://localhost by a client trusting its CA.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devCertificate } from '../../../scripts/dev/certificate';

describe('devCertificate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is reused from its cache once made', async () => {
    const first = await devCertificate(dir);
    const second = await devCertificate(dir);
    expect(second).toEqual(first);
    expect(statSync(join(dir, 'localhost.key')).mode & 0o077).toBe(0);
  });

  it('serves https://localhost to a client that trusts only the CA', async () => {
    const certificate = await devCertificate(dir);
    const server = createServer({ key: certificate.key, cert: certificate.cert }, (_, res) =>
      res.end('ok'),
    );
    await new Promise<void>((done) => server.listen(0, 'localhost', done));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((done, fail) => {
        get({ host: 'localhost', port, path: '/', ca: readFileSync(certificate.caFile) }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done(text));
        }).on('error', fail);
      });
      expect(body).toBe('ok');
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

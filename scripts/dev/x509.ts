// X.509 v3 certificates for local development (RFC 5280), built and signed with node:crypto: a
// name-constrained CA and the server certificates it issues. ECDSA P-256 keys, SHA-256 signatures.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import {
  bitString,
  booleanTrue,
  explicit,
  implicitConstructed,
  implicitPrimitive,
  namedBits,
  objectId,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der';

/** Host names and IP addresses, as a certificate names them or a CA is limited to. */
export interface HostNames {
  dns: readonly string[];
  ips: readonly string[];
}

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const newKeyPair = (): KeyPair => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

const ECDSA_WITH_SHA256 = sequence(objectId('1.2.840.10045.4.3.2'));
const COMMON_NAME = '2.5.4.3';
const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

/** A distinguished name with only a common name. */
const name = (commonName: string) =>
  sequence(set(sequence(objectId(COMMON_NAME), utf8String(commonName))));

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectId(oid), ...(critical ? [booleanTrue()] : []), octetString(value));
}

/** The 4 or 16 bytes of an IP address. */
function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip) || ip.includes('.')) throw new Error(`not a plain IPv4 or IPv6 address: ${ip}`);
  const [head = '', tail] = ip.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  return Buffer.from(
    [...left, ...zeros, ...right].flatMap((group) => {
      const value = parseInt(group, 16);
      return [value >> 8, value & 0xff];
    }),
  );
}

/** GeneralName entries: dNSName [2] and iPAddress [7] (with a mask in name constraints). */
function generalNames({ dns, ips }: HostNames, withMask: boolean): Buffer[] {
  return [
    ...dns.map((host) => implicitPrimitive(2, Buffer.from(host, 'ascii'))),
    ...ips.map((ip) => {
      const address = ipBytes(ip);
      const mask = Buffer.alloc(address.length, 0xff);
      return implicitPrimitive(7, withMask ? Buffer.concat([address, mask]) : address);
    }),
  ];
}

const keyIdentifier = (key: KeyObject): Buffer =>
  createHash('sha1')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest();

interface Signed {
  subject: string;
  subjectKey: KeyObject;
  issuer: string;
  issuerKeys: KeyPair;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}

/** A signed certificate in PEM. */
function certificate(request: Signed): string {
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(randomBytes(16)),
    ECDSA_WITH_SHA256,
    name(request.issuer),
    sequence(time(request.notBefore), time(request.notAfter)),
    name(request.subject),
    request.subjectKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        ...request.extensions,
        extension('2.5.29.14', false, octetString(keyIdentifier(request.subjectKey))),
        extension(
          '2.5.29.35',
          false,
          sequence(implicitPrimitive(0, keyIdentifier(request.issuerKeys.publicKey))),
        ),
      ),
    ),
  );
  const signature = sign('sha256', tbs, request.issuerKeys.privateKey);
  const der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

/**
 * A self-signed CA that may sign server certificates only (path length 0) and only for
 * `permitted` (critical name constraints): a copy of its key cannot impersonate any other site
 * to a client that trusts it.
 */
export function certificateAuthority(
  commonName: string,
  keys: KeyPair,
  validity: Validity,
  permitted: HostNames,
): string {
  const subtrees = generalNames(permitted, true).map((base) => sequence(base));
  return certificate({
    subject: commonName,
    subjectKey: keys.publicKey,
    issuer: commonName,
    issuerKeys: keys,
    ...validity,
    extensions: [
      extension('2.5.29.19', true, sequence(booleanTrue(), smallInteger(0))),
      extension('2.5.29.15', true, namedBits([KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign])),
      extension('2.5.29.30', true, sequence(implicitConstructed(0, ...subtrees))),
    ],
  });
}

/** A TLS server certificate for `names`, issued by the CA `issuer` holding `issuerKeys`. */
export function serverCertificate(
  names: HostNames,
  publicKey: KeyObject,
  issuer: { commonName: string; keys: KeyPair },
  validity: Validity,
): string {
  return certificate({
    subject: names.dns[0] ?? names.ips[0]!,
    subjectKey: publicKey,
    issuer: issuer.commonName,
    issuerKeys: issuer.keys,
    ...validity,
    extensions: [
      extension('2.5.29.19', true, sequence()),
      extension('2.5.29.15', true, namedBits([KEY_USAGE.digitalSignature])),
      extension('2.5.29.37', false, sequence(objectId(SERVER_AUTH))),
      extension('2.5.29.17', false, sequence(...generalNames(names, false))),
    ],
  });
}

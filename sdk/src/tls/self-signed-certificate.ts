// Makes a self-signed TLS certificate (PEM key + cert and a PKCS#12 keystore) for a connector's hosts.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { isIP, isIPv4 } from 'node:net';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import forge from 'node-forge';
import { writePrivateFile } from './private-file.js';
import { shellQuote } from './shell-quote.js';

/** Options absent or undefined take their defaults. */
export interface SelfSignedCertificateOptions {
  /** DNS names and IP addresses (IPv4 or IPv6) the certificate is for; the first is the CN. */
  hosts: string[];
  /** Where to write key.pem (mode 0600), cert.pem and keystore.p12; nothing is written without it. */
  outDir?: string;
  /** Days the certificate is valid: 825 by default. */
  days?: number | undefined;
  /** Passphrase of the PKCS#12 keystore; a random one is made when absent. */
  passphrase?: string | undefined;
  /** Subject CN; the first host by default. */
  commonName?: string;
  /** Replace files already in `outDir` (refused by default with an Error whose `code` is EEXIST, so a key in use is not lost). */
  overwrite?: boolean;
}

export interface SelfSignedCertificate {
  keyPem: string;
  certPem: string;
  /** PKCS#12 keystore (key and certificate), encrypted with `passphrase`. */
  pfx: Buffer;
  passphrase: string;
  /** Absolute paths of the files written, when `outDir` was given. */
  files?: { key: string; cert: string; pfx: string };
  /** The line that imports the certificate into the Okta Provisioning Agent's trust store. */
  keytoolCommand: string;
}

export const DEFAULT_CERTIFICATE_DAYS = 825;
const OKTA_AGENT_KEYTOOL = '/opt/OktaProvisioningAgent/jre/bin/keytool';
const OKTA_AGENT_CACERTS = '/opt/OktaProvisioningAgent/jre/lib/security/cacerts';
const DNS_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/**
 * Makes an RSA 2048 key and a self-signed certificate valid for `hosts` (each a DNS subjectAltName or an
 * IP subjectAltName), for server authentication, signed with SHA-256. Throws an Error naming the bad
 * option for an invalid host, day count, or an existing file in `outDir`.
 */
export async function createSelfSignedCertificate(
  options: SelfSignedCertificateOptions,
): Promise<SelfSignedCertificate> {
  const hosts = options.hosts.map(parseCertificateHost);
  const firstHost = hosts[0];
  if (firstHost === undefined)
    throw new Error('Give at least one host (a DNS name or an IP address) for the certificate');
  const days = options.days ?? DEFAULT_CERTIFICATE_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 36500) {
    throw new Error(`Invalid number of days "${days}": give a whole number from 1 to 36500`);
  }
  if (options.passphrase !== undefined && options.passphrase === '')
    throw new Error('The passphrase must not be empty');
  const passphrase = options.passphrase ?? randomBytes(18).toString('base64url');
  const commonName = options.commonName ?? firstHost;

  const { privateKey: keyPem, publicKey: publicPem } = await rsaKeyPair();
  const privateKey = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serialNumber();
  const notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + days * 86_400_000);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map(altName) },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const alias = aliasFor(firstHost);
  // 3DES keeps the keystore readable by older Java keytools as well as by Node and OpenSSL 3.
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert], passphrase, {
    algorithm: '3des',
    friendlyName: alias,
  });
  const pfx = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');

  const files =
    options.outDir === undefined
      ? undefined
      : await writeFiles(options.outDir, { keyPem, certPem, pfx }, options.overwrite ?? false);
  const keytoolCommand = [
    OKTA_AGENT_KEYTOOL,
    '-import',
    '-file',
    shellQuote(files?.cert ?? 'cert.pem'),
    '-alias',
    shellQuote(alias),
    '-keystore',
    OKTA_AGENT_CACERTS,
  ].join(' ');
  return { keyPem, certPem, pfx, passphrase, ...(files === undefined ? {} : { files }), keytoolCommand };
}

function rsaKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  return new Promise((done, fail) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      },
      (error, publicKey, privateKey) => (error ? fail(error) : done({ privateKey, publicKey })),
    );
  });
}

/** 16 random bytes as a positive serial number (RFC 5280 §4.1.2.2). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/**
 * A host as it goes into the certificate: a DNS name (a leading `*.` allowed) or an IP address, IPv6
 * with or without brackets. Throws an Error saying what a valid host looks like.
 */
export function parseCertificateHost(host: string): string {
  const trimmed = host.trim();
  const unbracketed = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  if (isIP(unbracketed) !== 0 || DNS_NAME.test(unbracketed)) return unbracketed;
  throw new Error(
    `Invalid host "${host}": give a DNS name (e.g. scim.example.com) or an IP address (e.g. 10.0.0.5 or ::1)`,
  );
}

function altName(host: string): { type: number; value: string } {
  // Type 7 is iPAddress (network-order bytes), type 2 dNSName (RFC 5280 §4.2.1.6).
  if (isIP(host) === 0) return { type: 2, value: host };
  return {
    type: 7,
    value: Buffer.from(isIPv4(host) ? host.split('.').map(Number) : ipv6Bytes(host)).toString('binary'),
  };
}

/** The 16 bytes of an IPv6 address, with `::` and an IPv4 tail (`::ffff:10.0.0.1`) expanded. */
function ipv6Bytes(address: string): number[] {
  const withoutZone = address.split('%')[0] ?? address;
  const lastColon = withoutZone.lastIndexOf(':');
  const tail = withoutZone.slice(lastColon + 1);
  let text = withoutZone;
  if (isIPv4(tail)) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${withoutZone.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = [
    ...headGroups,
    ...Array<string>(8 - headGroups.length - restGroups.length).fill('0'),
    ...restGroups,
  ];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function aliasFor(host: string): string {
  return `scim-connector-${host.replace(/^\*\./, 'wildcard.').replace(/[^a-z0-9.-]+/gi, '-')}`.toLowerCase();
}

async function writeFiles(
  outDir: string,
  contents: { keyPem: string; certPem: string; pfx: Buffer },
  overwrite: boolean,
): Promise<{ key: string; cert: string; pfx: string }> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const files = { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem'), pfx: join(dir, 'keystore.p12') };
  if (!overwrite) {
    for (const path of Object.values(files)) {
      if (await exists(path)) {
        throw Object.assign(
          new Error(`${path} already exists: remove it, choose another output folder, or set overwrite`),
          {
            code: 'EEXIST',
            path,
          },
        );
      }
    }
  }
  await writePrivateFile(files.key, contents.keyPem);
  await writeFile(files.cert, contents.certPem, { mode: 0o644 });
  await writePrivateFile(files.pfx, contents.pfx);
  return files;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

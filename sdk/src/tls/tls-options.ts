// Reads a connector's TLS material (PEM key + certificate, or a PKCS#12 keystore) from files, with errors that say what to fix.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The environment variables that configure TLS everywhere in the project. */
export const TLS_KEY_FILE = 'TLS_KEY_FILE';
export const TLS_CERT_FILE = 'TLS_CERT_FILE';
export const TLS_PFX_FILE = 'TLS_PFX_FILE';
export const TLS_PFX_PASSPHRASE = 'TLS_PFX_PASSPHRASE';

export interface TlsFileOptions {
  keyFile?: string;
  certFile?: string;
  pfxFile?: string;
  /** The keystore's passphrase, or the passphrase of an encrypted PEM key. */
  passphrase?: string;
}

/** What Node's `https.createServer` takes. */
export type TlsOptions =
  { key: Buffer; cert: Buffer; passphrase?: string } | { pfx: Buffer; passphrase?: string };

/** A TLS setting that cannot be used; the message names the setting or file and what to do. */
export class TlsOptionsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TlsOptionsError';
  }
}

const MAKE_ONE = 'make new ones with `npx scim-connector-sdk cert --host <host> --out <dir>`';

interface Labels {
  keyFile: string;
  certFile: string;
  pfxFile: string;
  passphrase: string;
}

const OPTION_LABELS: Labels = {
  keyFile: 'keyFile',
  certFile: 'certFile',
  pfxFile: 'pfxFile',
  passphrase: 'passphrase',
};
const ENV_LABELS: Labels = {
  keyFile: TLS_KEY_FILE,
  certFile: TLS_CERT_FILE,
  pfxFile: TLS_PFX_FILE,
  passphrase: TLS_PFX_PASSPHRASE,
};

/**
 * Reads the files and checks them with Node's TLS (the key matches the certificate, the passphrase opens
 * the keystore). Returns undefined when no file is named (serve plain HTTP). Throws TlsOptionsError for a
 * key without certificate or the reverse, a keystore together with PEM files, or a file that cannot be
 * read or used.
 */
export function readTlsOptions(options: TlsFileOptions): TlsOptions | undefined {
  return read(options, OPTION_LABELS);
}

/** `readTlsOptions` from TLS_KEY_FILE, TLS_CERT_FILE, TLS_PFX_FILE and TLS_PFX_PASSPHRASE (empty counts as unset). */
export function readTlsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TlsOptions | undefined {
  const value = (name: string): string | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : env[name];
  const options: TlsFileOptions = {};
  const keyFile = value(TLS_KEY_FILE);
  const certFile = value(TLS_CERT_FILE);
  const pfxFile = value(TLS_PFX_FILE);
  const passphrase = value(TLS_PFX_PASSPHRASE);
  if (keyFile !== undefined) options.keyFile = keyFile;
  if (certFile !== undefined) options.certFile = certFile;
  if (pfxFile !== undefined) options.pfxFile = pfxFile;
  if (passphrase !== undefined) options.passphrase = passphrase;
  return read(options, ENV_LABELS);
}

function read(options: TlsFileOptions, labels: Labels): TlsOptions | undefined {
  const { keyFile, certFile, pfxFile, passphrase } = options;
  const passphraseOption = passphrase === undefined ? {} : { passphrase };
  if (pfxFile !== undefined) {
    if (keyFile !== undefined || certFile !== undefined) {
      throw new TlsOptionsError(
        `Set either ${labels.pfxFile} (a PKCS#12 keystore) or ${labels.keyFile} and ${labels.certFile} (PEM files), not both`,
      );
    }
    const pfx = readFile(pfxFile, labels.pfxFile, 'PKCS#12 keystore');
    check(
      { pfx, ...passphraseOption },
      () =>
        `${labels.pfxFile} "${pfxFile}" cannot be opened: ${
          passphrase === undefined
            ? `it needs a passphrase (set ${labels.passphrase})`
            : `check ${labels.passphrase}`
        }, and that the file is a PKCS#12 keystore (.p12/.pfx)`,
    );
    return { pfx, ...passphraseOption };
  }
  if (keyFile === undefined && certFile === undefined) {
    if (passphrase !== undefined) {
      throw new TlsOptionsError(
        `${labels.passphrase} is set but no keystore is: set ${labels.pfxFile} too, or unset ${labels.passphrase}`,
      );
    }
    return undefined;
  }
  if (keyFile === undefined) {
    throw new TlsOptionsError(
      `${labels.certFile} is set but ${labels.keyFile} is not: set both (the private key and its certificate)`,
    );
  }
  if (certFile === undefined) {
    throw new TlsOptionsError(
      `${labels.keyFile} is set but ${labels.certFile} is not: set both (the private key and its certificate)`,
    );
  }
  const key = readFile(keyFile, labels.keyFile, 'PEM private key');
  const cert = readFile(certFile, labels.certFile, 'PEM certificate');
  if (!key.includes('PRIVATE KEY-----')) {
    throw new TlsOptionsError(
      `${labels.keyFile} "${keyFile}" is not a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line); ${MAKE_ONE}`,
    );
  }
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TlsOptionsError(
      `${labels.certFile} "${certFile}" is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line); ${MAKE_ONE}`,
    );
  }
  check(
    { key, cert, ...passphraseOption },
    (reason) =>
      `${labels.keyFile} "${keyFile}" and ${labels.certFile} "${certFile}" cannot be used together (${reason}): ` +
      "check that the key is the certificate's own key (and, if the key is encrypted, the passphrase)",
  );
  return { key, cert, ...passphraseOption };
}

function readFile(path: string, label: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : String(code);
    throw new TlsOptionsError(
      `${label} "${path}" (${what}) cannot be read: ${reason}. Fix the path or the file's permissions, or ${MAKE_ONE}`,
      { cause: error },
    );
  }
}

function check(
  options: Parameters<typeof createSecureContext>[0],
  message: (reason: string) => string,
): void {
  try {
    createSecureContext(options);
  } catch (error) {
    throw new TlsOptionsError(message(error instanceof Error ? error.message : String(error)), {
      cause: error,
    });
  }
}

// Pins reading TLS material from files and from TLS_* environment variables, and the errors that say what to fix.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSelfSignedCertificate } from '../src/tls/self-signed-certificate.js';
import {
  readTlsOptions,
  readTlsOptionsFromEnv,
  TLS_CERT_FILE,
  TLS_KEY_FILE,
  TLS_PFX_FILE,
  TLS_PFX_PASSPHRASE,
  TlsOptionsError,
  type TlsFileOptions,
} from '../src/tls/tls-options.js';

describe('readTlsOptions', function () {
  this.timeout(20_000);
  let dir: string;
  const file = (name: string): string => join(dir, name);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tls-options-'));
    await createSelfSignedCertificate({
      hosts: ['localhost'],
      outDir: join(dir, 'a'),
      passphrase: 'secret-a',
    });
    const other = await createSelfSignedCertificate({ hosts: ['localhost'] });
    await writeFile(file('other-cert.pem'), other.certPem);
    await writeFile(file('not-pem.txt'), 'hello');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers undefined when no file is named (plain HTTP)', () => {
    assert.equal(readTlsOptions({}), undefined);
    assert.equal(readTlsOptionsFromEnv({}), undefined);
    assert.equal(readTlsOptionsFromEnv({ [TLS_KEY_FILE]: '', [TLS_CERT_FILE]: '' }), undefined);
  });

  it('reads a PEM key and certificate', () => {
    const options = readTlsOptions({ keyFile: file('a/key.pem'), certFile: file('a/cert.pem') });
    assert.ok(options !== undefined && 'key' in options);
    assert.match(options.key.toString(), /BEGIN RSA PRIVATE KEY/);
    assert.match(options.cert.toString(), /BEGIN CERTIFICATE/);
    assert.equal(options.passphrase, undefined);
  });

  it('reads a PKCS#12 keystore with its passphrase, from options and from the environment', () => {
    const options = readTlsOptions({ pfxFile: file('a/keystore.p12'), passphrase: 'secret-a' });
    assert.ok(options !== undefined && 'pfx' in options);
    assert.equal(options.passphrase, 'secret-a');
    assert.deepEqual(
      readTlsOptionsFromEnv({ [TLS_PFX_FILE]: file('a/keystore.p12'), [TLS_PFX_PASSPHRASE]: 'secret-a' }),
      options,
    );
  });

  it('names the variables the project uses', () => {
    assert.deepEqual(
      [TLS_KEY_FILE, TLS_CERT_FILE, TLS_PFX_FILE, TLS_PFX_PASSPHRASE],
      ['TLS_KEY_FILE', 'TLS_CERT_FILE', 'TLS_PFX_FILE', 'TLS_PFX_PASSPHRASE'],
    );
  });

  const errors: [string, { given: () => TlsFileOptions; want: RegExp }][] = [
    [
      'a key without certificate',
      {
        given: () => ({ keyFile: file('a/key.pem') }),
        want: /^keyFile is set but certFile is not: set both/,
      },
    ],
    [
      'a certificate without key',
      {
        given: () => ({ certFile: file('a/cert.pem') }),
        want: /^certFile is set but keyFile is not: set both/,
      },
    ],
    [
      'a keystore and PEM files together',
      {
        given: () => ({ pfxFile: file('a/keystore.p12'), keyFile: file('a/key.pem') }),
        want: /^Set either pfxFile .* or keyFile and certFile .*, not both$/,
      },
    ],
    [
      'a passphrase alone',
      { given: () => ({ passphrase: 'x' }), want: /^passphrase is set but no keystore is: set pfxFile too/ },
    ],
    [
      'a missing file',
      {
        given: () => ({ keyFile: file('nope.pem'), certFile: file('a/cert.pem') }),
        want: /^keyFile ".*nope\.pem" \(PEM private key\) cannot be read: no such file\. Fix the path .* or make new ones with `npx scim-connector-sdk cert --host <host> --out <dir>`$/,
      },
    ],
    [
      'a folder',
      {
        given: () => ({ pfxFile: dir, passphrase: 'x' }),
        want: /^pfxFile ".*" \(PKCS#12 keystore\) cannot be read: it is a folder\./,
      },
    ],
    [
      'a path too long',
      { given: () => ({ pfxFile: join(dir, 'x'.repeat(5000)) }), want: /cannot be read: ENAMETOOLONG\./ },
    ],
    [
      'a key that is not PEM',
      {
        given: () => ({ keyFile: file('not-pem.txt'), certFile: file('a/cert.pem') }),
        want: /^keyFile ".*not-pem\.txt" is not a PEM private key/,
      },
    ],
    [
      'a certificate that is not PEM',
      {
        given: () => ({ keyFile: file('a/key.pem'), certFile: file('not-pem.txt') }),
        want: /^certFile ".*not-pem\.txt" is not a PEM certificate/,
      },
    ],
    [
      "a key that is not the certificate's",
      {
        given: () => ({ keyFile: file('a/key.pem'), certFile: file('other-cert.pem') }),
        want: /^keyFile ".*" and certFile ".*" cannot be used together \(.*key values mismatch.*\): check that the key is the certificate's own key/,
      },
    ],
    [
      'a keystore without passphrase',
      {
        given: () => ({ pfxFile: file('a/keystore.p12') }),
        want: /^pfxFile ".*" cannot be opened: it needs a passphrase \(set passphrase\)/,
      },
    ],
    [
      'a keystore with the wrong passphrase',
      {
        given: () => ({ pfxFile: file('a/keystore.p12'), passphrase: 'wrong' }),
        want: /^pfxFile ".*" cannot be opened: check passphrase, and that the file is a PKCS#12 keystore/,
      },
    ],
    [
      'a PEM file as keystore',
      {
        given: () => ({ pfxFile: file('a/cert.pem'), passphrase: 'x' }),
        want: /cannot be opened: check passphrase/,
      },
    ],
  ];
  for (const [name, { given, want }] of errors) {
    it(`explains ${name}`, () => {
      assert.throws(
        () => readTlsOptions(given()),
        (error: unknown) => {
          assert.ok(error instanceof TlsOptionsError);
          assert.match(error.message, want);
          return true;
        },
      );
    });
  }

  const envErrors: [string, Record<string, string>, RegExp][] = [
    [
      'names TLS_KEY_FILE and TLS_CERT_FILE',
      { TLS_KEY_FILE: 'k.pem' },
      /^TLS_KEY_FILE is set but TLS_CERT_FILE is not/,
    ],
    [
      'names TLS_PFX_PASSPHRASE',
      { TLS_PFX_PASSPHRASE: 'x' },
      /^TLS_PFX_PASSPHRASE is set but no keystore is: set TLS_PFX_FILE too/,
    ],
    [
      'names the file variable that cannot be read',
      { TLS_PFX_FILE: '/nonexistent/keystore.p12' },
      /^TLS_PFX_FILE "\/nonexistent\/keystore\.p12" \(PKCS#12 keystore\) cannot be read/,
    ],
  ];
  for (const [name, env, want] of envErrors) {
    it(`from the environment, ${name}`, () => {
      assert.throws(
        () => readTlsOptionsFromEnv(env),
        (error: Error) => want.test(error.message),
      );
    });
  }

  it('never puts the passphrase in a message', () => {
    assert.throws(
      () => readTlsOptions({ pfxFile: file('a/keystore.p12'), passphrase: 'do-not-print-me' }),
      (error: Error) => !error.message.includes('do-not-print-me'),
    );
  });
});

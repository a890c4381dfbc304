// The generated config.ts (through the goldens): spec defaults, the environment winning, auth rules and readable errors.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as acme from '../golden/acme-hr/src/generated/config.js';
import * as example from '../../examples/example-server/src/generated/config.js';

const ACME_ROOT = fileURLToPath(new URL('../golden/acme-hr/', import.meta.url));
const LOOPBACK = { HOST: '127.0.0.1' };

type Row = [name: string, given: NodeJS.ProcessEnv, want: RegExp];

const ERRORS: Row[] = [
  [
    'a non-loopback host without credentials',
    { HOST: '0.0.0.0' },
    /^HOST=0\.0\.0\.0 is not a loopback address: set SCIM_BEARER_TOKEN/,
  ],
  [
    'a port that is not a number',
    { PORT: '80a' },
    /^PORT must be a whole number from 0 to 65535, got "80a"$/,
  ],
  ['a port out of range', { PORT: '70000' }, /^PORT must be a whole number/],
  [
    'a user without a password',
    { SCIM_BASIC_USER: 'u' },
    /^SCIM_BASIC_USER is set but SCIM_BASIC_PASSWORD is not/,
  ],
  [
    'a password without a user',
    { SCIM_BASIC_PASSWORD: 'p' },
    /^SCIM_BASIC_PASSWORD is set but SCIM_BASIC_USER is not/,
  ],
  [
    'ALLOW_HTTP that is not a boolean',
    { ALLOW_HTTP: 'maybe' },
    /^ALLOW_HTTP must be true or false, got "maybe"$/,
  ],
  ['an unknown STORE', { STORE: 'disk' }, /^STORE must be one of memory, file, got "disk"$/],
  ['an unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error/],
];

describe('generated config.ts', () => {
  for (const [name, given, want] of ERRORS) {
    it(`refuses ${name} with a ConfigError that names the variable`, () => {
      assert.throws(
        () => example.readConfig(given),
        (error: unknown) => error instanceof example.ConfigError && want.test(error.message),
      );
    });
  }

  it("takes connector.yaml's values where the environment sets nothing, and the environment's where it does", () => {
    const defaults = example.readConfig({});
    assert.deepEqual(defaults, {
      host: '127.0.0.1',
      port: 8080,
      auth: undefined,
      tls: undefined,
      allowHttp: false,
      logLevel: 'info',
      store: 'memory',
      storeDir: './scim-data',
    });
    const set = example.readConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      SCIM_BEARER_TOKEN: 'a, b',
      SCIM_BASIC_USER: 'u',
      SCIM_BASIC_PASSWORD: 'p',
      ALLOW_HTTP: 'yes',
      LOG_LEVEL: 'warn',
      STORE: 'file',
      STORE_DIR: '/var/lib/x',
    });
    assert.deepEqual(set.auth, { bearerTokens: ['a', 'b'], basic: [{ username: 'u', password: 'p' }] });
    assert.deepEqual(
      [set.host, set.port, set.allowHttp, set.logLevel, set.store, set.storeDir],
      ['0.0.0.0', 9000, true, 'warn', 'file', '/var/lib/x'],
    );
  });

  it("uses connector.yaml's TLS files (relative to the project) unless a TLS variable is set", () => {
    const env = { ...LOOPBACK, ACME_API_TOKEN: 't' };
    assert.deepEqual(acme.readConfig(env).tls, {
      TLS_KEY_FILE: `${ACME_ROOT}certs/key.pem`,
      TLS_CERT_FILE: `${ACME_ROOT}certs/cert.pem`,
    });
    assert.deepEqual(acme.readConfig({ ...env, TLS_PFX_FILE: '/k.p12' }).tls, { TLS_PFX_FILE: '/k.p12' });
    assert.throws(
      () => acme.serverOptions(acme.readConfig(env)),
      /TLS_KEY_FILE ".*certs\/key\.pem" \(PEM private key\) cannot be read: no such file/,
    );
  });

  it('reads the app settings: a required variable, and a default the environment overrides', () => {
    assert.throws(
      () => acme.readConfig(LOOPBACK),
      /^ConfigError: ACME_API_TOKEN is not set: set it to bearer token for the app API$/,
    );
    assert.deepEqual(acme.readConfig({ ACME_API_TOKEN: 't' }).app, {
      baseUrl: 'https://hr.acme.example/api/v1',
      token: 't',
    });
    assert.equal(
      acme.readConfig({ ACME_API_TOKEN: 't', ACME_BASE_URL: 'http://hr.test' }).app.baseUrl,
      'http://hr.test',
    );
  });

  it('lists every variable it reads in --help', () => {
    for (const name of [
      'PORT',
      'HOST',
      'SCIM_BEARER_TOKEN',
      'SCIM_BASIC_USER',
      'SCIM_BASIC_PASSWORD',
      'TLS_KEY_FILE',
      'TLS_CERT_FILE',
      'TLS_PFX_FILE',
      'TLS_PFX_PASSPHRASE',
      'ALLOW_HTTP',
      'LOG_LEVEL',
      'STORE',
      'STORE_DIR',
    ]) {
      assert.match(example.USAGE, new RegExp(`^  ${name} `, 'm'));
    }
    assert.match(acme.USAGE, /^ {2}ACME_API_TOKEN {2,}bearer token for the app API$/m);
    assert.match(acme.USAGE, /^ {2}ACME_BASE_URL .*\[default: https:\/\/hr\.acme\.example\/api\/v1\]$/m);
  });
});

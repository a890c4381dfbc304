// Pins the environment readers a generated config.ts calls: defaults, accepted spellings, and the exact errors.
import { strict as assert } from 'node:assert';
import {
  ConfigError,
  envText,
  LOG_LEVELS,
  readAuth,
  readBoolean,
  readOneOf,
  readPort,
  readSetting,
  readTls,
} from '../src/config/environment.js';

type Read = (env: NodeJS.ProcessEnv) => unknown;

const EXPECTED = 'SCIM_BEARER_TOKEN';
const port: Read = (env) => readPort(env, 8080);
const allowHttp: Read = (env) => readBoolean(env, 'ALLOW_HTTP', false);
const logLevel: Read = (env) => readOneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
const auth =
  (host: string): Read =>
  (env) =>
    readAuth(env, host, EXPECTED);
const tls: Read = (env) => readTls(env, { TLS_PFX_FILE: '/default.p12' });
const appToken: Read = (env) => readSetting(env, 'APP_TOKEN', undefined, 'the app API token');
const appUrl: Read = (env) => readSetting(env, 'APP_URL', 'https://app.test', 'the app URL');

const VALUES: [name: string, read: Read, env: NodeJS.ProcessEnv, want: unknown][] = [
  ['an unset port: the fallback', port, {}, 8080],
  ['an empty port: the fallback', port, { PORT: '' }, 8080],
  ['port 0', port, { PORT: '0' }, 0],
  ['port 65535', port, { PORT: '65535' }, 65535],
  ['an unset boolean: the fallback', allowHttp, {}, false],
  ['yes', allowHttp, { ALLOW_HTTP: 'yes' }, true],
  ['TRUE', allowHttp, { ALLOW_HTTP: 'TRUE' }, true],
  ['1', allowHttp, { ALLOW_HTTP: '1' }, true],
  ['No', allowHttp, { ALLOW_HTTP: 'No' }, false],
  ['an unset log level: the fallback', logLevel, {}, 'info'],
  ['a known log level', logLevel, { LOG_LEVEL: 'warn' }, 'warn'],
  ['no credentials on loopback', auth('127.0.0.1'), {}, undefined],
  ['no credentials on ::1', auth('::1'), {}, undefined],
  [
    'tokens, trimmed, empty ones dropped',
    auth('0.0.0.0'),
    { SCIM_BEARER_TOKEN: ' a, ,b ' },
    { bearerTokens: ['a', 'b'] },
  ],
  [
    'tokens and a basic user',
    auth('0.0.0.0'),
    { SCIM_BEARER_TOKEN: 'a', SCIM_BASIC_USER: 'u', SCIM_BASIC_PASSWORD: 'p' },
    { bearerTokens: ['a'], basic: [{ username: 'u', password: 'p' }] },
  ],
  ['no TLS variable: the fallback', tls, {}, { TLS_PFX_FILE: '/default.p12' }],
  [
    'TLS variables win over the fallback, empty ones left out',
    tls,
    { TLS_KEY_FILE: '/k.pem', TLS_CERT_FILE: '/c.pem', TLS_PFX_PASSPHRASE: '' },
    { TLS_KEY_FILE: '/k.pem', TLS_CERT_FILE: '/c.pem' },
  ],
  ['no TLS variable, no fallback: plain HTTP', (env) => readTls(env), {}, undefined],
  ['a setting from the environment', appToken, { APP_TOKEN: 't' }, 't'],
  ['an unset setting: its default', appUrl, {}, 'https://app.test'],
  ['an empty variable counts as unset', (env) => envText(env, 'X'), { X: '' }, undefined],
];

const ERRORS: [name: string, read: Read, env: NodeJS.ProcessEnv, message: string][] = [
  [
    'a port that is not a number',
    port,
    { PORT: '80a' },
    'PORT must be a whole number from 0 to 65535, got "80a"',
  ],
  ['a negative port', port, { PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, got "-1"'],
  [
    'a port out of range',
    port,
    { PORT: '70000' },
    'PORT must be a whole number from 0 to 65535, got "70000"',
  ],
  [
    'a boolean that is not one',
    allowHttp,
    { ALLOW_HTTP: 'maybe' },
    'ALLOW_HTTP must be true or false, got "maybe"',
  ],
  [
    'an unknown log level',
    logLevel,
    { LOG_LEVEL: 'loud' },
    'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
  ],
  [
    'a non-loopback host without credentials',
    auth('0.0.0.0'),
    {},
    'HOST=0.0.0.0 is not a loopback address: set SCIM_BEARER_TOKEN so clients must authenticate',
  ],
  [
    'a user without a password',
    auth('127.0.0.1'),
    { SCIM_BASIC_USER: 'u' },
    'SCIM_BASIC_USER is set but SCIM_BASIC_PASSWORD is not: set both for HTTP Basic authentication',
  ],
  [
    'a password without a user',
    auth('127.0.0.1'),
    { SCIM_BASIC_PASSWORD: 'p' },
    'SCIM_BASIC_PASSWORD is set but SCIM_BASIC_USER is not: set both for HTTP Basic authentication',
  ],
  ['a required setting unset', appToken, {}, 'APP_TOKEN is not set: set it to the app API token'],
];

describe('environment readers', () => {
  for (const [name, read, env, want] of VALUES) {
    it(`reads ${name}`, () => {
      assert.deepEqual(read(env), want);
    });
  }

  for (const [name, read, env, message] of ERRORS) {
    it(`refuses ${name} with a ConfigError`, () => {
      assert.throws(
        () => read(env),
        (error: unknown) =>
          error instanceof ConfigError && error.name === 'ConfigError' && error.message === message,
      );
    });
  }
});

// Pins how the example server reads its environment: defaults, accepted values and the errors that say what to fix.
import { strict as assert } from 'node:assert';
import { ConfigError, readConfig } from '../src/config.js';

describe('example server configuration', () => {
  it('defaults to loopback:8080, memory store, no auth', () => {
    const config = readConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.store, 'memory');
    assert.deepEqual(config.bearerTokens, []);
    assert.equal(config.tls, undefined);
    assert.equal(config.allowHttp, false);
  });

  it('reads every variable', () => {
    const config = readConfig({
      HOST: '0.0.0.0',
      PORT: '9443',
      SCIM_BEARER_TOKEN: 'one, two',
      STORE: 'file',
      STORE_DIR: '/var/lib/scim',
      ALLOW_HTTP: 'true',
      LOG_LEVEL: 'warn',
    });
    assert.deepEqual(
      { ...config, tls: undefined },
      {
        host: '0.0.0.0',
        port: 9443,
        bearerTokens: ['one', 'two'],
        store: 'file',
        storeDir: '/var/lib/scim',
        tls: undefined,
        allowHttp: true,
        logLevel: 'warn',
      },
    );
  });

  const bad: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /PORT must be a whole number/],
    ['a port out of range', { PORT: '70000' }, /PORT must be a whole number/],
    ['an unknown store', { STORE: 'redis' }, /STORE must be "memory" or "file"/],
    ['no token on a public address', { HOST: '0.0.0.0' }, /set SCIM_BEARER_TOKEN/],
    ['a non-boolean ALLOW_HTTP', { ALLOW_HTTP: 'maybe' }, /ALLOW_HTTP must be true or false/],
    ['a key without its certificate', { TLS_KEY_FILE: '/nonexistent/key.pem' }, /TLS|cert/i],
  ];
  for (const [name, env, message] of bad) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => readConfig(env),
        (err: Error) => {
          assert.match(err.message, message);
          return err instanceof ConfigError || err.name.startsWith('Tls');
        },
      );
    });
  }
});

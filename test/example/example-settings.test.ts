// What the example kept from the hand-written one, in its own process: --help, the seed data, auth off only on loopback, refusals.
import { strict as assert } from 'node:assert';
import { ExampleExited, EXAMPLE_DIR, run, startExample } from './example-process.js';

const TOKEN = 'example-settings-token';
const VARIABLES = [
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
];

async function json(url: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    url,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the generated example: settings by environment (separate processes)', function () {
  this.timeout(60_000);

  it('npm start -- --help lists every variable and starts nothing', async () => {
    const { code, output } = await run('npm', ['start', '--', '--help'], EXAMPLE_DIR);
    assert.equal(code, 0, output);
    for (const name of VARIABLES) assert.match(output, new RegExp(`^  ${name} `, 'm'), name);
    assert.doesNotMatch(output, /listening/i);
  });

  it('without SCIM_BEARER_TOKEN on loopback: auth off with a warning, the original seed over both dialects', async () => {
    const example = await startExample({ SCIM_BEARER_TOKEN: '' });
    try {
      assert.match(example.output(), /authentication is off \(loopback only\)/);
      const okta = await json(`${example.origin}/scim/v2/Users/101`);
      assert.equal(okta.status, 200);
      assert.equal(okta.body['userName'], 'okta');
      const admin = await json(`${example.origin}/scim/v1/Users/102`);
      assert.equal(admin.body['userName'], 'admin');
      assert.deepEqual(admin.body['urn:okta:onprem_app:1.0:user:custom'], {
        isAdmin: true,
        isOkta: false,
        departmentName: 'Administration',
      });
      for (const [id, displayName] of [
        ['1001', 'firstGroup'],
        ['1002', 'secondGroup'],
      ]) {
        const group = await json(`${example.origin}/scim/v2/Groups/${id}`);
        assert.equal(group.body['displayName'], displayName);
      }
      assert.ok(!example.output().includes('inSecure'), "the seed user's password is never logged");
    } finally {
      await example.stop();
    }
  });

  it('with SCIM_BEARER_TOKEN: no warning, a request without it is refused', async () => {
    const example = await startExample({ SCIM_BEARER_TOKEN: TOKEN });
    try {
      assert.doesNotMatch(example.output(), /authentication is off/);
      assert.equal((await json(`${example.origin}/scim/v2/Users/101`)).status, 401);
      assert.equal((await json(`${example.origin}/scim/v2/Users/101`, TOKEN)).status, 200);
    } finally {
      await example.stop();
    }
  });

  // Each refuses before listening (so no test binds a public address), saying what to set.
  const refusals: [string, Record<string, string>, RegExp][] = [
    ['a public HOST without a token', { HOST: '0.0.0.0', SCIM_BEARER_TOKEN: '' }, /set SCIM_BEARER_TOKEN/],
    [
      'plain HTTP on a public HOST without ALLOW_HTTP',
      { HOST: '0.0.0.0', SCIM_BEARER_TOKEN: TOKEN },
      /refusing plain HTTP on 0\.0\.0\.0/,
    ],
    ['ALLOW_HTTP that is no boolean', { ALLOW_HTTP: 'maybe' }, /ALLOW_HTTP must be true or false/],
    ['an unknown STORE', { STORE: 'redis' }, /STORE must be one of memory, file, got "redis"/],
    ['a TLS key without its certificate', { TLS_KEY_FILE: '/nonexistent/key.pem' }, /TLS_CERT_FILE/],
    ['a PORT out of range', { PORT: '70000' }, /PORT must be a whole number/],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses ${name}`, async () => {
      const error = await startExample(env).then(
        async (example) => {
          await example.stop();
          assert.fail(`it started:\n${example.output()}`);
        },
        (reason: unknown) => reason,
      );
      assert.ok(error instanceof ExampleExited, String(error));
      assert.notEqual(error.code, 0);
      assert.match(error.output, message);
    });
  }
});

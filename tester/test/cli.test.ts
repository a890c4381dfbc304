// The command line: --help, bad arguments (one line, exit 2), run and method output, report files, masking, exit codes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/program.js';
import { TESTER_METHODS } from '../src/tester-method.js';
import { GOOD_TOKEN, startFaultyServer } from './support/faulty-server.js';
import type { FaultyServer } from './support/faulty-server.js';
import { assertWellFormedXml } from './support/xml-well-formed.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const SUMMARY = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;

describe('scim-connector-tester CLI', () => {
  let double: FaultyServer;
  let dir: string;
  before(async () => {
    double = await startFaultyServer();
    dir = await mkdtemp(join(tmpdir(), 'sct-cli-'));
  });
  after(async () => {
    await double.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('--help documents every method and every option, and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    assert.equal(code, 0);
    for (const method of TESTER_METHODS)
      assert.match(out, new RegExp(`\\n  ${method} `), `--help lacks ${method}`);
    const options = [
      '--url',
      '--method',
      '--file',
      '--arg',
      '--header',
      '--expect-results',
      '--scim',
      '--profile',
      '--token',
      '--basic',
      '--ca',
      '--insecure',
      '--timeout',
      '--app-name',
      '--custom-urn',
      '--capabilities',
      '--report',
    ];
    for (const option of options) assert.ok(out.includes(`${option} `), `--help lacks ${option}`);
    assert.match(out, /run \[options\]/);
    // Each step's prerequisites, under its line: how to point a method at an existing resource.
    assert.match(
      out,
      /\n {2}deactivateUser .*\n {6,}needs a user \(one this run created, or --arg userId=<id>\)\n/,
    );
    assert.match(
      out,
      /\n {2}check: 401 with a SCIM error body\n {4}needs credentials \(--token or --basic\)\n/,
    );
  });

  it('run --help documents the run command', async () => {
    const { code, out } = await cli(['run', '--help']);
    assert.equal(code, 0);
    assert.match(out, /--capabilities/);
    assert.match(out, /--report/);
  });

  const bad: [string, { argv: string[]; want: RegExp }][] = [
    ['nothing at all', { argv: [], want: /--url <base> is required|give --method/ }],
    ['an unknown option', { argv: ['--url', 'http://x', '--bogus'], want: /unknown option '--bogus'/ }],
    ['an unknown method', { argv: ['--url', 'http://x', '--method', 'nope'], want: /unknown method "nope"/ }],
    ['no method', { argv: ['--url', 'http://x'], want: /give --method <name>/ }],
    ['no url', { argv: ['--method', 'createNewUser'], want: /--url <base> is required/ }],
    [
      'a URL that is not one',
      { argv: ['--url', 'not a url', '--method', 'createNewUser'], want: /--url is not a URL/ },
    ],
    [
      'credentials in the URL',
      {
        argv: ['--url', 'https://u:p@x/scim', '--method', 'createNewUser'],
        want: /--url must not carry credentials/,
      },
    ],
    [
      'a non-HTTP URL',
      { argv: ['--url', 'ftp://x/scim', '--method', 'createNewUser'], want: /--url must start with http/ },
    ],
    [
      'an unknown SCIM version',
      {
        argv: ['--url', 'http://x', '--scim', '3.0', '--method', 'createNewUser'],
        want: /--scim.*Allowed choices are 2\.0, 1\.1/,
      },
    ],
    [
      'entra over 1.1',
      {
        argv: ['--url', 'http://x', '--scim', '1.1', '--profile', 'entra', '--method', 'createNewUser'],
        want: /--profile entra speaks SCIM 2\.0 only/,
      },
    ],
    [
      'basic without a colon',
      {
        argv: ['--url', 'http://x', '--basic', 'nopassword', '--method', 'createNewUser'],
        want: /--basic takes user:password/,
      },
    ],
    [
      'token and basic',
      {
        argv: ['--url', 'http://x', '--token', 't', '--basic', 'u:p', '--method', 'createNewUser'],
        want: /--token or --basic, not both/,
      },
    ],
    [
      'an unknown report format',
      {
        argv: ['run', '--url', 'http://x', '--report', 'xml', 'f.xml'],
        want: /--report format must be json or junit/,
      },
    ],
    [
      'a report without a file',
      { argv: ['run', '--url', 'http://x', '--report', 'json'], want: /--report takes a format and a file/ },
    ],
    [
      'a report in a folder that does not exist (found before the run, not after)',
      {
        argv: ['run', '--url', 'http://x', '--report', 'junit', '/nonexistent/dir/r.xml'],
        want: /--report junit \/nonexistent\/dir\/r\.xml: no folder \/nonexistent\/dir/,
      },
    ],
    [
      'an --arg without =',
      {
        argv: ['--url', 'http://x', '--method', 'deactivateUser', '--arg', 'userId'],
        want: /--arg takes name=value/,
      },
    ],
    [
      'a --header without =',
      {
        argv: ['--url', 'http://x', '--method', 'createNewUser', '--header', 'X'],
        want: /--header takes name=value/,
      },
    ],
    [
      'options before run (they would be silently dropped)',
      {
        argv: ['--token', 't', 'run', '--url', 'http://x', '--capabilities', 'PUSH_NEW_USERS'],
        want: /give --token after run: scim-connector-tester run --url <base>/,
      },
    ],
    [
      'an unknown capability',
      {
        argv: ['run', '--url', 'http://x', '--capabilities', 'PUSH_NEW_USERS,FLY'],
        want: /unknown capability FLY/,
      },
    ],
    [
      'a bad timeout',
      {
        argv: ['--url', 'http://x', '--timeout', 'soon', '--method', 'createNewUser'],
        want: /--timeout must be a positive number/,
      },
    ],
    [
      'a missing --ca file',
      {
        argv: ['--url', 'https://x', '--ca', '/nonexistent/ca.pem', '--method', 'createNewUser'],
        want: /--ca \/nonexistent\/ca\.pem: ENOENT/,
      },
    ],
    [
      'a bad --expect-results',
      {
        argv: ['--url', 'http://x', '--method', 'checkUserExists', '--expect-results', 'maybe'],
        want: /--expect-results.*Allowed choices are true, false/,
      },
    ],
  ];
  for (const [name, { argv, want }] of bad) {
    it(`answers ${name} with one line and exit code 2`, async () => {
      const { code, out, err } = await cli(argv);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.equal(err.trimEnd().split('\n').length, 1, `more than one line: ${err}`);
      assert.match(err, /^scim-connector-tester: /);
      assert.match(err, want);
    });
  }

  it('does not echo a --header value it rejects: it usually carries a credential', async () => {
    const { code, err } = await cli([
      '--url',
      'http://x',
      '--method',
      'createNewUser',
      '--header',
      'Authorization: Bearer header-secret-42',
    ]);
    assert.equal(code, 2);
    assert.match(err, /--header takes name=value/);
    assert.ok(!err.includes('header-secret-42'), err);
  });

  it('answers a --file that is not JSON with one line and exit code 2', async () => {
    const file = join(dir, 'not-json.json');
    await writeFile(file, '{ nope');
    const { code, err } = await cli([
      '--url',
      double.url('2.0'),
      '--method',
      'createNewUser',
      '--file',
      file,
    ]);
    assert.equal(code, 2);
    assert.match(err, /^scim-connector-tester: --file .* is not JSON: .*\n$/);
  });

  it('run prints the table of steps and ends with the summary line alone; exit 0 when nothing failed', async () => {
    const { code, out } = await cli(['run', '--url', double.url('2.0'), '--token', GOOD_TOKEN]);
    assert.equal(code, 0, out);
    const lines = out.trimEnd().split('\n');
    assert.match(lines.at(-1) ?? '', SUMMARY);
    assert.match(lines.at(-1) ?? '', /^2\d passed, 0 failed$/);
    assert.ok(lines.some((l) => /^result\s+step\s+status\s+time\s+detail$/.test(l)));
    assert.ok(
      lines.some((l) => /^pass\s+createNewUser\s+201\s+\d+ ms$/.test(l)),
      out,
    );
    assert.ok(!out.includes(GOOD_TOKEN), 'the token reached the output');
  });

  it('exits 1 when a step failed, prints its request and response with secrets masked, and writes JSON and JUnit reports', async () => {
    const faulty = await startFaultyServer({ fault: 'password-echoed' });
    try {
      const json = join(dir, 'report.json');
      const junit = join(dir, 'report.xml');
      const args = [
        'run',
        '--url',
        faulty.url('1.1'),
        '--scim',
        '1.1',
        '--token',
        GOOD_TOKEN,
        '--report',
        'json',
        json,
        '--report',
        'junit',
        junit,
      ];
      const { code, out } = await cli(args);
      assert.equal(code, 1);
      assert.match(out.trimEnd().split('\n').at(-1) ?? '', /^\d+ passed, [1-9]\d* failed, \d+ skipped$/);
      assert.match(out, /FAILED createNewUser: POST \/Users returned a password/);
      assert.match(out, /Authorization: Bearer \*\*\*/);
      assert.match(out, /"password": "\*\*\*"/);
      for (const text of [out, await readFile(json, 'utf8'), await readFile(junit, 'utf8')]) {
        assert.ok(!text.includes(GOOD_TOKEN), 'the token leaked');
        assert.ok(!text.includes('verySecure'), 'a password leaked');
      }
      const report = JSON.parse(await readFile(json, 'utf8')) as {
        dialect: string;
        steps: {
          name: string;
          status: string;
          exchanges: {
            request: { method: string; body?: unknown };
            response?: { status: number; body?: unknown };
          }[];
        }[];
        counts: { fail: number };
      };
      assert.equal(report.dialect, '1.1');
      assert.ok(report.counts.fail > 0);
      assert.equal(report.steps.find((s) => s.name === 'createNewUser')?.status, 'fail');
      // A passed step keeps its requests' lines, not their bodies.
      const passed = report.steps.find((s) => s.name === 'downloadGroups');
      assert.equal(passed?.status, 'pass');
      assert.ok(
        passed.exchanges.some((e) => e.request.method === 'GET' && e.response?.status === 200) &&
          passed.exchanges.every((e) => e.request.body === undefined && e.response?.body === undefined),
      );
      const xml = await readFile(junit, 'utf8');
      assertWellFormedXml(xml);
      assert.match(xml, /<testsuites tests="\d+" failures="[1-9]\d*" skipped="\d+"/);
      assert.match(
        xml,
        /<testcase [^>]*name="createNewUser"[^>]*>\s*<failure message="POST \/Users returned a password/,
      );
    } finally {
      await faulty.close();
    }
  });

  it('--method sends the --file body, the --header headers and masks --basic', async () => {
    const file = join(dir, 'user.json');
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `cli-file-${Date.now()}@example.com`,
      password: 'fromFile1',
    };
    await writeFile(file, JSON.stringify(body));
    const json = join(dir, 'method.json');
    const { code, out } = await cli([
      '--url',
      double.url('2.0'),
      '--method',
      'createNewUser',
      '--file',
      file,
      '--header',
      'X-Trace=abc',
      '--basic',
      'okta:s3cret',
      '--report',
      'json',
      json,
    ]);
    // The double takes bearer tokens only: Basic gets 401, so the step fails, and still nothing leaks.
    assert.equal(code, 1);
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      steps: {
        exchanges: { request: { headers: Record<string, string>; body: Record<string, unknown> } }[];
      }[];
    };
    const request = report.steps[0]?.exchanges[0]?.request;
    assert.equal(request?.headers['X-Trace'], 'abc');
    assert.equal(request?.headers['Authorization'], 'Basic ***');
    assert.deepEqual(request?.body, { ...body, password: '***' });
    assert.ok(!out.includes('s3cret') && !out.includes(Buffer.from('okta:s3cret').toString('base64')));
  });

  it('--method deactivateUser works on --arg userId, and --expect-results drives checkUserExists', async () => {
    const over11 = (...argv: string[]): ReturnType<typeof cli> =>
      cli(['--url', double.url('1.1'), '--scim', '1.1', '--token', GOOD_TOKEN, ...argv]);
    const created = await over11('--method', 'createNewUser', '--report', 'json', join(dir, 'c.json'));
    assert.equal(created.code, 0, created.out);
    const report = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8')) as {
      cleanup: { id: string; name: string }[];
    };
    const user = report.cleanup[0];
    assert.ok(user);
    const deactivated = await over11('--method', 'deactivateUser', '--arg', `userId=${user.id}`);
    assert.equal(deactivated.code, 0, deactivated.out);
    assert.match(deactivated.out, /^pass\s+deactivateUser\s+200\s/m);
    const lookUp = (expect: string): ReturnType<typeof cli> =>
      over11('--method', 'checkUserExists', '--arg', `userName=${user.name}`, '--expect-results', expect);
    const found = await lookUp('true');
    assert.equal(found.code, 0, found.out);
    const missing = await lookUp('false');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /found 1 user\(s\), expected none/);
  });

  it('runs as a real process: bad arguments exit 2 with one line on stderr; a run exits 0', async () => {
    const entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
    const spawn = (argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        // No coverage from the child: c8 merges a second process's tsx output into wrong line counts.
        const env = { ...process.env, NODE_V8_COVERAGE: '' };
        execFile(
          process.execPath,
          ['--conditions=scim-connector-source', '--import', 'tsx', entry, ...argv],
          { env },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const bogus = await spawn(['--bogus']);
    assert.equal(bogus.code, 2);
    assert.equal(bogus.stderr, "scim-connector-tester: unknown option '--bogus'\n");
    const run = await spawn([
      'run',
      '--url',
      double.url('2.0'),
      '--token',
      GOOD_TOKEN,
      '--capabilities',
      'PUSH_NEW_USERS',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout.trimEnd().split('\n').at(-1) ?? '', /^\d+ passed, 0 failed$/);
  });
});

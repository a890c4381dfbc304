// The built command, through its bin file, when the reader of its output goes away (`--help | head`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/scim-connector-tester.js', import.meta.url));
const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

/** Runs the command with a stdout whose reader closes before the first byte: what `| head` does at worst. */
function runWithClosedStdout(argv: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_V8_COVERAGE: '' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('scim-connector-tester, built, with its output closed early', () => {
  before(() => assert.ok(existsSync(built), `${built} is missing: run npm run build first`));

  const cases: [string, string[], number][] = [
    ['--help exits 0, silently', ['--help'], 0],
    ['a bad argument keeps its exit code', ['--bogus'], 2],
  ];
  for (const [what, argv, code] of cases) {
    it(what, async () => {
      const result = await runWithClosedStdout(argv);
      assert.doesNotMatch(result.stderr, /EPIPE|Error/);
      assert.equal(result.code, code, result.stderr);
    });
  }
});

// Property: random edits to random method bodies survive random spec changes, and a second regeneration is a no-op.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readTaggedMethods } from '../../src/generate/body-hash.js';
import { CORE } from '../../src/shell/core.js';
import { runGenerate } from '../../src/shell/run-generate.js';
import { GENERATOR_ROOT } from '../../src/vendor/generator-root.js';
import { specText, type SpecShape } from './scenario-project.js';

const seed = 20261129;
const numRuns = 8;
const CAPABILITIES = ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'GROUP_PUSH', 'IMPORT_NEW_USERS'];

const shape = fc.record({
  capabilities: fc.subarray(CAPABILITIES, { minLength: 1 }),
  attributes: fc.dictionary(
    fc.constantFrom('costCenter', 'department', 'badge'),
    fc.constantFrom('string', 'boolean'),
    {
      maxKeys: 2,
    },
  ),
}) as fc.Arbitrary<SpecShape>;

async function mtimes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      out.set(join(entry.parentPath, entry.name), (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  return out;
}

describe(`regeneration properties (fast-check seed ${seed}, ${numRuns} runs)`, function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'regen-property-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('edits survive a spec change; regenerating again changes nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        shape,
        shape,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        async (first, second, picks) => {
          const project = join(dir, `p${run++}`);
          const spec = join(dir, `spec${run}.yaml`);
          const generate = async (s: SpecShape) => {
            await writeFile(spec, specText(s));
            const outcome = await runGenerate(CORE, {
              specFile: spec,
              outDir: project,
              dryRun: false,
              force: false,
              packages: 'registry',
              root: GENERATOR_ROOT,
            });
            assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
            return outcome;
          };
          await generate(first);
          const path = join(project, 'src/connector.ts');
          let text = await readFile(path, 'utf8');
          const methods = readTaggedMethods(text);
          const edits = new Map<string, string>();
          for (const pick of picks) {
            const method = methods[pick % methods.length]!;
            const edit = `void 'edit ${pick}';`;
            text = text.replace(
              new RegExp(`(async ${method.operation}\\([^)]*\\)[^{]*\\{\\n)`),
              `$1    ${edit}\n`,
            );
            edits.set(method.operation, `${edits.get(method.operation) ?? ''}${edit}`);
          }
          await writeFile(path, text);
          await generate(second);
          const merged = new Map(
            readTaggedMethods(await readFile(path, 'utf8')).map((m) => [m.operation, m.bodyText]),
          );
          for (const [operation, edit] of edits) {
            for (const line of edit.split(';').filter((l) => l !== ''))
              assert.ok(merged.get(operation)?.includes(`${line};`), `${operation} lost ${line}`);
          }
          const before = await mtimes(project);
          const again = await generate(second);
          assert.ok(
            again.files.every((f) => f.action === 'unchanged' || f.action === 'keep'),
            JSON.stringify(
              again.files.filter((f) => f.action !== 'unchanged').map((f) => [f.path, f.action]),
            ),
          );
          assert.deepEqual(await mtimes(project), before);
        },
      ),
      { seed, numRuns },
    );
  });
});

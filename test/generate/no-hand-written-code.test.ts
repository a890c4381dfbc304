// Each mapped example's committed connector.ts is generated code only: every method body hashes as its manifest says, none is a stub, the spec is under 100 lines.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { hashBody, readTaggedMethods } from '../../src/generate/body-hash.js';
import type { Manifest } from '../../src/generate/manifest.js';

const EXAMPLES = ['acme-hr', 'globex-crm'];
const golden = (example: string, path: string): URL =>
  new URL(`../golden/${example}/${path}`, import.meta.url);

/** The operations whose body in `source` does not hash as `manifest` records (edited, or unknown to it). */
async function editedBodies(source: string, manifest: Manifest): Promise<string[]> {
  const edited: string[] = [];
  for (const method of readTaggedMethods(source)) {
    if (manifest.methods[method.operation] !== (await hashBody(method.bodyText)))
      edited.push(method.operation);
  }
  return edited;
}

describe('mapped examples: no hand-written code in the committed connector.ts', () => {
  for (const example of EXAMPLES) {
    it(`${example}: every method body is the generator's, none a stub, the spec ≤ 100 lines`, async () => {
      const manifest = JSON.parse(
        await readFile(golden(example, '.scim-connector/manifest.json'), 'utf8'),
      ) as Manifest;
      const source = await readFile(golden(example, 'src/connector.ts'), 'utf8');
      const methods = readTaggedMethods(source).map((m) => m.operation);
      assert.deepEqual([...methods].sort(), Object.keys(manifest.methods).sort());
      assert.ok(methods.length > 0, 'the connector has no generated methods');
      assert.deepEqual(await editedBodies(source, manifest), []);
      assert.doesNotMatch(source, /NotImplementedError/, 'every method is mapped: no stub remains');
      const spec = await readFile(golden(example, 'connector.yaml'), 'utf8');
      const lines = spec.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '').length;
      assert.ok(lines <= 100, `connector.yaml has ${lines} lines`);
    });
  }

  it('an edited body is found (the check can fail)', async () => {
    const manifest = JSON.parse(
      await readFile(golden('acme-hr', '.scim-connector/manifest.json'), 'utf8'),
    ) as Manifest;
    const source = await readFile(golden('acme-hr', 'src/connector.ts'), 'utf8');
    const edited = source.replace(
      'if (result.response.status === 404) return undefined;',
      "if (result.response.status === 404 || id === '') return undefined;",
    );
    assert.notEqual(edited, source);
    assert.deepEqual(await editedBodies(edited, manifest), ['getUser']);
  });
});

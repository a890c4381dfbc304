// Generating is deterministic, the manifest hashes what was generated, and a body's hash ignores formatting and comments.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashBody, hashText, readTaggedMethods } from '../../src/generate/body-hash.js';
import { generate } from '../../src/generate/generate.js';
import type { GeneratedFile } from '../../src/generate/generate-contract.js';
import { generateExample } from './golden-cases.js';
import { specFixture } from './spec-fixture.js';

const text = (files: GeneratedFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  assert.ok(file !== undefined && typeof file.contents === 'string', `${path} is generated`);
  return file.contents;
};

describe('generate: determinism and the manifest', () => {
  it('gives identical bytes when run twice', async () => {
    const first = await generateExample();
    const second = await generateExample();
    assert.deepEqual(
      second.files.map((f) => [f.path, hashText(f.contents)]),
      first.files.map((f) => [f.path, hashText(f.contents)]),
    );
  });

  it('records a hash of every other file and of every tagged method body', async () => {
    const { files } = await generateExample();
    const manifest = JSON.parse(text(files, '.scim-connector/manifest.json')) as {
      files: Record<string, string>;
      methods: Record<string, string>;
    };
    const others = files.filter((f) => f.path !== '.scim-connector/manifest.json');
    assert.deepEqual(
      Object.keys(manifest.files),
      others.map((f) => f.path),
    );
    for (const file of others) assert.equal(manifest.files[file.path], hashText(file.contents), file.path);
    const methods = readTaggedMethods(text(files, 'src/connector.ts'));
    assert.equal(methods.length, 12);
    for (const method of methods)
      assert.equal(manifest.methods[method.operation], await hashBody(method.bodyText));
  });

  it('hashes a body the same after reformatting and comments, and differently after a code change', async () => {
    const body = `return this.store.createUser(user, ctx);`;
    const reformatted = `\n      // pass it on\n      return this.store.createUser(\n        user,\n        ctx\n      ) /* as is */;\n`;
    const edited = `return this.store.createUser({ ...user, active: true }, ctx);`;
    assert.equal(await hashBody(reformatted), await hashBody(body));
    assert.notEqual(await hashBody(edited), await hashBody(body));
    assert.equal(
      await hashBody(`throw new NotImplementedError("x")`),
      await hashBody(`throw new NotImplementedError('x');`),
    );
  });

  it('keeps a description that would end a comment or break a line out of the code it is written into', async () => {
    const { files } = await generate(specFixture({ description: 'Ends */ here\nand [Service]' }), {
      specText: 'name: fixture\n',
      packages: { kind: 'registry', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' },
    });
    assert.match(text(files, 'src/connector.ts'), /^ \* Ends \* \/ here and \[Service\]$/m);
    assert.match(text(files, 'fixture.service'), /^Description=Ends \* \/ here and \[Service\]$/m);
  });

  it('emits vendored packages with file: specs and an override that gives the tester the same SDK', async () => {
    const tarball = new Uint8Array([1, 2, 3]);
    const { files } = await generate(specFixture(), {
      specText: 'name: fixture\n',
      packages: {
        kind: 'vendor',
        sdkTarball: 'vendor/scim-connector-sdk-0.1.0.tgz',
        testerTarball: 'vendor/scim-connector-tester-0.1.0.tgz',
        tarballs: [{ path: 'vendor/scim-connector-sdk-0.1.0.tgz', contents: tarball }],
      },
    });
    const pkg = JSON.parse(text(files, 'package.json')) as Record<string, Record<string, string>>;
    assert.equal(pkg['dependencies']?.['scim-connector-sdk'], 'file:vendor/scim-connector-sdk-0.1.0.tgz');
    assert.equal(
      pkg['devDependencies']?.['scim-connector-tester'],
      'file:vendor/scim-connector-tester-0.1.0.tgz',
    );
    assert.deepEqual(pkg['overrides'], { 'scim-connector-sdk': 'file:vendor/scim-connector-sdk-0.1.0.tgz' });
    assert.equal(pkg['devDependencies']?.['typescript'], '~5.9.3');
    const manifest = JSON.parse(text(files, '.scim-connector/manifest.json')) as {
      files: Record<string, string>;
    };
    assert.equal(manifest.files['vendor/scim-connector-sdk-0.1.0.tgz'], hashText(tarball));
  });

  it('copies an OpenAPI document from outside the project and rewrites only its path in connector.yaml', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'generate-spec-files-'));
    try {
      await writeFile(
        join(dir, 'app.json'),
        '{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{}}',
      );
      const specText =
        '# my comment\nname: fixture\nbackend:\n  kind: openapi\n  document: "./app.json" # the app\n';
      const spec = specFixture({
        file: join(dir, 'connector.yaml'),
        backend: {
          kind: 'openapi',
          document: join(dir, 'app.json'),
          baseUrl: { literal: 'http://app' },
          auth: { type: 'none' },
          parameters: [],
          timeoutMs: 10000,
        },
      });
      const copied = await generate(spec, {
        specText,
        packages: { kind: 'registry', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' },
      });
      assert.equal(
        text(copied.files, 'connector.yaml'),
        '# my comment\nname: fixture\nbackend:\n  kind: openapi\n  document: "openapi.json" # the app\n',
      );
      assert.match(text(copied.files, 'openapi.json'), /"title":"T"/);
      assert.match(text(copied.files, 'src/generated/app-api.ts'), /^\/\/ generated from connector\.yaml/);
      const inPlace = await generate(spec, {
        specText,
        projectDir: dir,
        packages: { kind: 'registry', sdkVersion: '^0.1.0', testerVersion: '^0.1.0' },
      });
      assert.equal(
        inPlace.files.find((f) => f.path === 'openapi.json'),
        undefined,
        'a document inside the project is not copied',
      );
      assert.equal(text(inPlace.files, 'connector.yaml'), specText.replace('"./app.json"', '"app.json"'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

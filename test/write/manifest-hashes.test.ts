// manifestHashes: reading what the generator wrote last time.
import assert from 'node:assert/strict';
import { ManifestError, manifestHashes } from '../../src/write/manifest-hashes.js';

const hash = 'ab'.repeat(32);

describe('manifestHashes', () => {
  it('reads a hash per file, plain or in an object', () => {
    const text = JSON.stringify({
      files: { 'a.ts': hash, 'b.ts': { hash: `sha256:${hash}`, zone: 'generated' } },
    });
    assert.deepEqual(
      [...manifestHashes(text)],
      [
        ['a.ts', hash],
        ['b.ts', hash],
      ],
    );
  });

  const bad: [string, string][] = [
    ['not JSON', '{'],
    ['no files', '{}'],
    ['files as a list', '{"files":[]}'],
    ['a file without a hash', '{"files":{"a.ts":{}}}'],
    ['a hash that is not SHA-256', '{"files":{"a.ts":"1234"}}'],
  ];
  for (const [name, text] of bad) {
    it(`refuses ${name}`, () => assert.throws(() => manifestHashes(text), ManifestError));
  }
});

// isWorkspace: npm workspace globs matched against a folder relative to the root.
import assert from 'node:assert/strict';
import { isWorkspace } from '../../src/vendor/workspace-glob.js';

const cases: [string, string[], boolean][] = [
  ['examples/acme', ['sdk', 'examples/*'], true],
  ['examples/acme/nested', ['examples/*'], false],
  ['examples', ['examples/*'], false],
  ['sdk', ['sdk'], true],
  ['packages/a/b', ['packages/**'], true],
  ['test/golden/acme', ['sdk', 'tester', 'examples/*'], false],
  ['examples/acme-connector', ['examples/acme-*'], true],
  ['examples/other', ['examples/acme-*'], false],
];

describe('isWorkspace', () => {
  for (const [path, globs, want] of cases) {
    it(`${path} in [${globs.join(', ')}] → ${want}`, () => assert.equal(isWorkspace(path, globs), want));
  }
});

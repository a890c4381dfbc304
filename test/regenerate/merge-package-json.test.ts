// mergePackageJson: the generator's fields and dependencies updated, the user's additions kept.
import assert from 'node:assert/strict';
import { MergeError } from '../../src/regenerate/merge-connector.js';
import { mergePackageJson } from '../../src/regenerate/merge-package-json.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const generated = {
  name: 'c',
  version: '0.1.0',
  scripts: { test: 'mocha' },
  dependencies: { 'scim-connector-sdk': '0.1.0' },
};

const cases: [string, { current: object; fresh: object; want: object; changed: boolean }][] = [
  ['unchanged', { current: generated, fresh: generated, want: generated, changed: false }],
  [
    "a newer generator upgrades the SDK; the user's dependency, script and version stay",
    {
      current: {
        ...generated,
        version: '2.0.0',
        scripts: { test: 'mocha', lint: 'eslint .' },
        dependencies: { 'left-pad': '^1.3.0', 'scim-connector-sdk': '0.1.0' },
      },
      fresh: { ...generated, dependencies: { 'scim-connector-sdk': '0.2.0' } },
      want: {
        ...generated,
        version: '2.0.0',
        scripts: { test: 'mocha', lint: 'eslint .' },
        dependencies: { 'left-pad': '^1.3.0', 'scim-connector-sdk': '0.2.0' },
      },
      changed: true,
    },
  ],
  [
    'a changed script is updated without asking for npm install',
    {
      current: generated,
      fresh: { ...generated, scripts: { test: 'mocha --parallel' } },
      want: { ...generated, scripts: { test: 'mocha --parallel' } },
      changed: false,
    },
  ],
];

describe('mergePackageJson', () => {
  for (const [name, c] of cases) {
    it(name, async () => {
      const merged = await mergePackageJson(json(c.current), json(c.fresh));
      assert.deepEqual(JSON.parse(merged.text), c.want);
      assert.equal(merged.dependenciesChanged, c.changed);
    });
  }

  it('keeps the bytes when nothing changes', async () => {
    const text = json(generated);
    assert.equal((await mergePackageJson(text, text)).text, text);
  });

  it('refuses a package.json that is not a JSON object', async () => {
    await assert.rejects(mergePackageJson('{', json(generated)), MergeError);
  });
});

// Keeps spec/connector.schema.json, the SDK's capability list and spec/README.md in step with the loader.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { CAPABILITIES } from 'scim-connector-sdk';
import { formatSetting, parseSetting, SCHEMA_URL, SPEC_CODES } from '../../src/spec/index.js';

const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as {
  properties: { capabilities: { items: { enum: string[] } } };
};
const readme = readFileSync(new URL('../../spec/README.md', import.meta.url), 'utf8');

describe('spec schema and reference', () => {
  it('lists exactly the SDK capabilities, in its order', () => {
    assert.deepEqual(schema.properties.capabilities.items.enum, [...CAPABILITIES]);
  });

  it('documents every capability and every problem code in spec/README.md', () => {
    const missing = [...CAPABILITIES, ...Object.keys(SPEC_CODES)].filter(
      (word) => !readme.includes(`\`${word}\``),
    );
    assert.deepEqual(missing, []);
  });

  it('formats a Setting back to the text it was parsed from', () => {
    for (const text of ['plain', '${NAME}', '${NAME:-fallback}', '${NAME:-}']) {
      const setting = parseSetting(text);
      assert.ok(setting, text);
      assert.equal(formatSetting(setting), text);
    }
    assert.equal(parseSetting('https://${HOST}/api'), undefined);
  });
});

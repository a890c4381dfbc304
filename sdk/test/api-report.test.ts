// The checked-in API reports (sdk/api/*.api.md) match what each package entry exports.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import {
  apiEntries,
  apiSurface,
  parseReport,
  renderReport,
  surfaceChanges,
} from '../../scripts/api-report.js';

describe('API report', function () {
  // One type-checked program over the SDK's sources: seconds, not milliseconds.
  this.timeout(120_000);

  it('reads back what it renders', () => {
    const names = new Map([
      ['a', 'function a(): void;'],
      ['B', 'interface B {\n  x: string;\n}'],
    ]);
    const entry = { subpath: './x', source: 'sdk/src/x.ts', report: 'sdk/api/x.api.md' };
    assert.deepEqual(parseReport(renderReport(entry, names)), names);
  });

  const changeCases: [string, Record<string, string>, Record<string, string>, string[]][] = [
    ['nothing', { a: '1' }, { a: '1' }, []],
    ['a new export', { a: '1' }, { a: '1', b: '2' }, ['+ b (new export)']],
    ['a removed export', { a: '1', b: '2' }, { a: '1' }, ['- b (no longer exported)']],
    ['a changed signature', { a: '1' }, { a: '2' }, ['~ a (signature changed)']],
  ];
  for (const [name, reported, actual, want] of changeCases) {
    it(`names ${name}`, () => {
      assert.deepEqual(
        surfaceChanges(new Map(Object.entries(reported)), new Map(Object.entries(actual))),
        want,
      );
    });
  }

  it('is up to date for every entry of sdk/package.json', () => {
    const stale: string[] = [];
    for (const [entry, names] of apiSurface(apiEntries())) {
      const reported = existsSync(entry.report) ? parseReport(readFileSync(entry.report, 'utf8')) : new Map();
      for (const change of surfaceChanges(reported, names)) stale.push(`${entry.subpath}: ${change}`);
    }
    assert.deepEqual(
      stale,
      [],
      `the public surface changed without its report; run \`npm run api:update\` and review the diff:\n${stale.join('\n')}`,
    );
  });
});

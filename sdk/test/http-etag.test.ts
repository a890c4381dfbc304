// Entity tags from meta.version and If-Match / If-None-Match matching.
import { strict as assert } from 'node:assert';
import { etagOf, tagMatches } from '../src/http/etag.js';

describe('http: ETags', () => {
  const tags: [string, { version: string | undefined; want: string | undefined }][] = [
    ['weak tag kept', { version: 'W/"3"', want: 'W/"3"' }],
    ['strong tag kept', { version: '"abc"', want: '"abc"' }],
    ['bare version quoted', { version: '17', want: '"17"' }],
    ['no version', { version: undefined, want: undefined }],
    ['empty version', { version: '', want: undefined }],
  ];
  for (const [name, { version, want }] of tags) {
    it(name, () =>
      assert.equal(etagOf({ schemas: [], ...(version === undefined ? {} : { meta: { version } }) }), want),
    );
  }

  const matches: [string, { header: string; current: string | undefined; want: boolean }][] = [
    ['same weak tag', { header: 'W/"3"', current: 'W/"3"', want: true }],
    ['weak comparison ignores W/', { header: '"3"', current: 'W/"3"', want: true }],
    ['another version', { header: 'W/"2"', current: 'W/"3"', want: false }],
    ['one of a list', { header: 'W/"1", W/"3"', current: 'W/"3"', want: true }],
    ['star', { header: '*', current: 'W/"3"', want: true }],
    ['star without a version', { header: '*', current: undefined, want: true }],
    ['a tag without a version', { header: 'W/"3"', current: undefined, want: false }],
  ];
  for (const [name, { header, current, want }] of matches) {
    it(`matches: ${name}`, () => assert.equal(tagMatches(header, current), want));
  }
});

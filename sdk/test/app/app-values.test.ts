// Values between SCIM and app records: read-merge-write keeps what the connector does not own; compact leaves absent values out.
import { strict as assert } from 'node:assert';
import { compact, mergeRecord } from '../../src/app.js';

describe('mergeRecord: the update written over the record read before it', () => {
  const CASES: { title: string; current: unknown; changes: unknown; want: unknown }[] = [
    {
      title: 'fields the update does not name survive',
      current: { id: '1', email: 'a@x', phone: '+1' },
      changes: { email: 'b@x' },
      want: { id: '1', email: 'b@x', phone: '+1' },
    },
    {
      title: 'maps are merged key by key',
      current: { attributes: { department: ['R&D'], parking: ['P3'] } },
      changes: { attributes: { department: ['Sales'] } },
      want: { attributes: { department: ['Sales'], parking: ['P3'] } },
    },
    {
      title: 'lists are replaced whole',
      current: { territories: ['north', 'south'] },
      changes: { territories: ['east'] },
      want: { territories: ['east'] },
    },
    {
      title: 'null clears, undefined (omit) keeps',
      current: { costCenter: 'CC-7', title: 'Eng' },
      changes: { costCenter: null, title: undefined },
      want: { costCenter: null, title: 'Eng' },
    },
    { title: 'no record read: the update alone', current: undefined, changes: { a: 1 }, want: { a: 1 } },
  ];
  for (const c of CASES) {
    it(c.title, () => assert.deepEqual(mergeRecord(c.current, c.changes), c.want));
  }
});

describe('compact: absent values left out', () => {
  it('drops undefined and null, empty objects and lists, and elements with only a type', () => {
    const resource = {
      id: '1',
      title: null,
      nickName: undefined,
      name: { givenName: 'Ada', familyName: null },
      phoneNumbers: [{ type: 'mobile', value: null }],
      emails: [{ type: 'work', value: 'ada@x' }],
      groups: [],
    };
    assert.deepEqual(compact(resource), {
      id: '1',
      name: { givenName: 'Ada' },
      emails: [{ type: 'work', value: 'ada@x' }],
    });
  });

  it('keeps false, 0 and empty strings, and drops what a list holds of nothing', () => {
    const record = {
      active: false,
      count: 0,
      note: '',
      tags: ['a', null, undefined, 'b'],
      phones: [{ type: 'work', primary: true }, {}, { value: '1' }],
      nested: { deeper: { gone: null } },
    };
    assert.deepEqual(compact(record), {
      active: false,
      count: 0,
      note: '',
      tags: ['a', 'b'],
      phones: [{ value: '1' }],
    });
  });
});

// vanishedNames: what the generated code used to name and no longer does (a renamed attribute or mapping).
import assert from 'node:assert/strict';
import { vanishedNames } from '../../src/regenerate/vanished-names.js';

const cases: [string, { before: string[]; after: string[]; want: string[] }][] = [
  [
    'a renamed attribute: property key and string literal',
    {
      before: ["export type U = { costCenter?: string };\nconst a = { name: 'costCenter' };"],
      after: ["export type U = { department?: string };\nconst a = { name: 'department' };"],
      want: ['costCenter'],
    },
  ],
  [
    'a renamed app field in a mapper',
    {
      before: ['const user = { title: app.jobTitle };'],
      after: ['const user = { title: app.position };'],
      want: ['jobTitle'],
    },
  ],
  [
    'comments and sentences in strings do not count',
    {
      before: ["// costCenter was here\nconst s = 'the cost center';"],
      after: ["const s = 'x';"],
      want: [],
    },
  ],
];

describe('vanishedNames', () => {
  for (const [name, c] of cases) {
    it(name, () => assert.deepEqual([...vanishedNames(c.before, c.after)], c.want));
  }
});

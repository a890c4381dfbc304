// mergeConnector: the user's connector.ts merged with a fresh rendering, method by method, by tags and body hashes.
import assert from 'node:assert/strict';
import { hashBody } from '../../src/generate/body-hash.js';
import {
  DEPRECATED_MARK,
  mergeConnector,
  MergeError,
  type MethodEntry,
} from '../../src/regenerate/merge-connector.js';

interface MethodSpec {
  op: string;
  params?: string;
  returns?: string;
  body: string;
  deprecated?: boolean;
}

function method(m: MethodSpec): string {
  const mark = m.deprecated === true ? `\n   * ${DEPRECATED_MARK}` : '';
  return `  /**
   * Does ${m.op}.
   * @generated operation=${m.op}${mark}
   */
  async ${m.op}(${m.params ?? '_id: string'}): ${m.returns ?? 'Promise<void>'} {
    ${m.body}
  }`;
}

function file(methods: MethodSpec[], opts: { imports?: string; extra?: string } = {}): string {
  return `// The connector.
import type { RequestContext } from 'scim-connector-sdk';
${opts.imports ?? ''}
export class Connector {
  constructor(readonly config: object) {}
${opts.extra ?? ''}
${methods.map(method).join('\n\n')}
}
`;
}

const STUB = "throw new Error('todo');";
const MAPPED = 'return this.config as never;';
const EDITED = 'return console.log(id) as never;';

interface Case {
  current: string;
  rendered: string;
  /** Operations whose bodies the manifest records, with the body the generator wrote. */
  written: Record<string, string>;
  entries: MethodEntry[];
  /** Substrings the merged text must hold, and must not. */
  has?: string[];
  hasNot?: string[];
}

const cases: [string, Case][] = [
  [
    'unchanged spec: no byte changes',
    {
      current: file([{ op: 'getUser', body: STUB }]),
      rendered: file([{ op: 'getUser', body: STUB }]),
      written: { getUser: STUB },
      entries: [],
    },
  ],
  [
    'a newly needed method is added after its predecessor',
    {
      current: file([{ op: 'getUser', body: STUB }]),
      rendered: file([
        { op: 'getUser', body: STUB },
        { op: 'deleteUser', body: STUB },
      ]),
      written: { getUser: STUB },
      entries: [{ kind: 'added', operation: 'deleteUser' }],
      has: ['async deleteUser(_id: string)'],
    },
  ],
  [
    'an unedited body is refreshed',
    {
      current: file([{ op: 'getUser', body: STUB }]),
      rendered: file([{ op: 'getUser', body: MAPPED }]),
      written: { getUser: STUB },
      entries: [{ kind: 'refreshed', operation: 'getUser' }],
      has: [MAPPED],
      hasNot: [STUB],
    },
  ],
  [
    'a reformatted, commented body still counts as unedited',
    {
      current: file([{ op: 'getUser', body: `// just a note\n    throw new Error(\n      'todo',\n    );` }]),
      rendered: file([{ op: 'getUser', body: MAPPED }]),
      written: { getUser: STUB },
      entries: [{ kind: 'refreshed', operation: 'getUser' }],
      has: [MAPPED],
    },
  ],
  [
    'an edited body is kept',
    {
      current: file([{ op: 'getUser', params: 'id: string', body: EDITED }]),
      rendered: file([{ op: 'getUser', body: MAPPED }]),
      written: { getUser: STUB },
      entries: [{ kind: 'kept', operation: 'getUser' }],
      has: [EDITED, 'async getUser(id: string)'],
    },
  ],
  [
    'an edited body keeps its parameter names when the contract changes',
    {
      current: file([{ op: 'getUser', params: 'id: string', body: EDITED }]),
      rendered: file([
        {
          op: 'getUser',
          params: '_id: string, _ctx: RequestContext',
          returns: 'Promise<string>',
          body: STUB,
        },
      ]),
      written: { getUser: STUB },
      entries: [{ kind: 'kept', operation: 'getUser', signatureRefreshed: true }],
      has: [EDITED, 'async getUser(id: string, _ctx: RequestContext): Promise<string> {'],
    },
  ],
  [
    'a method no longer needed is kept and marked deprecated',
    {
      current: file([
        { op: 'getUser', body: STUB },
        { op: 'deleteUser', params: 'id: string', body: EDITED },
      ]),
      rendered: file([{ op: 'getUser', body: STUB }]),
      written: { getUser: STUB, deleteUser: STUB },
      entries: [{ kind: 'deprecated', operation: 'deleteUser' }],
      has: [`@generated operation=deleteUser\n   * ${DEPRECATED_MARK}\n`, EDITED],
    },
  ],
  [
    'a deprecated method needed again loses its mark (and is refreshed when unedited)',
    {
      current: file([
        { op: 'getUser', body: STUB },
        { op: 'deleteUser', body: STUB, deprecated: true },
      ]),
      rendered: file([
        { op: 'getUser', body: STUB },
        { op: 'deleteUser', body: MAPPED },
      ]),
      written: { getUser: STUB, deleteUser: STUB },
      entries: [
        { kind: 'restored', operation: 'deleteUser' },
        { kind: 'refreshed', operation: 'deleteUser' },
      ],
      has: [`@generated operation=deleteUser\n   */\n  async deleteUser`, MAPPED],
      hasNot: ['@deprecated'],
    },
  ],
  [
    "the user's members, imports and comments stay byte for byte; the new code's imports are added",
    {
      current: file([{ op: 'getUser', body: STUB }], {
        imports: "import { readFile } from 'node:fs/promises'; // mine",
        extra: '\n  /* my helper */\n  private   helper( ):number{return 1}\n',
      }),
      rendered: file(
        [
          { op: 'getUser', body: STUB },
          { op: 'getGroup', params: '_id: string', returns: 'Promise<Group>', body: STUB },
        ],
        { imports: "import type { Group } from './generated/schemas.js';" },
      ),
      written: { getUser: STUB },
      entries: [{ kind: 'added', operation: 'getGroup' }],
      has: [
        "import { readFile } from 'node:fs/promises'; // mine",
        '/* my helper */\n  private   helper( ):number{return 1}',
        "import type { Group } from './generated/schemas.js';",
      ],
    },
  ],
  [
    'a generated name that vanished from a generated module is dropped when unused; new names are added',
    {
      current: file([{ op: 'getUser', body: 'return toUserOld() as never;' }], {
        imports: "import { fromUser, toUserOld } from './generated/mappers.js';",
      }),
      rendered: file([{ op: 'getUser', body: 'return toUser() as never;' }], {
        imports: "import { toUser } from './generated/mappers.js';",
      }),
      written: { getUser: 'return toUserOld() as never;' },
      entries: [{ kind: 'refreshed', operation: 'getUser' }],
      has: ["import { toUser } from './generated/mappers.js';"],
      hasNot: ['fromUser', 'toUserOld'],
    },
  ],
  [
    'a field the new code needs is added before the constructor',
    {
      current: file([{ op: 'getUser', body: STUB }]),
      rendered: file([{ op: 'getUser', body: STUB }], {
        extra: '  private readonly schemas = registry();\n',
      }),
      written: { getUser: STUB },
      entries: [],
      has: ['{\n  private readonly schemas = registry();\n  constructor(readonly config: object) {}'],
    },
  ],
  [
    'a method with no recorded hash is treated as edited',
    {
      current: file([{ op: 'getUser', body: STUB }]),
      rendered: file([{ op: 'getUser', body: MAPPED }]),
      written: {},
      entries: [{ kind: 'kept', operation: 'getUser' }],
      has: [STUB],
    },
  ],
];

async function hashes(written: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [op, body] of Object.entries(written)) out[op] = await hashBody(body);
  return out;
}

describe('mergeConnector', function () {
  this.timeout(30_000);
  for (const [name, c] of cases) {
    it(name, async () => {
      const merged = await mergeConnector(c.current, c.rendered, await hashes(c.written));
      assert.deepEqual(merged.entries, c.entries);
      if (c.entries.length === 0 && c.has === undefined) assert.equal(merged.text, c.current);
      for (const s of c.has ?? [])
        assert.ok(merged.text.includes(s), `missing ${JSON.stringify(s)} in\n${merged.text}`);
      for (const s of c.hasNot ?? [])
        assert.ok(!merged.text.includes(s), `unexpected ${JSON.stringify(s)} in\n${merged.text}`);
      // A second merge of the result changes nothing: the merge is a fixed point.
      const again = await mergeConnector(merged.text, c.rendered, await hashes(c.written));
      assert.equal(again.text, merged.text);
    });
  }

  it('refuses a connector.ts that does not parse, naming the place', async () => {
    await assert.rejects(
      mergeConnector('export class Connector {\n  async getUser( {\n', file([]), {}),
      (error: unknown) => error instanceof MergeError && /does not parse \(\d+:\d+: /.test(error.message),
    );
  });
});
